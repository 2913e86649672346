import Hummingbird

/// `Authorization: Bearer TOKEN` on every `/v1` call: no token, or one that
/// is malformed, unknown or revoked, is 401. The token is looked up by its
/// hash on every request, so a revocation takes effect at once. Each operator
/// is held to its share of requests, and an address that keeps presenting
/// bad tokens is answered 429 (``RequestRateLimiter``).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let issuer: TokenIssuer
    let work: BlockingWork
    let operators: RequestRateLimiter
    let anonymous: RequestRateLimiter

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller: Caller
        do {
            guard let header = request.headers[.authorization] else { throw ServiceError.missingToken }
            let token = try Self.bearerToken(header)
            let found = try await work.run(by: context.notes.deadline) { [issuer] in try issuer.caller(presenting: token) }
            guard let found else { throw ServiceError.badToken }
            caller = found
        } catch let refusal as ServiceError where refusal == .missingToken || refusal == .badToken {
            try anonymous.admit(context.clientAddress)
            throw refusal
        }
        context.notes.caller = caller
        try operators.admit(caller.operatorName)
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer …` header; 401 for another scheme or a malformed token.
    static func bearerToken(_ header: String) throws(ServiceError) -> String {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .badToken }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard TokenIssuer.isWellFormed(token) else { throw .badToken }
        return token
    }
}
