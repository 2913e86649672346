import Synchronization

/// When a request must be answered by, and the limit it came from (for the message).
public struct RequestDeadline: Sendable {
    public var instant: ContinuousClock.Instant
    public var limit: Duration

    public init(after limit: Duration) {
        instant = .now + limit
        self.limit = limit
    }

    var seconds: Double {
        Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
    }

    /// The work's answer, or ``ServiceError/timeout(seconds:)`` as soon as the
    /// deadline passes first. The work is not cut short: it goes on (a store
    /// transaction is never cut in half) and its answer is dropped.
    public static func answer<T: Sendable>(by deadline: RequestDeadline?,
                                           _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let deadline else { return try await work() }
        if deadline.instant <= .now { throw ServiceError.timeout(seconds: deadline.seconds) }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let answer = Answer(continuation)
            let timer = Task {
                try? await Task.sleep(until: deadline.instant, clock: .continuous)
                if !Task.isCancelled { answer.resume(with: .failure(ServiceError.timeout(seconds: deadline.seconds))) }
            }
            Task {
                let result: Result<T, any Error>
                do {
                    result = .success(try await work())
                } catch {
                    result = .failure(error)
                }
                timer.cancel()
                answer.resume(with: result)
            }
        }
    }

    /// Resumes its continuation once: with the work's result or with the timeout, whichever comes first.
    private final class Answer<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) {
            self.continuation = Mutex(continuation)
        }

        func resume(with result: Result<T, any Error>) {
            continuation.withLock { $0.take() }?.resume(with: result)
        }
    }
}
