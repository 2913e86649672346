import ServiceLifecycle

/// Counts the dashboard's figures when the service starts and whenever a
/// nightly run has finished since they were counted, so that the first view
/// after a run does not wait for the count.
struct DashboardRefresher: Service {
    let cache: DashboardCache
    let interval: Duration

    func run() async throws {
        while true {
            await cache.warmIfStale()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
