import Foundation
import Hummingbird
import PetitionAnswers
import PetitionDedup

extension ServiceRoutes {
    /// `POST /v1/dedup[?full=true][&weights=…][&wait=true]`: runs the nightly
    /// job now. 202 with the job's status at once, or 200 with `dedup --json`'s
    /// summary when `wait=true`; 409 while a run is going on, here or in another process.
    @Sendable func startDedup(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let full = try query.flag("full")
        let wait = try query.flag("wait")
        let weights = try query.oneOf("weights", DedupJob.WeightChoice.allCases.map(\.rawValue))
            .flatMap(DedupJob.WeightChoice.init(rawValue:)) ?? .stored
        context.notes.noteAudit(subject: AuditSubject.dedup(full: full, weights: weights))
        if weights == .learn {
            // Refused before the run starts, not logged after it fails.
            try await blocking(context) { [store] in
                do {
                    try LabelLearner.requireEnoughLabels(in: store)
                } catch let error as LabelLearner.TooFewLabels {
                    throw ServiceError.badField(field: "weights", message: error.description)
                }
            }
        }
        let task = try runner.start(full: full, weights: weights, trigger: .request)
        guard wait else { return JSONResponse.make(await statusJSON(), status: .accepted) }
        let summary = try await RequestDeadline.answer(by: context.notes.deadline) { try await task.value }
        return JSONResponse.make(AnswerJSON.dedupSummary(summary))
    }

    /// `GET /v1/dedup`: whether a run is going on, the last one this service ran, and the run the resident index holds.
    @Sendable func dedupStatus(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        context.notes.noteAudit(subject: "dedup status")
        return JSONResponse.make(await statusJSON())
    }

    private func statusJSON() async -> [String: Any] {
        let status = runner.status
        let formatter = ISO8601DateFormatter()
        return [
            "running": status.running,
            "trigger": AnswerJSON.null(status.running ? status.trigger?.rawValue : nil),
            "started_at": AnswerJSON.null(status.running ? status.startedAt.map(formatter.string(from:)) : nil),
            "full": AnswerJSON.null(status.running ? status.full : nil),
            "last_run": status.lastSummary.map { AnswerJSON.dedupSummary($0) as Any } ?? NSNull(),
            "last_finished_at": AnswerJSON.null(status.lastFinishedAt.map(formatter.string(from:))),
            "last_error": AnswerJSON.null(status.lastError),
            "index_run_id": AnswerJSON.null(await index.runID),
            "nightly": AnswerJSON.null(configuration.nightly?.description),
        ]
    }
}
