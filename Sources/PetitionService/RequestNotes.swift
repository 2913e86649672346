import Foundation
import Synchronization

/// What a request's handler and middleware tell each other as it passes
/// through: who is calling, its deadline, and what the audit trail should
/// record. A reference shared by every copy of the request's context, so that
/// what an inner handler notes is seen by the middleware outside it.
public final class RequestNotes: Sendable {
    public struct Audit: Sendable, Equatable {
        /// The query, the id, or what a batch did.
        public var subject: String?
        /// Ids the answer carried.
        public var returned: [String] = []
        /// Full ID numbers and phones were shown, for `reason`.
        public var revealed = false
        public var reason: String?
    }

    private struct State {
        var caller: Caller?
        var deadline: RequestDeadline?
        var audit = Audit()
    }

    private let state = Mutex(State())

    public init() {}

    public var caller: Caller? {
        get { state.withLock { $0.caller } }
        set { state.withLock { $0.caller = newValue } }
    }

    /// When the request must have been answered; set by ``DeadlineMiddleware``.
    public var deadline: RequestDeadline? {
        get { state.withLock { $0.deadline } }
        set { state.withLock { $0.deadline = newValue } }
    }

    public var audit: Audit {
        state.withLock { $0.audit }
    }

    public func noteAudit(subject: String?, returned: [String] = []) {
        state.withLock {
            $0.audit.subject = subject
            $0.audit.returned = returned
        }
    }

    public func noteReveal(reason: String) {
        state.withLock {
            $0.audit.revealed = true
            $0.audit.reason = reason
        }
    }
}
