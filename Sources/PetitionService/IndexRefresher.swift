import Logging
import PetitionModel
import ServiceLifecycle

/// Looks every so often for a nightly run that finished after the one the
/// resident index was built on (`petition dedup` in another process, on the
/// same database), and reloads the index when it finds one.
public struct IndexRefresher: Service {
    let index: ResidentIndex
    let runner: NightlyJobRunner
    let interval: Duration
    let logger: Logger

    public func run() async throws {
        while true {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            // A run of this service refreshes the index itself when it ends.
            guard !runner.isRunning else { continue }
            do {
                let store = index.store
                let latest = try await index.work.run(by: nil) { try store.latestFinishedRun() }
                guard let latest, latest.runID != (await index.runID) else { continue }
                logger.info("a nightly run finished elsewhere; reloading the resident index",
                            metadata: ["run_id": "\(latest.runID)"])
                index.metrics.recordRun(finishedAt: nil, seconds: nil, scored: latest.scored,
                                        newMatters: latest.newMatters, repeats: latest.repeats)
                try await index.refresh()
            } catch {
                logger.error("resident index refresh failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
