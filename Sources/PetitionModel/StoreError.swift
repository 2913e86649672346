import Foundation

/// A store that cannot be opened or locked, or whose nightly job is already running.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// Another nightly job holds the store's lock.
    case jobRunning(database: String)
    case cannotLock(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "无法打开数据库 \(path)：\(reason)"
        case let .jobRunning(database): "另一个查重任务正在处理数据库 \(database)，请等它结束后再运行"
        case let .cannotLock(path, reason): "无法创建锁文件 \(path)：\(reason)"
        }
    }
}
