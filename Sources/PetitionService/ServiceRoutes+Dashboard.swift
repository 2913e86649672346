import Foundation
import Hummingbird
import PetitionDashboard

extension ServiceRoutes {
    /// `GET /[?province=…&city=…&county=…]`: the 挂图作战 dashboard for a
    /// bearer token or a signed-in browser; the sign-in form for anyone else.
    @Sendable func dashboardPage(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        guard let caller = try await dashboardCaller(request, context) else {
            return HTMLResponse.make(SignInPage().html(), status: .unauthorized)
        }
        guard caller.role.allows(.dashboard) else {
            return HTMLResponse.make(SignInPage(error: ServiceError.forbidden(role: caller.role, permission: .dashboard).message).html(),
                                     status: .forbidden)
        }
        let scope = try Self.scope(try QueryParameters(request.uri.query))
        context.notes.noteAudit(subject: scope.names.isEmpty ? "全部地区" : scope.names.joined(separator: "/"))
        let figures = try await dashboard.current()
        guard let view = DashboardView(figures: figures, scope: scope) else {
            let root = DashboardView(figures: figures, scope: DashboardScope())!
            var page = DashboardPage(view: root, mode: .served(operatorName: caller.operatorName, role: caller.role.chineseName))
            page.notice = "没有「\(scope.names.joined(separator: " "))」的数据，显示全部地区。"
            return HTMLResponse.make(page.html(), status: .notFound)
        }
        return HTMLResponse.make(DashboardPage(view: view, mode: .served(operatorName: caller.operatorName,
                                                                          role: caller.role.chineseName)).html())
    }

    /// `GET /v1/dashboard[?province=…&city=…&county=…]`: the same figures as the page, as JSON.
    @Sendable func dashboardFigures(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let scope = try Self.scope(try QueryParameters(request.uri.query))
        context.notes.noteAudit(subject: scope.names.isEmpty ? "全部地区" : scope.names.joined(separator: "/"))
        let figures = try await dashboard.current()
        guard let view = DashboardView(figures: figures, scope: scope) else {
            throw ServiceError.notFound(kind: "地区", id: scope.names.joined(separator: "/"))
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try view.json())))
    }

    /// `POST /login` (a form with `token`): opens a session and sends the browser to the dashboard.
    @Sendable func signIn(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try SignInOrigin.verify(request)
        let body = try await RecordBody.bytes(of: request, limit: Self.signInBodyLimit, by: context.notes.deadline)
        let form = try QueryParameters(String(decoding: body, as: UTF8.self))
        guard let token = form.text("token"), TokenIssuer.isWellFormed(token) else {
            try anonymousLimiter.admit(context.clientAddress)
            return HTMLResponse.make(SignInPage(error: "请输入有效的访问令牌（以 pt_ 开头）").html(), status: .unauthorized)
        }
        let issuer = TokenIssuer(store: store)
        guard let caller = try await blocking(context, { try issuer.caller(presenting: token) }) else {
            try anonymousLimiter.admit(context.clientAddress)
            return HTMLResponse.make(SignInPage(error: ServiceError.badToken.message).html(), status: .unauthorized)
        }
        context.notes.caller = caller
        context.notes.noteAudit(subject: "登录挂图作战")
        let session = sessions.open(tokenHash: TokenIssuer.hash(token))
        return HTMLResponse.redirect(to: "/", cookie: DashboardSessions.cookie(session))
    }

    /// `POST /logout`: ends the browser's session.
    @Sendable func signOut(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        if let id = DashboardSessions.sessionID(inCookieHeader: request.headers[.cookie]) {
            if let hash = sessions.tokenHash(session: id) {
                let issuer = TokenIssuer(store: store)
                context.notes.caller = try await blocking(context) { try issuer.caller(hash: hash) }
            }
            sessions.close(session: id)
        }
        context.notes.noteAudit(subject: "退出挂图作战")
        return HTMLResponse.redirect(to: "/", cookie: DashboardSessions.cookie(nil))
    }

    /// A form holds one token: a few hundred bytes are plenty.
    static let signInBodyLimit = 4096

    /// The caller of a dashboard request: its bearer token, else its session
    /// cookie. A bad bearer token is refused (401) rather than ignored.
    func dashboardCaller(_ request: Request, _ context: ServiceRequestContext) async throws -> Caller? {
        let issuer = TokenIssuer(store: store)
        if let header = request.headers[.authorization] {
            let token = try AuthenticationMiddleware.bearerToken(header)
            guard let caller = try await blocking(context, { try issuer.caller(presenting: token) }) else {
                try anonymousLimiter.admit(context.clientAddress)
                throw ServiceError.badToken
            }
            context.notes.caller = caller
            try operatorLimiter.admit(caller.operatorName)
            return caller
        }
        guard let id = DashboardSessions.sessionID(inCookieHeader: request.headers[.cookie]),
              let hash = sessions.tokenHash(session: id) else { return nil }
        guard let caller = try await blocking(context, { try issuer.caller(hash: hash) }) else {
            // The token was revoked: the session ends with it.
            sessions.close(session: id)
            return nil
        }
        context.notes.caller = caller
        return caller
    }

    private static func scope(_ query: QueryParameters) throws(ServiceError) -> DashboardScope {
        for name in ["province", "city", "county"] where (query.text(name)?.count ?? 0) > 40 {
            throw .badField(field: name, message: "地区名过长")
        }
        if query.text("county") != nil && query.text("city") == nil {
            throw .badField(field: "county", message: "给出县（区）时须同时给出所在的市")
        }
        if query.text("city") != nil && query.text("province") == nil {
            throw .badField(field: "city", message: "给出市时须同时给出所在的省")
        }
        return DashboardScope(province: query.text("province"), city: query.text("city"), county: query.text("county"))
    }
}
