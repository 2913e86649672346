import Foundation

/// Where a store's plain reads go: to the replica (`--read-db`) when there is
/// one, except while this process runs the nightly job, whose reads must see
/// its own writes and go to the primary. Writes and snapshot reads always go
/// to the primary. Shared by a store and its city views.
final class ReadRouting: @unchecked Sendable {
    let replica: PostgresConnectionPool?
    private let lock = NSLock()
    private var jobs = 0

    init(replica: PostgresConnectionPool?) {
        self.replica = replica
    }

    /// The replica's pool, or nil to read from the primary.
    var readPool: PostgresConnectionPool? {
        lock.withLock { jobs == 0 ? replica : nil }
    }

    func jobStarted() { lock.withLock { jobs += 1 } }

    func jobEnded() { lock.withLock { jobs -= 1 } }
}
