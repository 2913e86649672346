import Dispatch
import Hummingbird

/// Counts every request and times it, by route template, method and status
/// (``ServiceMetrics``). Outermost, so that it sees the status of every
/// answer, errors included.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, started: started)
            return response
        } catch {
            record(request, context, status: ErrorResponseMiddleware.status(of: error), started: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, started: UInt64) {
        let route = context.endpointPath.map(RouteName.template) ?? "unmatched"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status,
                              nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
    }
}
