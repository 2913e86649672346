import CICU
import Foundation

/// Turns the lines of a CSV file into records: a header row, then one record
/// per row, a row spanning lines while a quoted cell is open. A row whose
/// quote never closes (by the end of the file, or within
/// ``RecordStream/maximumRowLines`` lines) is reported at the line it starts,
/// and reading resumes on the line after it.
struct CSVRows {
    struct Line {
        var number: Int
        /// Nil when the line's bytes are not in the file's encoding.
        var text: String?
    }

    private var columns: [String]?
    /// The header row's quote never closed: the file has no header.
    private var headerUnclosed = false
    private var pending: [Line] = []
    private var quoteOpen = false
    private var replay: [Line] = []

    mutating func takeReplayed() -> Line? {
        replay.isEmpty ? nil : replay.removeFirst()
    }

    /// The records a line completes.
    mutating func add(_ line: Line) -> [RawRecord] {
        if headerUnclosed { return [] }
        if pending.isEmpty {
            guard let text = line.text else {
                return columns == nil ? [] : [RawRecord(line: line.number, fields: .failure(RecordFile.invalidEncoding(line.number)))]
            }
            if text.allSatisfy(\.isWhitespace) { return [] }
        }
        pending.append(line)
        if (line.text ?? "").reduce(0, { $0 + ($1 == "\"" ? 1 : 0) }) % 2 == 1 { quoteOpen.toggle() }
        if quoteOpen {
            return pending.count >= RecordStream.maximumRowLines ? unclosed() : []
        }
        let lines = pending
        pending.removeAll()
        return complete(lines)
    }

    /// What is left at the end of the file: a row whose quote never closed,
    /// and the rows read again after it.
    mutating func finish(path: String) throws -> [RawRecord] {
        var records: [RawRecord] = []
        while !pending.isEmpty || !replay.isEmpty {
            if let line = takeReplayed() { records += add(line) } else { records += unclosed() }
        }
        if columns == nil { throw RecordFile.FileError.csvWithoutHeader(path: path) }
        return records
    }

    /// Reports the open row at its first line and replays the lines after it.
    private mutating func unclosed() -> [RawRecord] {
        guard columns != nil else {
            headerUnclosed = true
            pending.removeAll()
            return []
        }
        let start = pending[0]
        replay = Array(pending.dropFirst()) + replay
        pending.removeAll()
        quoteOpen = false
        return [RawRecord(line: start.number, fields: .failure(RecordError(line: start.number, message: "引号未闭合")))]
    }

    private mutating func complete(_ lines: [Line]) -> [RawRecord] {
        let cells = RecordFile.cells(of: lines.map { Substring($0.text ?? "") })
        let number = lines[0].number
        guard let columns else {
            columns = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            return []
        }
        guard cells.count == columns.count else {
            let message = cells.count < columns.count
                ? "缺少列：\(columns[cells.count...].joined(separator: "、"))（应有 \(columns.count) 列，实有 \(cells.count) 列）"
                : "列数过多（应有 \(columns.count) 列，实有 \(cells.count) 列）"
            return [RawRecord(line: number, fields: .failure(RecordError(line: number, message: message)))]
        }
        var fields: [String: Any] = [:]
        for (column, cell) in zip(columns, cells) where !column.isEmpty { fields[column] = cell }
        return [RawRecord(line: number, fields: .success(fields))]
    }
}
