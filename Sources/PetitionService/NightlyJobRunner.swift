import Foundation
import Logging
import PetitionDedup
import PetitionModel
import ServiceLifecycle
import Synchronization

/// Runs the nightly job inside the service, on a thread of its own, one run
/// at a time: on request (`POST /v1/dedup`) and on schedule
/// (``NightlySchedule``). The job takes the store's lock itself, so a
/// `petition dedup` in another process and this runner never overlap:
/// whichever comes second is refused (409 here). Checks, saves and searches
/// go on during a run; when it ends, the resident index is refreshed.
///
/// As a service it waits for shutdown, then asks a running job to stop after
/// the batch in flight (what it committed stays; the next run goes on from
/// there) and waits for it.
public final class NightlyJobRunner: Service, Sendable {
    /// What started a run.
    public enum Trigger: String, Sendable {
        case request, schedule
    }

    /// A run in progress or finished, as `GET /v1/dedup` reports it.
    public struct Status: Sendable {
        public var running: Bool
        public var trigger: Trigger?
        public var startedAt: Date?
        public var full: Bool?
        public var lastSummary: DedupSummary?
        public var lastFinishedAt: Date?
        public var lastError: String?
    }

    private struct State {
        var current: Task<DedupSummary, any Error>?
        var trigger: Trigger?
        var startedAt: Date?
        var full: Bool?
        var lastSummary: DedupSummary?
        var lastFinishedAt: Date?
        var lastError: String?
    }

    let store: any PetitionStorage
    let index: ResidentIndex
    let metrics: ServiceMetrics
    let logger: Logger
    private let thread = BlockingWork(threads: 1)
    private let state = Mutex(State())
    private let stopRequested = StopSignal()

    init(store: any PetitionStorage, index: ResidentIndex, metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.index = index
        self.metrics = metrics
        self.logger = logger
        thread.start()
    }

    public var status: Status {
        state.withLock { state in
            Status(running: state.current != nil, trigger: state.trigger, startedAt: state.startedAt, full: state.full,
                   lastSummary: state.lastSummary, lastFinishedAt: state.lastFinishedAt, lastError: state.lastError)
        }
    }

    public var isRunning: Bool { state.withLock { $0.current != nil } }

    /// Starts a run, or fails with ``ServiceError/jobRunning`` when one runs here or in another process.
    @discardableResult
    public func start(full: Bool, weights: DedupJob.WeightChoice, trigger: Trigger) throws(ServiceError)
        -> Task<DedupSummary, any Error> {
        try state.withLock { (state: inout State) throws(ServiceError) -> Task<DedupSummary, any Error> in
            guard !stopRequested.isRaised else { throw .unavailable }
            guard state.current == nil else { throw .jobRunning }
            // Another process's job holds the store's lock: refuse now rather than fail in the background.
            do {
                try store.acquireJobLock().release()
            } catch {
                throw .jobRunning
            }
            let task = Task { try await self.perform(full: full, weights: weights, trigger: trigger) }
            state.current = task
            state.trigger = trigger
            state.startedAt = Date()
            state.full = full
            metrics.jobRunning.record(1)
            return task
        }
    }

    private func perform(full: Bool, weights: DedupJob.WeightChoice, trigger: Trigger) async throws -> DedupSummary {
        logger.info("nightly job started", metadata: ["trigger": "\(trigger.rawValue)", "full": "\(full)"])
        let outcome: Result<DedupSummary, any Error>
        do {
            let summary = try await thread.run(by: nil) { [store, stopRequested] in
                let job = DedupJob(store: store)
                job.weightChoice = weights
                return try job.run(full: full, shouldStop: { stopRequested.isRaised })
            }
            outcome = .success(summary)
            metrics.recordRun(finishedAt: Date(), seconds: summary.seconds, scored: summary.scored,
                              newMatters: summary.newMatters, repeats: summary.repeats)
            logger.info("nightly job finished", metadata: [
                "run_id": "\(summary.runID)", "scored": "\(summary.scored)", "new_matters": "\(summary.newMatters)",
                "repeats": "\(summary.repeats)", "seconds": "\(String(format: "%.1f", summary.seconds))",
                "interrupted": "\(summary.interrupted)",
            ])
            do {
                try await index.refresh()
            } catch {
                logger.error("resident index not refreshed after the run", metadata: ["error": "\(error)"])
            }
        } catch {
            outcome = .failure(error)
            metrics.jobFailures.increment()
            logger.error("nightly job failed", metadata: ["error": "\(error)"])
        }
        state.withLock { state in
            state.current = nil
            state.lastFinishedAt = Date()
            switch outcome {
            case let .success(summary):
                state.lastSummary = summary
                state.lastError = nil
            case let .failure(error):
                state.lastError = (error as? StoreError)?.description ?? "\(error)"
            }
        }
        metrics.jobRunning.record(0)
        return try outcome.get()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        stopRequested.raise()
        if let running = state.withLock({ $0.current }) {
            logger.info("stopping the nightly job after the batch in flight")
            _ = try? await running.value
        }
        await thread.shutdown()
    }
}
