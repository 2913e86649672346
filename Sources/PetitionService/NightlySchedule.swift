import Foundation
import Logging
import ServiceLifecycle

/// Runs the nightly job (incremental) every day at a set local time
/// (`petition serve --nightly 02:30`). A run that cannot start because one
/// is already running, here or in another process, is skipped until the next day.
public struct NightlySchedule: Service {
    let time: NightlyTime
    let runner: NightlyJobRunner
    let logger: Logger

    public func run() async throws {
        while true {
            let next = time.next(after: Date())
            logger.info("nightly job scheduled", metadata: ["at": "\(ISO8601DateFormatter().string(from: next))"])
            do {
                let wait = max(0, next.timeIntervalSinceNow)
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) }
            } catch {
                return
            }
            do {
                _ = try await runner.start(full: false, weights: .stored, trigger: .schedule).value
            } catch ServiceError.jobRunning {
                logger.warning("nightly job skipped: another run holds the database")
            } catch {
                // Logged by the runner.
            }
        }
    }
}
