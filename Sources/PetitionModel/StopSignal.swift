import Synchronization

/// A flag raised once, from any thread, and read by work that should end
/// when it is: a progress handler asks it every few thousand steps.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    public func raise() { raised.store(true, ordering: .relaxed) }
}
