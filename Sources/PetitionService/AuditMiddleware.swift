import Hummingbird
import Logging
import PetitionModel

/// Writes every `/v1` request to the audit trail, answered or refused: the
/// operator (`（未认证）` when no valid token came), the method, route and
/// status as the command (`GET /v1/search 200`), what the handler noted
/// (query or id, ids returned, a reveal and its reason). The entry is written
/// before the answer leaves: a request the trail cannot record is not answered (500).
/// Requests without a valid token are written once a minute per address,
/// with the count of those between (``AnonymousAuditThrottle``).
struct AuditMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let anonymous = "（未认证）"
    let trail: any AuditTrail
    let work: BlockingWork
    let anonymousThrottle: AnonymousAuditThrottle

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let outcome: Result<Response, any Error>
        do {
            outcome = .success(try await next(request, context))
        } catch {
            outcome = .failure(error)
        }
        let status = switch outcome {
        case let .success(response): response.status.code
        case let .failure(error): ErrorResponseMiddleware.status(of: error)
        }
        let notes = context.notes
        let audit = notes.audit
        var subject = audit.subject
        if notes.caller == nil {
            let address = context.clientAddress
            guard let unwritten = anonymousThrottle.entry(for: address) else { return try outcome.get() }
            let between = unwritten > 0 ? "；上次记录以来另有 \(unwritten) 次未认证请求" : ""
            subject = [subject, "来自 \(address)\(between)"].compactMap { $0 }.joined(separator: "；")
        }
        let route = context.endpointPath.map(RouteName.template) ?? request.uri.path
        let entry = AuditEntry(operatorName: notes.caller?.operatorName ?? Self.anonymous,
                               command: "\(request.method.rawValue) \(route) \(status)", subject: subject,
                               returned: audit.returned, revealed: audit.revealed, reason: audit.reason)
        do {
            try await work.run(by: nil) { [trail] in try trail.appendAudit(entry) }
        } catch {
            context.logger.error("audit entry not written", metadata: ["route": "\(route)"])
            throw ServiceError.internalError(reference: "audit")
        }
        return try outcome.get()
    }
}
