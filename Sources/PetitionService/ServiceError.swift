import Foundation
import HTTPTypes
import Hummingbird

/// Every way a request can fail, with what the caller needs to know: a
/// status, a stable English code, a message in Chinese and, for bad input,
/// the field or parameter at fault. Rendered as
/// `{"error": code, "message": "…", "field": name or null}`.
public enum ServiceError: Error, Sendable, Equatable {
    /// No `Authorization: Bearer` header.
    case missingToken
    /// A token that is malformed, unknown or revoked.
    case badToken
    /// The caller's role lacks a permission.
    case forbidden(role: Role, permission: Permission)
    /// The body is not JSON of the expected shape.
    case badJSON(String)
    /// A field of a record, a query parameter or a header is wrong.
    case badField(field: String, message: String)
    case notFound(kind: String, id: String)
    /// No route answers this path.
    case noRoute(method: String, path: String)
    /// The path is answered, with other methods.
    case methodNotAllowed(method: String, allowed: [String])
    /// A nightly job runs on this database (in this service or in another process).
    case jobRunning
    case bodyTooLarge(limit: Int)
    /// An operator's checks named more different ID numbers and phones today than ``IdentifierBudget`` allows.
    case identifierBudgetSpent(limit: Int)
    /// A sign-in posted from another site's page (login CSRF).
    case crossOrigin(origin: String)
    /// An operator, or an address without a valid token, sent more requests than its share.
    case rateLimited(retryAfterSeconds: Int)
    /// The request took longer than its deadline.
    case timeout(seconds: Double)
    /// The service is stopping.
    case unavailable
    /// The database could not be reached or gave up on the statement; `reference` ties the answer to the log line.
    case storeUnavailable(reference: String)
    /// Something that is not the caller's fault; `reference` ties the answer to the log line.
    case internalError(reference: String)

    public var status: HTTPResponse.Status {
        switch self {
        case .missingToken, .badToken: .unauthorized
        case .forbidden, .crossOrigin: .forbidden
        case .badJSON, .badField: .badRequest
        case .notFound, .noRoute: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .jobRunning: .conflict
        case .bodyTooLarge: .contentTooLarge
        case .identifierBudgetSpent, .rateLimited: .tooManyRequests
        case .timeout, .unavailable, .storeUnavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    public var code: String {
        switch self {
        case .missingToken: "missing_token"
        case .badToken: "bad_token"
        case .forbidden: "forbidden"
        case .badJSON: "bad_json"
        case .badField: "bad_field"
        case .notFound: "not_found"
        case .noRoute: "no_route"
        case .methodNotAllowed: "method_not_allowed"
        case .jobRunning: "job_running"
        case .bodyTooLarge: "body_too_large"
        case .identifierBudgetSpent: "identifier_budget_spent"
        case .crossOrigin: "cross_origin"
        case .rateLimited: "rate_limited"
        case .timeout: "timeout"
        case .unavailable: "unavailable"
        case .storeUnavailable: "store_unavailable"
        case .internalError: "internal_error"
        }
    }

    public var message: String {
        switch self {
        case .missingToken: "缺少访问令牌：请在请求头 Authorization 中给出 Bearer 令牌"
        case .badToken: "访问令牌无效或已吊销"
        case let .forbidden(role, permission): "角色「\(role.chineseName)」无权\(permission.chineseName)"
        case let .badJSON(detail): detail
        case let .badField(field, message): "字段 \(field)：\(message)"
        case let .notFound(kind, id): "找不到编号为 \(id) 的\(kind)"
        case let .noRoute(method, path): "没有这个接口：\(method) \(path)"
        case let .methodNotAllowed(method, allowed): "此接口不接受 \(method) 请求，可用：\(allowed.joined(separator: "、"))"
        case .jobRunning: "查重任务正在运行（本服务或另一进程），请等它结束后再试"
        case let .bodyTooLarge(limit): "请求体过大：上限 \(ServiceError.size(limit))"
        case let .crossOrigin(origin): "登录请求来自其他网站（\(origin.prefix(80))），已拒绝：请在本服务的页面上登录"
        case let .rateLimited(seconds): "请求过于频繁，请 \(seconds) 秒后再试"
        case let .identifierBudgetSpent(limit): "今日查重提交的不同身份证号和电话已达上限（\(limit) 个），同一信访件重复查重不受影响；如确有需要请联系管理员"
        case let .timeout(seconds): String(format: "处理超时（上限 %.0f 秒），请稍后重试或缩小请求", seconds)
        case .unavailable: "服务正在停止，请稍后重试"
        case let .storeUnavailable(reference): "数据库暂时无法访问，请稍后重试（日志编号 \(reference)）"
        case let .internalError(reference): "内部错误（日志编号 \(reference)）"
        }
    }

    public var field: String? {
        if case let .badField(field, _) = self { return field }
        return nil
    }

    public var jsonObject: [String: Any] {
        ["error": code, "message": message, "field": field ?? NSNull()]
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) 字节"
    }
}

extension ServiceError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(jsonObject, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        switch self {
        case .timeout, .storeUnavailable: response.headers[.retryAfter] = "5"
        case let .rateLimited(seconds): response.headers[.retryAfter] = "\(seconds)"
        default: break
        }
        if case let .methodNotAllowed(_, allowed) = self { response.headers[.allow] = allowed.joined(separator: ", ") }
        return response
    }
}
