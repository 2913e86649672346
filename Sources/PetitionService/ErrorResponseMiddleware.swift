import Foundation
import Hummingbird
import Logging
import PetitionModel

/// Turns every error into a JSON answer with a Chinese message
/// (``ServiceError``): Hummingbird's own (no route, body too large), the
/// store's job lock (409), a database out of reach (503, ``StoreAvailabilityError``),
/// and anything unforeseen, which becomes a 500. Both of the last two carry a
/// reference logged with the error, so that no internal detail reaches the caller.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let serviceError = Self.serviceError(for: error, method: request.method.rawValue, path: request.uri.path)
            switch serviceError {
            case let .internalError(reference):
                context.logger.error("unexpected error", metadata: ["reference": "\(reference)",
                                                                     "error": "\(String(describing: type(of: error)))"])
            case let .storeUnavailable(reference):
                context.logger.error("store unavailable", metadata: ["reference": "\(reference)", "error": "\(error)"])
            default:
                break
            }
            return try serviceError.response(from: request, context: context)
        }
    }

    static func serviceError(for error: any Error, method: String, path: String) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as HTTPError where error.status == .notFound:
            let allowed = RouteTable.methods(for: path)
            if !allowed.isEmpty { return .methodNotAllowed(method: method, allowed: allowed) }
            return .noRoute(method: method, path: path)
        case let error as HTTPError where error.status == .contentTooLarge:
            return .bodyTooLarge(limit: BodyLimits.standard.batch)
        case let error as StoreError:
            if case .jobRunning = error { return .jobRunning }
            return .internalError(reference: reference())
        case let error as any StoreAvailabilityError where error.isTransient:
            return .storeUnavailable(reference: reference())
        default:
            return .internalError(reference: reference())
        }
    }

    /// The status an error is answered with, for the middlewares that see it
    /// before this one turns it into a response (log, metrics, audit): one
    /// mapping, ``serviceError(for:method:path:)``'s, for every error of our own.
    static func status(of error: any Error) -> Int {
        if let error = error as? any HTTPResponseError { return error.status.code }
        return serviceError(for: error, method: "", path: "").status.code
    }

    private static func reference() -> String {
        String(UUID().uuidString.prefix(8)).lowercased()
    }
}
