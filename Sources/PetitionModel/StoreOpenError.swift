/// A store that a command other than `import` finds missing.
public enum StoreOpenError: Error, CustomStringConvertible, Sendable {
    case missing(location: String)
    /// `--read-db` given with a SQLite database.
    case replicaNeedsPostgres

    public var description: String {
        switch self {
        case let .missing(location): "数据库 \(location) 不存在（用 --db 指定，或先运行 petition import）"
        case .replicaNeedsPostgres: "--read-db 只用于 PostgreSQL：--db 须为 postgres:// 地址"
        }
    }
}
