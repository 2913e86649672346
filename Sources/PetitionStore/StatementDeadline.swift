import Foundation
import PetitionModel
import GRDB
import GRDBSQLite

/// Stops SQLite's work on a connection once an instant has passed. A request
/// answered 503 at its deadline must not leave its statement running for
/// another minute on a worker thread (one `的 OR 的 OR …` query held a core
/// for 85 s after its answer): SQLite calls a progress handler every few
/// thousand virtual-machine steps, and a handler that returns non-zero ends
/// the statement with `SQLITE_INTERRUPT`, which is thrown as a `DatabaseError`.
/// The same handler ends the statement when its store is stopping.
enum StatementDeadline {
    /// Virtual-machine steps between two looks at the clock: about a
    /// millisecond of work, so a statement overruns by no more than that.
    static let stepsBetweenChecks: Int32 = 10_000

    /// Runs `body` with the connection interrupted at `deadline` (no limit
    /// when nil) or as soon as `stop` is raised.
    static func run<T>(on db: Database, until deadline: ContinuousClock.Instant?, unless stop: StopSignal? = nil,
                       _ body: () throws -> T) throws -> T {
        if deadline == nil && stop == nil { return try body() }
        if let deadline, deadline <= .now { throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "deadline passed") }
        if stop?.isRaised == true { throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "stopping") }
        let box = Unmanaged.passRetained(Limits(deadline: deadline, stop: stop))
        defer { box.release() }
        sqlite3_progress_handler(db.sqliteConnection, stepsBetweenChecks, { context in
            guard let context else { return 0 }
            return Unmanaged<Limits>.fromOpaque(context).takeUnretainedValue().reached ? 1 : 0
        }, box.toOpaque())
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try body()
    }

    private final class Limits {
        let deadline: ContinuousClock.Instant?
        let stop: StopSignal?
        init(deadline: ContinuousClock.Instant?, stop: StopSignal?) {
            self.deadline = deadline
            self.stop = stop
        }

        var reached: Bool {
            if let deadline, ContinuousClock.now >= deadline { return true }
            return stop?.isRaised == true
        }
    }
}
