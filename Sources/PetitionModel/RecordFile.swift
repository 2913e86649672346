import CICU
import Foundation

/// JSON Lines and CSV records (UTF-8, or GB18030), one per line or CSV row,
/// so that a broken record is reported with its line number and never hides
/// the good ones. Files are read by ``RecordStream``.
public enum RecordFile {
    public enum Format: String, Sendable { case jsonLines = "jsonl", csv }

    public enum FileError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case csvWithoutHeader(path: String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): "无法读取文件 \(path)：\(reason)"
            case let .csvWithoutHeader(path): "CSV 文件 \(path) 缺少表头行"
            }
        }
    }

    /// The format from the file name, else from the first non-blank character.
    public static func format(of path: String, text: Substring) -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") { return .jsonLines }
        return text.first(where: { !$0.isWhitespace }) == "{" ? .jsonLines : .csv
    }

    /// The rejection of a line that is neither UTF-8 nor GB18030.
    static func invalidEncoding(_ line: Int) -> RecordError {
        RecordError(line: line, message: "不是有效的 UTF-8 或 GB18030 编码")
    }

    static func gb18030(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let source = raw.bindMemory(to: CChar.self)
            var capacity = data.count * 2 + 16
            while true {
                var buffer = [CChar](repeating: 0, count: capacity)
                let written = cicu_gb18030_to_utf8(source.baseAddress, Int32(data.count), &buffer, Int32(capacity))
                if written < 0 { return nil }
                if Int(written) <= capacity {
                    return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
                capacity = Int(written) + 16
            }
        }
    }

    /// Every record of a file, read through a ``RecordStream``. For files of
    /// any size, read the stream a batch at a time instead.
    public static func records(path: String) throws -> [RawRecord] {
        let stream = try RecordStream(path: path)
        var records: [RawRecord] = []
        while true {
            let batch = try stream.next(maximum: 10_000)
            if batch.isEmpty { return records }
            records += batch
        }
    }

    public static func jsonLines(_ text: String) -> [RawRecord] {
        var records: [RawRecord] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            records.append(RawRecord(line: lineNumber, json: line))
        }
        return records
    }

    /// RFC 4180 CSV with a header row (``CSVRows``); nil without a header.
    public static func csv(_ text: String) -> [RawRecord]? {
        var rows = CSVRows()
        var records: [RawRecord] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak) {
            number += 1
            records += rows.add(CSVRows.Line(number: number, text: String(line)))
            while let replayed = rows.takeReplayed() { records += rows.add(replayed) }
        }
        guard let rest = try? rows.finish(path: "") else { return nil }
        return records + rest
    }

    /// One record's text from a file or standard input: UTF-8 (without a
    /// byte-order mark), else GB18030, else UTF-8 with what cannot be decoded replaced.
    public static func text(of data: Data) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        return gb18030(data) ?? String(decoding: data, as: UTF8.self)
    }

    /// LF or CRLF (one Character in Swift), but not other Unicode line separators,
    /// which may stand inside a JSON string.
    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n"
    }

    /// The cells of one complete row, given its lines (more than one when a
    /// quoted cell spans lines). Any quote opens or closes quoting; two
    /// quotes in a quoted cell stand for one.
    static func cells(of lines: [Substring]) -> [String] {
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        for (index, line) in lines.enumerated() {
            if index > 0 { cell.append("\n") }
            var afterQuote = false
            for character in line {
                if inQuotes {
                    if character == "\"" {
                        inQuotes = false
                        afterQuote = true
                    } else {
                        cell.append(character)
                    }
                } else if character == "\"" {
                    if afterQuote { cell.append("\"") }  // "" inside a quoted cell
                    inQuotes = true
                    afterQuote = false
                } else if character == "," {
                    cells.append(cell)
                    cell = ""
                    afterQuote = false
                } else {
                    cell.append(character)
                    afterQuote = false
                }
            }
        }
        cells.append(cell)
        return cells
    }
}
