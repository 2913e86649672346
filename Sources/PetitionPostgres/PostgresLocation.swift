import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, parsed from `postgres://user[:password]@host[:port]/database`
/// (or `postgresql://`). TLS is not offered (`?sslmode=disable` is the one
/// parameter taken): the tool and its servers talk over loopback or a private
/// network; a TLS-terminating proxy (pgbouncer, stunnel) covers the rest.
public struct PostgresLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String) throws(PostgresStoreError) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw .badURL(text: Self.redacted(text), reason: "不是 postgres:// 地址")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .badURL(text: Self.redacted(text), reason: "缺少主机名")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .badURL(text: Self.redacted(text), reason: "缺少用户名")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .badURL(text: Self.redacted(text), reason: "缺少数据库名")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw .badURL(text: Self.redacted(text), reason: "端口须在 1–65535 之间")
        }
        for item in components.queryItems ?? [] where !(item.name == "sslmode" && item.value == "disable") {
            throw .badURL(text: Self.redacted(text), reason: "不支持的参数 \(item.name)=\(item.value ?? "")")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The same server, another database (the tests' scratch databases).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }

    public var url: String {
        let credentials = password.map { "\(user):\($0)" } ?? user
        return "postgres://\(credentials)@\(host):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                database: database, tls: .disable)
    }

    private static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
