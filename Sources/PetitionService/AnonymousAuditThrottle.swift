import Foundation
import Synchronization

/// Keeps requests without a valid token from filling the audit trail: the
/// first refusal from an address in each window is written, and the next
/// entry written for that address says how many came between. The trail
/// still shows who knocked, when and how often; 200 bad tokens make one row
/// a minute, not 200.
final class AnonymousAuditThrottle: Sendable {
    let window: Duration

    private struct Tally {
        var lastWritten: ContinuousClock.Instant
        var unwritten: Int
    }

    private let tallies = Mutex<[String: Tally]>([:])

    init(window: Duration = .seconds(60)) {
        self.window = window
    }

    /// Whether this refusal is written, and how many went unwritten before it; nil when it is not written.
    func entry(for address: String, now: ContinuousClock.Instant = .now) -> Int? {
        tallies.withLock { tallies in
            if tallies.count > 10_000 { tallies = tallies.filter { now - $0.value.lastWritten < window } }
            if var tally = tallies[address], now - tally.lastWritten < window {
                tally.unwritten += 1
                tallies[address] = tally
                return nil
            }
            let unwritten = tallies[address]?.unwritten ?? 0
            tallies[address] = Tally(lastWritten: now, unwritten: 0)
            return unwritten
        }
    }
}
