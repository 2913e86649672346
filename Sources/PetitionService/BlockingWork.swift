import NIOPosix

/// Runs the store's blocking calls (SQLite through GRDB, ICU) on a pool of
/// threads of its own, never on Swift's cooperative threads or NIO's event
/// loops, and answers by a deadline: when the deadline passes first, the
/// caller gets ``ServiceError/timeout(seconds:)`` at once while the work
/// finishes on its thread (a transaction is never cut in half) and its result is dropped.
public final class BlockingWork: Sendable {
    private let pool: NIOThreadPool

    public init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
    }

    public func start() {
        pool.start()
    }

    /// Waits for the work in flight, then stops the threads.
    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    public func run<T: Sendable>(by deadline: RequestDeadline?,
                                 _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await RequestDeadline.answer(by: deadline) { try await self.submit(body) }
    }

    private func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await pool.runIfActive(body)
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw ServiceError.unavailable
        }
    }
}
