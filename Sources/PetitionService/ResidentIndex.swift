import Foundation
import Logging
import PetitionDedup
import PetitionModel

/// What the intake check needs, kept in memory (a ``CheckerPool``), and
/// refreshed when a nightly run has finished: after every run the service
/// performs, and when ``IndexRefresher`` sees one made by another process.
public final class ResidentIndex: Sendable {
    let store: any PetitionStorage
    let pool = CheckerPool()
    let work: BlockingWork
    let checkers: Int
    let rules: AcceptanceRules?
    let metrics: ServiceMetrics
    let logger: Logger

    init(store: any PetitionStorage, work: BlockingWork, checkers: Int, rules: AcceptanceRules?,
         metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.work = work
        self.checkers = checkers
        self.rules = rules
        self.metrics = metrics
        self.logger = logger
    }

    /// The run whose statistics the checkers hold.
    public var runID: Int64? {
        get async { await pool.runID }
    }

    /// Builds checkers over the statistics as they are now and puts them in
    /// service. Checks go on meanwhile, on the checkers built before.
    public func refresh() async throws {
        let started = ContinuousClock.now
        let (built, run) = try await work.run(by: nil) { [store, checkers, rules] in
            // The run is read first: statistics saved by a later run only make the checkers newer than noted.
            let run = try store.latestFinishedRun()
            return (try CheckerPool.build(count: checkers, store: store, rules: rules), run)
        }
        await pool.install(built, runID: run?.runID)
        metrics.indexRunID.record(run?.runID ?? 0)
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        logger.info("resident index loaded",
                    metadata: ["run_id": "\(run?.runID ?? 0)", "checkers": "\(checkers)", "milliseconds": "\(milliseconds)"])
    }

    /// Checks a petition on a resident checker, storing it with its matter when `save` is set.
    public func check(_ petition: Petition, save: Bool, by deadline: RequestDeadline?) async throws -> CheckResult {
        let lease = await pool.borrow()
        let pool = pool
        // Whoever claims the lease gives it back: the work when it runs, else the request that stopped waiting.
        let claim = LeaseClaim()
        do {
            return try await work.run(by: deadline) {
                guard claim.take() else { throw ServiceError.unavailable }
                defer { Task { await pool.giveBack(lease) } }
                return save ? try lease.checker.checkAndSave(petition) : try lease.checker.check(petition)
            }
        } catch {
            if claim.take() { await pool.giveBack(lease) }
            throw error
        }
    }
}
