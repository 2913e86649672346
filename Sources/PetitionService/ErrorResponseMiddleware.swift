import Foundation
import Hummingbird
import Logging
import PetitionStore

/// Turns every error into a JSON answer with a Chinese message
/// (``ServiceError``): Hummingbird's own (no route, body too large), the
/// store's job lock (409), and anything unforeseen, which becomes a 500 whose
/// reference is logged with the error, so that no internal detail reaches the caller.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let serviceError = Self.serviceError(for: error, request: request)
            if case let .internalError(reference) = serviceError {
                context.logger.error("unexpected error", metadata: ["reference": "\(reference)",
                                                                     "error": "\(String(describing: type(of: error)))"])
            }
            return try serviceError.response(from: request, context: context)
        }
    }

    static func serviceError(for error: any Error, request: Request) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as HTTPError where error.status == .notFound:
            let allowed = RouteTable.methods(for: request.uri.path)
            if !allowed.isEmpty { return .methodNotAllowed(method: request.method.rawValue, allowed: allowed) }
            return .noRoute(method: request.method.rawValue, path: request.uri.path)
        case let error as HTTPError where error.status == .contentTooLarge:
            return .bodyTooLarge(limit: BodyLimits.standard.batch)
        case let error as PetitionStore.StoreError:
            if case .jobRunning = error { return .jobRunning }
            return .internalError(reference: reference())
        default:
            return .internalError(reference: reference())
        }
    }

    static func status(of error: any Error) -> Int {
        switch error {
        case let error as ServiceError: error.status.code
        case let error as any HTTPResponseError: error.status.code
        case let error as PetitionStore.StoreError:
            if case .jobRunning = error { 409 } else { 500 }
        default: 500
        }
    }

    private static func reference() -> String {
        String(UUID().uuidString.prefix(8)).lowercased()
    }
}
