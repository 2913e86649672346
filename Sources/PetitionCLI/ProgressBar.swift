import Foundation

/// A one-line progress bar with rate and ETA, drawn on standard error when it is
/// a terminal, silent otherwise so that piped output stays clean.
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast

    init(label: String, terminal: Terminal = .current) {
        self.label = label
        enabled = terminal.errorIsInteractive
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        // Narrow enough that the whole line fits 80 columns with the largest counts.
        let width = 20
        let filled = min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %@ %d/%d  %.0f 条/秒  剩余 %.0f 秒 ", label, bar, done, total, rate, remaining)
        Terminal.writeError(line)
    }

    /// Progress through a file read as a stream: records so far, and the share of its bytes read.
    func update(done: Int, fraction: Double) {
        guard enabled else { return }
        let now = Date()
        guard fraction >= 1 || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let share = min(max(fraction, 0), 1)
        let remaining = share > 0 ? elapsed * (1 - share) / share : 0
        // Narrow enough that the whole line fits 80 columns with the largest counts.
        let width = 20
        let filled = Int(Double(width) * share)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %@ %3.0f%%  %d 条  %.0f 条/秒  剩余 %.0f 秒 ", label, bar, share * 100, done,
                          Double(done) / elapsed, remaining)
        Terminal.writeError(line)
    }

    func finish() {
        guard enabled else { return }
        Terminal.writeError("\r\u{1B}[K")
    }
}
