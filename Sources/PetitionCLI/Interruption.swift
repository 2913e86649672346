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
                Terminal.writeError("\n收到中断请求，正在提交当前批次后停止……（再按一次 Ctrl-C 立即退出）\n")
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
