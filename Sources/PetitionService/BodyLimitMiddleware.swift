import Hummingbird

/// Refuses with 413 a body whose declared length passes the route's limit,
/// before reading it; a body without a declared length is cut off at the
/// limit as it is read (``RecordBody/bytes(of:limit:by:)``).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServiceError.bodyTooLarge(limit: limit)
        }
        return try await next(request, context)
    }
}
