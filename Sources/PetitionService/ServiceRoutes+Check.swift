import Hummingbird
import PetitionAnswers
import PetitionModel

extension ServiceRoutes {
    /// `POST /v1/check[?save=true]`: the intake check of one petition record, on a resident checker.
    @Sendable func check(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let save = try QueryParameters(request.uri.query).flag("save")
        if save { try context.require(.save) }
        let data = try await RecordBody.bytes(of: request, limit: configuration.bodyLimits.record,
                                                   by: context.notes.deadline)
        let petition = try RecordBody.petition(from: data, needsID: save)
        context.notes.noteAudit(subject: petition.checkAuditSubject)
        try identifierBudget.spend(petition, by: context.notes.caller?.operatorName ?? "")
        let result = try await index.check(petition, save: save, by: context.notes.deadline)
        context.notes.noteAudit(subject: petition.checkAuditSubject, returned: result.matches.map(\.id))
        return try JSONResponse.make(AnswerJSON.check(result))
    }
}
