import Synchronization

/// Decides once who gives a borrowed checker back: the work that ran with
/// it, or the request that gave up before the work started (its deadline
/// passed while the work was queued). Whoever takes the claim first owns it;
/// a checker is never given back twice, nor lost.
final class LeaseClaim: Sendable {
    private let taken = Atomic<Bool>(false)

    /// True for the first caller only.
    func take() -> Bool {
        taken.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
    }
}
