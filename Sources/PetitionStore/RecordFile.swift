import CICU
import Foundation

/// One record read from an input file: its fields, or why it could not be read.
///
/// A JSON line is kept as text and parsed only when its batch is imported:
/// parsed JSON objects take several times the memory of their text, which made
/// a 200,000-line import hold over a gigabyte.
public struct RawRecord {
    /// 1-based line where the record starts.
    public var line: Int
    private let parse: () -> Result<[String: Any], RecordError>

    public init(line: Int, fields: Result<[String: Any], RecordError>) {
        self.line = line
        parse = { fields }
    }

    init(line: Int, json: Substring) {
        self.line = line
        parse = {
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8))
            if let fields = object as? [String: Any] { return .success(fields) }
            let reason = object == nil ? "不是完整有效的 JSON" : "应为 JSON 对象"
            return .failure(RecordError(line: line, message: reason))
        }
    }

    public var fields: Result<[String: Any], RecordError> { parse() }
}

/// Reads JSON Lines and CSV files (UTF-8, or GB18030 detected when the bytes
/// are not UTF-8) into raw records, one per line or CSV row, so that a broken
/// record is reported with its line number and never hides the good ones.
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

    /// The file's text, with the encoding that decoded it.
    public static func text(of data: Data) -> (text: String, encoding: String, invalidLines: Set<Int>) {
        if let text = String(validating: data, as: UTF8.self) {
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, "UTF-8", [])
        }
        if let text = gb18030(data) { return (text, "GB18030", []) }
        // Neither: decode line by line, marking the lines that are not UTF-8.
        var invalid: Set<Int> = []
        var lines: [String] = []
        for (index, lineBytes) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if let line = String(validating: lineBytes, as: UTF8.self) {
                lines.append(line)
            } else {
                invalid.insert(index + 1)
                lines.append("")
            }
        }
        return (lines.joined(separator: "\n"), "UTF-8", invalid)
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

    /// Records of a file.
    public static func records(path: String) throws -> [RawRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError.unreadable(path: path, reason: error.localizedDescription)
        }
        let decoded = text(of: data)
        switch format(of: path, text: decoded.text.prefix(200)) {
        case .jsonLines: return jsonLines(decoded.text, invalidLines: decoded.invalidLines)
        case .csv:
            guard let records = csv(decoded.text, invalidLines: decoded.invalidLines) else {
                throw FileError.csvWithoutHeader(path: path)
            }
            return records
        }
    }

    public static func jsonLines(_ text: String, invalidLines: Set<Int> = []) -> [RawRecord] {
        var records: [RawRecord] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak) {
            lineNumber += 1
            if invalidLines.contains(lineNumber) {
                records.append(RawRecord(line: lineNumber, fields: .failure(
                    RecordError(line: lineNumber, message: "不是有效的 UTF-8 或 GB18030 编码"))))
                continue
            }
            if line.allSatisfy(\.isWhitespace) { continue }
            records.append(RawRecord(line: lineNumber, json: line))
        }
        return records
    }

    /// RFC 4180 CSV with a header row. A row with an unclosed quote is
    /// reported and reading resumes on the line after it starts; rows with
    /// too few or too many cells are reported.
    public static func csv(_ text: String, invalidLines: Set<Int> = []) -> [RawRecord]? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak)
        var lineIndex = 0
        while lineIndex < lines.count, lines[lineIndex].allSatisfy(\.isWhitespace) { lineIndex += 1 }
        guard lineIndex < lines.count, case let .row(header, next) = row(lines, from: lineIndex) else { return nil }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        lineIndex = next
        var records: [RawRecord] = []
        while lineIndex < lines.count {
            let lineNumber = lineIndex + 1
            if invalidLines.contains(lineNumber) {
                records.append(RawRecord(line: lineNumber, fields: .failure(
                    RecordError(line: lineNumber, message: "不是有效的 UTF-8 或 GB18030 编码"))))
                lineIndex += 1
                continue
            }
            if lines[lineIndex].allSatisfy(\.isWhitespace) {
                lineIndex += 1
                continue
            }
            switch row(lines, from: lineIndex) {
            case let .row(cells, next):
                lineIndex = next
                if cells.count != columns.count {
                    let message = cells.count < columns.count
                        ? "缺少列：\(columns[cells.count...].joined(separator: "、"))（应有 \(columns.count) 列，实有 \(cells.count) 列）"
                        : "列数过多（应有 \(columns.count) 列，实有 \(cells.count) 列）"
                    records.append(RawRecord(line: lineNumber, fields: .failure(RecordError(line: lineNumber, message: message))))
                } else {
                    var fields: [String: Any] = [:]
                    for (column, cell) in zip(columns, cells) where !column.isEmpty { fields[column] = cell }
                    records.append(RawRecord(line: lineNumber, fields: .success(fields)))
                }
            case .unclosedQuote:
                records.append(RawRecord(line: lineNumber, fields: .failure(
                    RecordError(line: lineNumber, message: "引号未闭合"))))
                lineIndex += 1
            }
        }
        return records
    }

    /// LF or CRLF (one Character in Swift), but not other Unicode line separators,
    /// which may stand inside a JSON string.
    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n"
    }

    private enum RowResult {
        case row([String], next: Int)
        case unclosedQuote
    }

    private static func row(_ lines: [Substring], from start: Int) -> RowResult {
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var lineIndex = start
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            var iterator = line.makeIterator()
            var afterQuote = false
            while let character = iterator.next() {
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
            lineIndex += 1
            if !inQuotes {
                cells.append(cell)
                return .row(cells, next: lineIndex)
            }
            cell.append("\n")
        }
        return .unclosedQuote
    }
}
