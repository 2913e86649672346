import Hummingbird
import PetitionText

extension ServiceRoutes {
    /// `GET /v1/audit[?from=…][&to=…][&operator=…]`: the audit trail, as `audit --json` (admins only).
    @Sendable func audit(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let from = try Self.auditDate(query, "from"), to = try Self.auditDate(query, "to")
        let operatorName = query.text("operator")
        context.notes.noteAudit(subject: ["from": from, "to": to, "operator": operatorName]
            .compactMap { key, value in value.map { "\(key)=\($0)" } }.sorted().joined(separator: " "))
        let entries = try await blocking(context) { [store] in
            try store.auditEntries(from: from, to: to, operatorName: operatorName)
        }
        return JSONResponse.make(["entries": entries.map(ServiceJSON.auditEntry)] as [String: Any])
    }

    private static func auditDate(_ query: QueryParameters, _ name: String) throws(ServiceError) -> String? {
        guard let text = query.text(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw .badField(field: name, message: "不是有效日期：\(text.prefix(40))")
        }
        return date.description
    }
}
