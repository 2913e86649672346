import Hummingbird

/// Gives the request its deadline (``RequestDeadline``): every blocking call
/// a handler makes is answered by then, or the request is answered with 503.
struct DeadlineMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let limit: Duration

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        context.notes.deadline = RequestDeadline(after: limit)
        return try await next(request, context)
    }
}
