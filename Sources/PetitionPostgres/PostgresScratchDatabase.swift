import Foundation
import PostgresNIO

/// A database of its own on a PostgreSQL server, created empty with a unique
/// name and dropped when this value goes: what each test (and each benchmark
/// run) works in, so that runs never see each other's rows.
public final class PostgresScratchDatabase: @unchecked Sendable {
    /// The server's maintenance database, as given (`postgres://postgres@127.0.0.1:5432/postgres`).
    public let server: PostgresLocation
    /// The scratch database.
    public let location: PostgresLocation
    private var dropped = false

    public init(server url: String, prefix: String = "petition_test") throws {
        server = try PostgresLocation(url: url)
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        location = server.with(database: "\(prefix)_\(suffix)")
        try Self.administer(server) { session in
            try session.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(location.database) TEMPLATE template0 ENCODING 'UTF8'"))
        }
    }

    public var url: String { location.url }

    /// Drops the database, closing any connection still open to it.
    public func drop() {
        guard !dropped else { return }
        dropped = true
        try? Self.administer(server) { session in
            try session.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)"))
        }
    }

    /// Leaves the database on the server when this value goes (a benchmark's
    /// `--keep`): dropping it is then the caller's business.
    public func keep() {
        dropped = true
    }

    /// Ends every connection to the database from the server's side, as a
    /// restart or an administrator's `pg_terminate_backend` does: what a
    /// client must survive by reconnecting.
    public func endConnections() throws {
        try Self.administer(server) { session in
            try session.execute(PostgresQuery(unsafeSQL: """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(location.database)'
                """))
        }
    }

    deinit { drop() }

    private static func administer(_ server: PostgresLocation, _ body: (PostgresSession) throws -> Void) throws {
        let pool = PostgresConnectionPool(location: server, maximum: 1)
        defer { pool.close() }
        try pool.withSession(body)
    }
}
