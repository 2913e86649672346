import Hummingbird

/// Marks every answer `Cache-Control: no-store`: answers name petitioners,
/// and a reveal carries full ID numbers and phones, so no browser, proxy or
/// intake system's HTTP cache may keep a copy past the request that was audited.
struct NoStoreMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
