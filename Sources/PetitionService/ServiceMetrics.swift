import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

/// The service's metrics, through swift-metrics with a Prometheus factory of
/// the service's own (no process-wide bootstrap, so that two services in one
/// process, as in the tests, keep separate figures): requests by route,
/// method and status with their latency histograms, the corpus size, the
/// resident index and the last nightly run. ``prometheusText()`` renders them.
public final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let requests = Mutex<[RouteKey: (CoreMetrics.Counter, CoreMetrics.Timer)]>([:])

    private struct RouteKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    let corpusPetitions: CoreMetrics.Gauge
    let indexRunID: CoreMetrics.Gauge
    let jobRunning: CoreMetrics.Gauge
    let lastRunFinished: CoreMetrics.Gauge
    let lastRunSeconds: CoreMetrics.Gauge
    let lastRunScored: CoreMetrics.Gauge
    let lastRunNewMatters: CoreMetrics.Gauge
    let lastRunRepeats: CoreMetrics.Gauge
    let jobFailures: CoreMetrics.Counter

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
        corpusPetitions = CoreMetrics.Gauge(label: "petition_corpus_petitions", factory: factory)
        indexRunID = CoreMetrics.Gauge(label: "petition_index_run_id", factory: factory)
        jobRunning = CoreMetrics.Gauge(label: "petition_dedup_running", factory: factory)
        lastRunFinished = CoreMetrics.Gauge(label: "petition_dedup_last_run_finished_timestamp_seconds", factory: factory)
        lastRunSeconds = CoreMetrics.Gauge(label: "petition_dedup_last_run_duration_seconds", factory: factory)
        lastRunScored = CoreMetrics.Gauge(label: "petition_dedup_last_run_scored", factory: factory)
        lastRunNewMatters = CoreMetrics.Gauge(label: "petition_dedup_last_run_new_matters", factory: factory)
        lastRunRepeats = CoreMetrics.Gauge(label: "petition_dedup_last_run_repeats", factory: factory)
        jobFailures = CoreMetrics.Counter(label: "petition_dedup_failures_total", factory: factory)
        jobRunning.record(0)
    }

    /// One answered request: `route` is the route's template (`/v1/petitions/{id}`), never the raw path.
    public func recordRequest(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let key = RouteKey(route: route, method: method, status: status)
        let (counter, timer) = requests.withLock { cache in
            if let found = cache[key] { return found }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let made = (CoreMetrics.Counter(label: "petition_http_requests_total", dimensions: dimensions, factory: factory),
                        CoreMetrics.Timer(label: "petition_http_request_duration_seconds", dimensions: dimensions,
                                      factory: factory))
            cache[key] = made
            return made
        }
        counter.increment()
        timer.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// The figures of a run that finished (here or in another process).
    public func recordRun(finishedAt: Date?, seconds: Double?, scored: Int, newMatters: Int, repeats: Int) {
        if let finishedAt { lastRunFinished.record(finishedAt.timeIntervalSince1970) }
        if let seconds { lastRunSeconds.record(seconds) }
        lastRunScored.record(scored)
        lastRunNewMatters.record(newMatters)
        lastRunRepeats.record(repeats)
    }

    /// Prometheus text exposition format 0.0.4.
    public func prometheusText() -> String {
        registry.emitToString()
    }
}
