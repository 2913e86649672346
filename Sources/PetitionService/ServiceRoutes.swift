import Foundation
import HTTPTypes
import Hummingbird
import PetitionAnswers
import PetitionDedup
import PetitionModel

/// The routes of DOMAIN.md's service and the middleware each one passes
/// through. Outermost first: `Cache-Control: no-store`, metrics, the request
/// log and errors as JSON for every route; then, for `/v1`, the audit trail, the deadline, the token and
/// the route's permission and body limit.
struct ServiceRoutes: Sendable {
    let store: any PetitionStorage
    let work: BlockingWork
    let index: ResidentIndex
    let runner: NightlyJobRunner
    let metrics: ServiceMetrics
    let configuration: ServiceConfiguration
    let openAPI: Data
    let dashboard: DashboardCache
    let sessions: DashboardSessions
    let identifierBudget: IdentifierBudget
    let operatorLimiter: RequestRateLimiter
    let anonymousLimiter: RequestRateLimiter

    func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: NoStoreMiddleware())
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorResponseMiddleware())

        router.get("healthz", use: healthz)
        router.get("metrics", use: prometheus)
        router.get("openapi.json", use: openAPIDocument)

        let auditTrail = AuditMiddleware(trail: store, work: work, anonymousThrottle: AnonymousAuditThrottle())
        // The dashboard's page and its sign-in: audited like `/v1`, answered in HTML.
        let pages = router.group().add(middleware: auditTrail)
            .add(middleware: DeadlineMiddleware(limit: configuration.requestTimeout))
        pages.get("/", use: dashboardPage)
        pages.post("login", use: signIn)
        pages.post("logout", use: signOut)
        pages.get("labels", use: labelPage)
        pages.post("labels", use: labelFromPage)

        let v1 = router.group("v1").add(middleware: auditTrail)
        let authentication = AuthenticationMiddleware(issuer: TokenIssuer(store: store), work: work,
                                                      operators: operatorLimiter, anonymous: anonymousLimiter)
        let standard = v1.group().add(middleware: DeadlineMiddleware(limit: configuration.requestTimeout))
            .add(middleware: authentication)
        let long = v1.group().add(middleware: DeadlineMiddleware(limit: configuration.batchTimeout))
            .add(middleware: authentication)

        standard.group().add(middleware: PermissionMiddleware(permission: .check))
            .add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimits.record))
            .post("check", use: check)
        long.group().add(middleware: PermissionMiddleware(permission: .upsert))
            .add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimits.batch))
            .post("petitions", use: upsert)
        standard.group().add(middleware: PermissionMiddleware(permission: .search))
            .get("search", use: search)
        let reading = standard.group().add(middleware: PermissionMiddleware(permission: .read))
        reading.get("petitions/{id}", use: petition)
        reading.get("matters/{id}", use: matter)
        reading.get("backlog-cases/{id}", use: backlogCase)
        long.group().add(middleware: PermissionMiddleware(permission: .dedup))
            .post("dedup", use: startDedup)
        standard.group().add(middleware: PermissionMiddleware(permission: .dedup))
            .get("dedup", use: dedupStatus)
        standard.group().add(middleware: PermissionMiddleware(permission: .audit))
            .get("audit", use: audit)
        let labelling = standard.group().add(middleware: PermissionMiddleware(permission: .label))
        labelling.get("labels", use: labelQueue)
        labelling.add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimits.record))
            .post("labels", use: saveLabel)
        standard.group().add(middleware: PermissionMiddleware(permission: .dashboard))
            .get("dashboard", use: dashboardFigures)
        return router
    }

    /// Blocking work on the store, answered by the request's deadline.
    func blocking<T: Sendable>(_ context: ServiceRequestContext,
                               _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await work.run(by: context.notes.deadline, body)
    }

    /// `?reveal=true`: full ID numbers and phones, for admins, with a reason in `X-Reveal-Reason` (audited).
    func privacy(_ request: Request, _ context: ServiceRequestContext) throws(ServiceError) -> PrivacyFilter {
        let query = try QueryParameters(request.uri.query)
        guard try query.flag("reveal") else { return PrivacyFilter() }
        try context.require(.reveal)
        let header = request.headers[HTTPField.Name("X-Reveal-Reason")!] ?? ""
        let reason = (header.removingPercentEncoding ?? header).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw .badField(field: "X-Reveal-Reason", message: "查看完整身份证号和电话须在此请求头中说明理由（可用 UTF-8 或百分号编码）")
        }
        context.notes.noteReveal(reason: reason)
        return PrivacyFilter(reveal: true)
    }

    /// The `{id}` of a route, percent-decoded.
    func identifier(_ context: ServiceRequestContext) throws(ServiceError) -> String {
        guard let raw = context.parameters.get("id") else { throw .badField(field: "id", message: "缺少编号") }
        let id = raw.removingPercentEncoding ?? raw
        guard !id.isEmpty, id.count <= 64 else { throw .badField(field: "id", message: "编号为空或过长") }
        return id
    }
}
