import Dispatch
import Hummingbird
import Logging

/// One structured log line per request: method, route template, status,
/// milliseconds, operator and request id. Never the query, the path's ids or
/// the body, which may carry ID numbers and phones.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var status = 500
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            var metadata: Logger.Metadata = [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath.map(RouteName.template) ?? "unmatched")",
                "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ]
            if let caller = context.notes.caller {
                metadata["operator"] = "\(caller.operatorName)"
                metadata["role"] = "\(caller.role.rawValue)"
            }
            context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch {
            status = ErrorResponseMiddleware.status(of: error)
            throw error
        }
    }
}
