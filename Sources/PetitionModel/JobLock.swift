/// The right to run the nightly job on a store, held until released: one job
/// per store at a time. Clerks' saves and checks go on meanwhile.
public final class JobLock: @unchecked Sendable {
    private var releaser: (() -> Void)?

    public init(release: @escaping () -> Void) {
        releaser = release
    }

    /// Releases the lock; a second call does nothing.
    public func release() {
        releaser?()
        releaser = nil
    }

    deinit { release() }
}
