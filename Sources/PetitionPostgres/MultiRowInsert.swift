import PostgresNIO

/// `INSERT ... VALUES (...), (...)` for many rows at once, split into
/// statements of at most `rowsPerStatement` rows: one round trip per few
/// hundred rows instead of one per row, which is what makes a batch import
/// over the network keep up with SQLite's in-process writes. (PostgreSQL
/// takes at most 65,535 bound values per statement.)
struct MultiRowInsert {
    let head: String
    let columns: Int
    /// Appended after the VALUES list (`ON CONFLICT ...`).
    var tail = ""
    var rowsPerStatement = 400
    /// Casts by column index (`::tsvector` for a vector sent as text).
    var casts: [Int: String] = [:]
    private var rows: [[SQLValue]] = []

    init(_ head: String, columns: Int, tail: String = "") {
        self.head = head
        self.columns = columns
        self.tail = tail
    }

    var isEmpty: Bool { rows.isEmpty }

    mutating func add(_ row: [SQLValue]) {
        precondition(row.count == columns, "\(head): \(row.count) values for \(columns) columns")
        rows.append(row)
    }

    func run(in session: PostgresSession) throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + rowsPerStatement)]
            var bindings = PostgresBindings(capacity: chunk.count * columns)
            var sql = head + " VALUES "
            var number = 0
            for (index, row) in chunk.enumerated() {
                if index > 0 { sql += ", " }
                sql += "("
                for column in 0..<columns {
                    number += 1
                    sql += (column > 0 ? ", $" : "$") + String(number) + (casts[column] ?? "")
                    row[column].bind(into: &bindings)
                }
                sql += ")"
            }
            try session.query(sql: sql + " " + tail, bindings)
            start += chunk.count
        }
    }
}
