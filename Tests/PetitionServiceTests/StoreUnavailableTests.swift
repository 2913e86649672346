@testable import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// A database out of reach is the service's trouble, not the caller's, and
/// passes: it answers 503 with `Retry-After`, never a 500, and never the
/// backend's own message.
@Suite("Store unavailable")
struct StoreUnavailableTests {
    struct BackendError: StoreAvailabilityError {
        var isTransient: Bool
    }

    @Test("a transient store error is 503 store_unavailable with Retry-After and a log reference")
    func transientIsServiceUnavailable() {
        let error = ErrorResponseMiddleware.serviceError(for: BackendError(isTransient: true), method: "GET",
                                                         path: "/v1/search")
        guard case let .storeUnavailable(reference) = error else {
            Issue.record("expected storeUnavailable, got \(error)")
            return
        }
        #expect(error.status == .serviceUnavailable && error.code == "store_unavailable")
        #expect(error.message.contains("数据库暂时无法访问") && error.message.contains(reference))
        #expect(ErrorResponseMiddleware.status(of: BackendError(isTransient: true)) == 503)
    }

    @Test("a store error that would fail again the same way stays a 500")
    func permanentIsInternal() {
        let error = ErrorResponseMiddleware.serviceError(for: BackendError(isTransient: false), method: "GET",
                                                         path: "/v1/search")
        #expect(error.code == "internal_error" && error.status == .internalServerError)
        #expect(ErrorResponseMiddleware.status(of: BackendError(isTransient: false)) == 500)
    }
}
