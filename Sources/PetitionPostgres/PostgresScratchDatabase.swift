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

    deinit { drop() }

    private static func administer(_ server: PostgresLocation, _ body: (PostgresSession) throws -> Void) throws {
        let pool = PostgresConnectionPool(location: server, maximum: 1)
        defer { pool.close() }
        try pool.withSession(body)
    }
}
