import Hummingbird

/// The permission a route needs (``Role/permissions``): 403 without it.
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let permission: Permission

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        try context.require(permission)
        return try await next(request, context)
    }
}
