import PetitionModel
import PostgresNIO

/// What can go wrong between this tool and a PostgreSQL server, with the
/// context a clerk or an operator needs to act on it. Messages are in
/// Simplified Chinese; the server's own message (in English) is quoted.
public enum PostgresStoreError: StoreFailure, Sendable {
    /// `--db` or `$PETITION_DB` looked like a URL but is not one this tool can use.
    case badURL(text: String, reason: String)
    case cannotConnect(database: String, reason: String)
    /// A statement failed on the server (`sqlState` is its SQLSTATE code).
    case statementFailed(database: String, sqlState: String?, message: String, statement: String)
    /// The schema is newer than this build knows.
    case schemaTooNew(database: String, found: Int, known: Int)
    /// A write went to a replica (`--read-db`).
    case readOnly(database: String)
    /// `--region` is not a six-digit region code.
    case badRegion(region: String)

    public var description: String {
        switch self {
        case let .badURL(text, reason):
            "数据库地址无效：\(text)（\(reason)）。格式：postgres://用户[:密码]@主机[:端口]/数据库"
        case let .cannotConnect(database, reason):
            "无法连接 PostgreSQL 数据库 \(database)：\(reason)"
        case let .statementFailed(database, sqlState, message, statement):
            "PostgreSQL 数据库 \(database) 执行失败（\(sqlState ?? "无状态码")）：\(message)；语句：\(statement.prefix(200))"
        case let .schemaTooNew(database, found, known):
            "PostgreSQL 数据库 \(database) 的结构版本为 \(found)，本程序只认识到 \(known)：请升级程序"
        case let .readOnly(database):
            "只读副本 \(database) 不接受写入"
        case let .badRegion(region):
            "地区代码无效：\(region)（须为六位行政区划代码，如 370100）"
        }
    }

    /// The SQLSTATE of a failed statement, if any.
    public var sqlState: String? {
        if case let .statementFailed(_, sqlState, _, _) = self { return sqlState }
        return nil
    }

    /// SQLSTATE classes and codes after which the same statement may succeed
    /// later: connection exceptions (08), insufficient resources (53), operator
    /// intervention (57: a server shutting down, a cancelled statement), and
    /// serialization failures and deadlocks (40001, 40P01).
    static let transientSQLStates: (classes: Set<Substring>, codes: Set<String>) = (["08", "53", "57"], ["40001", "40P01"])

    /// The error postgres-nio threw, as one of ours.
    static func from(_ error: any Error, database: String, statement: String) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                let sqlState = info[.sqlState]
                if sqlState == "25006" { return .readOnly(database: database) }
                return .statementFailed(database: database, sqlState: sqlState,
                                        message: info[.message] ?? "\(error.code)", statement: statement)
            }
            return .cannotConnect(database: database, reason: "\(error.code)")
        }
        return .statementFailed(database: database, sqlState: nil, message: "\(error)", statement: statement)
    }
}

extension PostgresStoreError: StoreAvailabilityError {
    /// A server out of reach or one that gave up on the statement for its own
    /// reasons; a bad statement, a schema too new or a write sent to a replica
    /// will fail the same way next time.
    public var isTransient: Bool {
        switch self {
        case .cannotConnect: true
        case let .statementFailed(_, sqlState?, _, _):
            Self.transientSQLStates.classes.contains(sqlState.prefix(2)) || Self.transientSQLStates.codes.contains(sqlState)
        default: false
        }
    }
}
