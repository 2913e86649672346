import Foundation

/// What the output stream can show: colour and a live progress bar only on a terminal.
struct Terminal {
    let isInteractive: Bool
    let errorIsInteractive: Bool

    static let current = Terminal(isInteractive: isatty(STDOUT_FILENO) == 1,
                                  errorIsInteractive: isatty(STDERR_FILENO) == 1)

    /// Columns of the output: the terminal's, else `$COLUMNS`, else 100 (a pipe or a file).
    var width: Int {
        var size = winsize()
        if isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 100
    }

    /// A line of output. When the reader has gone (`petition search … | head`),
    /// the command ends quietly with success, as Unix tools do on SIGPIPE:
    /// SwiftNIO ignores the signal, so the write fails with EPIPE instead.
    func print(_ line: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
        } catch {
            exit(0)
        }
    }

    func printError(_ line: String) {
        Self.writeError(line + "\n")
    }

    /// Standard error gone: there is nobody left to tell, and the exit status
    /// must still say how the command ended, so the text is dropped.
    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}

/// Display width: East Asian wide and full-width characters take two columns.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let value = scalar.value
        if value < 0x20 || (0x300...0x36F).contains(value) { return width }
        let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        return width + (wide ? 2 : 1)
    }
}

/// Pads or truncates to a display width.
func fit(_ text: String, width: Int) -> String {
    var result = ""
    var used = 0
    let needsCut = displayWidth(text) > width
    // A cut text ends in …, so that a reader knows there is more.
    let room = needsCut ? max(0, width - 1) : width
    for character in text {
        let characterWidth = displayWidth(String(character))
        if used + characterWidth > room {
            result += needsCut && width > 0 ? "…" : ""
            used += needsCut && width > 0 ? 1 : 0
            if used < width { result += String(repeating: " ", count: width - used) }
            return result
        }
        result.append(character)
        used += characterWidth
    }
    return result + String(repeating: " ", count: width - used)
}

/// A line broken into lines of at most `width` columns; continuation lines keep its leading spaces.
func wrapped(_ line: String, width: Int) -> [String] {
    guard displayWidth(line) > width else { return [line] }
    let indent = Array(String(line.prefix { $0 == " " }) + "  ")
    var lines: [String] = [], current: [Character] = [], used = 0
    for character in line {
        let size = displayWidth(String(character))
        if used + size > width, current.count > indent.count {
            // Break where a reader would: between Chinese characters or at a space, never inside a
            // Latin word or number, never before closing punctuation (，。：) or after opening (（「)
            // (禁则, as Chinese typesetting has it). Without such a place, break where the line is full.
            var cut = current.count
            if !breakAllowed(between: current[cut - 1], and: character) {
                var position = cut - 1
                while position > indent.count + 1, !breakAllowed(between: current[position - 1], and: current[position]) {
                    position -= 1
                }
                if position > indent.count + 1 { cut = position }
            }
            let carried = current[cut...].drop { $0 == " " }
            lines.append(String(current[..<cut]).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            current = indent + carried
            used = displayWidth(String(current))
        }
        current.append(character)
        used += size
    }
    if !String(current).trimmingCharacters(in: .whitespaces).isEmpty { lines.append(String(current)) }
    return lines
}

/// Whether a line may end after `before` and the next begin with `after`.
private func breakAllowed(between before: Character, and after: Character) -> Bool {
    if lineStartForbidden.contains(after) || lineEndForbidden.contains(before) { return false }
    let latin = { (c: Character) in c.isASCII && c != " " }
    return !(latin(before) && latin(after))
}

/// Punctuation that may not begin a line, and punctuation that may not end one.
private let lineStartForbidden: Set<Character> = Set("，。、；：？！）」』】》〉…·,.;:?!)]%")
private let lineEndForbidden: Set<Character> = Set("（「『【《〈([")

/// Renders rows as an aligned table by display width. With `fitting`, the
/// last column (the free text) is narrowed so that a line fits that many columns.
func table(header: [String], rows: [[String]], maxWidths: [Int], fitting totalWidth: Int? = nil) -> [String] {
    var widths = header.map(displayWidth)
    for row in rows {
        for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    widths = zip(widths, maxWidths).map { min($0, $1) }
    if let totalWidth, let last = widths.indices.last {
        let others = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        widths[last] = max(10, min(widths[last], totalWidth - others))
    }
    func render(_ row: [String]) -> String {
        zip(row, widths).map { fit($0, width: $1) }.joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    return [render(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] + rows.map(render)
}

/// JSON text of a value made of dictionaries, arrays, strings, numbers and nulls, with sorted keys.
func jsonLine(_ object: Any) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}

/// A JSON null for a missing value.
func orNull(_ value: (any Sendable)?) -> Any {
    value ?? NSNull()
}
