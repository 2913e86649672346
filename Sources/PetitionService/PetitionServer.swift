import Foundation
import Hummingbird
import Logging
import PetitionDedup
import PetitionModel
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `petition serve`: DOMAIN.md's API over HTTP on Hummingbird 2, with the
/// resident index, the nightly job and the index refresher as services of one
/// `ServiceGroup`. On SIGTERM (or ``shutdown()``) running searches end
/// (``SearchStopper``), the server stops accepting connections and finishes
/// the requests in flight, then a running nightly job stops after its batch,
/// then the worker threads end.
public final class PetitionServer: Sendable {
    public let configuration: ServiceConfiguration
    public let metrics = ServiceMetrics()
    let store: any PetitionStorage
    let logger: Logger
    private let group = Mutex<ServiceGroup?>(nil)

    public init(store: any PetitionStorage, configuration: ServiceConfiguration, logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves until ``shutdown()``, or SIGTERM and SIGINT when `handlingSignals`
    /// (the `petition serve` process; not in tests, which share their process).
    /// `onListening` is called with the host and the port bound once connections are accepted.
    public func run(handlingSignals: Bool = false,
                    onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void = { _, _ in }) async throws {
        let gracefulShutdownSignals: [UnixSignal] = handlingSignals ? [.sigterm, .sigint] : []
        let work = BlockingWork(threads: configuration.workerThreads)
        work.start()
        do {
            try await serve(work: work, signals: gracefulShutdownSignals, onListening: onListening)
        } catch {
            await work.shutdown()
            throw error
        }
        await work.shutdown()
        logger.info("service stopped")
    }

    private func serve(work: BlockingWork, signals: [UnixSignal],
                       onListening: @escaping @Sendable (String, Int) -> Void) async throws {
        guard let openAPI = OpenAPIDocument.data else { throw ServiceError.internalError(reference: "openapi.json") }
        let index = ResidentIndex(store: store, work: work, checkers: configuration.checkers,
                                  rules: configuration.acceptanceRules, metrics: metrics, logger: logger)
        try await index.refresh()
        if let run = try await work.run(by: nil, { [store] in try store.latestFinishedRun() }) {
            metrics.recordRun(finishedAt: run.finishedAt.flatMap(StoredTimestamp.date(from:)), seconds: nil,
                              scored: run.scored, newMatters: run.newMatters, repeats: run.repeats)
        }
        let runner = NightlyJobRunner(store: store, index: index, metrics: metrics, logger: logger)
        let dashboard = DashboardCache(store: store, work: work,
                                       rules: try configuration.acceptanceRules ?? AcceptanceRules.bundled(),
                                       maximumAge: configuration.dashboardMaximumAge)
        let routes = ServiceRoutes(store: store, work: work, index: index, runner: runner, metrics: metrics,
                                   configuration: configuration, openAPI: openAPI, dashboard: dashboard,
                                   sessions: DashboardSessions(),
                                   identifierBudget: IdentifierBudget(limit: configuration.checkIdentifiersPerDay),
                                   operatorLimiter: RequestRateLimiter(perSecond: configuration.operatorRequestsPerSecond,
                                                                       burst: configuration.operatorBurst),
                                   anonymousLimiter: RequestRateLimiter(perSecond: configuration.anonymousRequestsPerSecond,
                                                                        burst: configuration.anonymousBurst))
        let host = configuration.host
        let app = Application(
            router: routes.router(),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.nanoseconds)))),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "petition"),
            onServerRunning: { [logger] channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening", metadata: ["host": "\(host)", "port": "\(port)"])
                onListening(host, port)
            },
            logger: logger)
        var services: [any Service] = [
            runner,
            IndexRefresher(index: index, runner: runner, interval: configuration.refreshInterval, logger: logger),
            DashboardRefresher(cache: dashboard, interval: configuration.refreshInterval),
        ]
        if let nightly = configuration.nightly {
            services.append(NightlySchedule(time: nightly, runner: runner, logger: logger))
        }
        // Last, so that it is the first to stop: requests in flight end before the job is asked to stop.
        services.append(app)
        // After the server, so that it is told first: searches end before the server waits for its requests.
        services.append(SearchStopper(store: store))
        let serviceGroup = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: signals,
                                                             logger: logger))
        group.withLock { $0 = serviceGroup }
        try await serviceGroup.run()
    }

    /// Stops as SIGTERM does: no new connections, requests in flight answered, the job stopped between batches.
    public func shutdown() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }
}

extension Duration {
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }
}
