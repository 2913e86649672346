import Logging
import PostgresNIO

/// One connection lent to a caller for a call or a transaction, with
/// synchronous statements (each waits for postgres-nio's future on the
/// caller's thread, see ``PostgresConnectionPool``). Server errors come out
/// as ``PostgresStoreError`` with the statement that failed.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// For messages: the database without its password.
    let database: String

    /// Runs a statement and gives every row it returned.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw PostgresStoreError.from(error, database: database, statement: query.sql)
        }
    }

    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try self.query(query).rows
    }

    /// Runs a statement; the number of rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try self.query(query).metadata.rows ?? 0
    }

    /// Runs a statement built at run time, with its values bound (never spliced into the text).
    @discardableResult
    func query(sql: String, _ binds: PostgresBindings) throws -> PostgresQueryResult {
        try query(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// The first column of the first row, if any.
    func scalar<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T? {
        guard let row = try rows(query).first, row.makeRandomAccess()[0].bytes != nil else { return nil }
        return try decode(row, as: T.self, statement: query.sql)
    }

    /// Every row's first column.
    func column<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> [T] {
        try rows(query).map { try decode($0, as: T.self, statement: query.sql) }
    }

    func decode<T: PostgresDecodable>(_ row: PostgresRow, as type: T.Type, statement: String = "") throws -> T {
        do {
            return try row.decode(T.self)
        } catch {
            throw PostgresStoreError.from(error, database: database, statement: statement)
        }
    }

    /// Reads a query's rows through a server-side cursor, `batch` at a time,
    /// so that memory stays bounded whatever the table's size. Must run inside
    /// a transaction; stops when `body` returns false.
    func forEachRow(_ query: PostgresQuery, batch: Int = 2000, _ body: (PostgresRow) throws -> Bool) throws {
        let cursor = "petition_cursor"
        try self.query(PostgresQuery(unsafeSQL: "DECLARE \(cursor) NO SCROLL CURSOR FOR " + query.sql,
                                     binds: query.binds))
        defer { _ = try? execute(PostgresQuery(unsafeSQL: "CLOSE \(cursor)")) }
        while true {
            let rows = try self.rows(PostgresQuery(unsafeSQL: "FETCH \(batch) FROM \(cursor)"))
            for row in rows where try !body(row) { return }
            if rows.count < batch { return }
        }
    }
}
