import Dispatch
import Foundation
import Synchronization

/// Ctrl-C during a long job: the first asks the job to stop after the batch in
/// flight (everything committed stays, a re-run goes on from there); a second
/// one quits at once, which is still safe because every batch is a transaction.
final class Interruption: Sendable {
    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    private let requested = Counter()
    private nonisolated(unsafe) let source: DispatchSourceSignal

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [requested] in
            let count = requested.value.add(1, ordering: .sequentiallyConsistent).newValue
            if count == 1 {
                FileHandle.standardError.write(Data("\n收到中断请求，正在提交当前批次后停止……（再按一次 Ctrl-C 立即退出）\n".utf8))
            } else {
                Foundation.exit(130)
            }
        }
        source.resume()
    }

    var isRequested: Bool { requested.value.load(ordering: .sequentiallyConsistent) > 0 }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// Only one nightly job per database at a time: an exclusive lock on a file
/// beside it, released by the kernel when the process ends however it ends.
struct JobLock {
    private let descriptor: Int32

    init(database: String) throws {
        let path = database + ".dedup-lock"
        descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { throw UserError(message: "无法创建锁文件 \(path)：\(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw UserError(message: "另一个查重任务正在处理数据库 \(database)，请等它结束后再运行")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
