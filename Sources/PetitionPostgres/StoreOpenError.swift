/// A store that a command other than `import` finds missing.
public enum StoreOpenError: Error, CustomStringConvertible, Sendable {
    case missing(location: String)

    public var description: String {
        switch self {
        case let .missing(location): "数据库 \(location) 不存在（用 --db 指定，或先运行 petition import）"
        }
    }
}
