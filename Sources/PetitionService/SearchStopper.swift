import PetitionModel
import ServiceLifecycle

/// On SIGTERM, ends the searches running and refuses new ones before the
/// server waits for its requests in flight: a search could otherwise hold the
/// shutdown up to its deadline. Their callers hear 503 and may retry on
/// another instance; checks, saves and imports finish as before.
struct SearchStopper: Service {
    let store: any PetitionStorage

    func run() async throws {
        try? await gracefulShutdown()
        store.stopSearches()
    }
}
