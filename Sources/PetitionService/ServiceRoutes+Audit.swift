import Hummingbird
import PetitionAnswers
import PetitionModel
import PetitionText

extension ServiceRoutes {
    /// `GET /v1/audit[?from=…][&to=…][&operator=…]`: the audit trail, as `audit --json` (admins only).
    @Sendable func audit(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let from = try Self.auditDate(query, "from"), to = try Self.auditDate(query, "to")
        let operatorName = query.text("operator")
        context.notes.noteAudit(subject: AuditSubject.auditQuery(from: from, to: to, operatorName: operatorName))
        let entries = try await blocking(context) { [store] in
            try store.auditEntries(from: BeijingTime.startOfDay(from), to: BeijingTime.startOfDay(to, plusDays: 1),
                                   operatorName: operatorName)
        }
        return JSONResponse.make(["entries": entries.map(AnswerJSON.auditEntry)] as [String: Any])
    }

    private static func auditDate(_ query: QueryParameters, _ name: String) throws(ServiceError) -> CalendarDate? {
        guard let text = query.text(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw .badField(field: name, message: "不是有效日期：\(text.prefix(40))")
        }
        return date
    }
}
