import Foundation
import PetitionDedup

/// How `petition serve` runs: where it listens, the limits it enforces, the
/// resident index and the nightly schedule.
public struct ServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests); the port bound is reported on start.
    public var port = 8080
    public var bodyLimits = BodyLimits()
    /// The deadline of an ordinary request.
    public var requestTimeout: Duration = .seconds(30)
    /// The deadline of a batch import (`POST /v1/petitions`) and of a job run with `wait=true`.
    public var batchTimeout: Duration = .seconds(600)
    /// A connection with nothing to read or write for this long is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// Intake checkers kept ready (each holds an ICU segmenter and the word statistics).
    public var checkers = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Threads for the store's blocking reads and writes.
    public var workerThreads = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    /// How often to look for a nightly run made by another process, to load its results.
    public var refreshInterval: Duration = .seconds(30)
    /// The dashboard's figures are counted again after this long, to show what clerks saved since the last run.
    public var dashboardMaximumAge: Duration = .seconds(300)
    /// Run the nightly job (incremental) every day at this local time.
    public var nightly: NightlyTime?
    /// Different ID numbers and phones one operator may submit to checks in a day (``IdentifierBudget``).
    public var checkIdentifiersPerDay = 500
    /// Requests one operator may send per second once its burst is spent (``RequestRateLimiter``).
    /// Twice what a bureau's intake gateway sends at its busiest, half what two cores answer.
    public var operatorRequestsPerSecond = 50.0
    public var operatorBurst = 200
    /// Requests without a valid token one address may send per second once its burst is spent:
    /// a clerk who mistypes a token is never slowed; a guessing loop is.
    public var anonymousRequestsPerSecond = 1.0
    public var anonymousBurst = 30
    /// The acceptance rules of the intake check (the bundled ones unless a bureau gives its own).
    public var acceptanceRules: AcceptanceRules?

    public init() {}
}
