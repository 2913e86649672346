import Foundation
import Hummingbird
import PetitionAnswers
import PetitionDedup
import PetitionModel

extension ServiceRoutes {
    /// `POST /v1/petitions`: upserts JSON Lines or a JSON array by id, as
    /// `petition import` does; rejected records are reported as `import --json` reports them.
    /// The audit names every id sent: the body is gone once answered, and an
    /// overwrite of a petition's text or ID number must be traceable to its sender.
    @Sendable func upsert(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let data = try await RecordBody.bytes(of: request, limit: configuration.bodyLimits.batch,
                                                   by: context.notes.deadline)
        let notes = context.notes
        let result = try await blocking(context) { [store] in
            let records = try RecordBody.batch(from: data)
            let sentIDs = records.compactMap { record -> String? in
                guard case let .success(fields) = record.fields else { return nil }
                return (fields["id"] as? String).map { String($0.prefix(64)) }
            }
            // Noted before the import, so that a batch that fails halfway is still traceable.
            notes.noteAudit(subject: "导入 \(records.count) 条", returned: sentIDs)
            let importer = Importer(store: store, derivedData: try ProfileWriter())
            let result = try importer.importRecords(records, kind: .petitions)
            notes.noteAudit(subject: "导入 \(records.count) 条：新增 \(result.added)，更新 \(result.updated)，未变 \(result.unchanged)，拒收 \(result.rejected.count)",
                            returned: sentIDs)
            return result
        }
        return JSONResponse.make(AnswerJSON.importSummary(result))
    }

    /// `GET /v1/petitions/{id}`: the petition with its matter and backlog case, as `show ID --json`.
    @Sendable func petition(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let id = try identifier(context)
        let privacy = try privacy(request, context)
        context.notes.noteAudit(subject: id)
        let file = try await blocking(context) { [store] () throws -> CaseFile? in
            guard try store.storedPetition(id: id) != nil else { return nil }
            return try CaseFile.load(id: id, store: store)
        }
        guard let file else { throw ServiceError.notFound(kind: "信访件", id: id) }
        context.notes.noteAudit(subject: id, returned: file.matters.flatMap { $0.petitions.map(\.id) })
        return JSONResponse.make(AnswerJSON.petitionFile(file, privacy: privacy))
    }

    /// `GET /v1/matters/{id}`: a matter with its petitions in time order, its class and backlog case.
    @Sendable func matter(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let id = try identifier(context)
        let privacy = try privacy(request, context)
        context.notes.noteAudit(subject: id)
        let found = try await blocking(context) { [store] () throws -> MatterAnswer? in
            guard let record = try store.matter(id) else { return nil }
            return MatterAnswer(record: record, members: try store.members(ofMatter: id),
                                escalations: try store.escalations(inMatter: id).map { [$0.id, $0.from, $0.to] },
                                classSize: try record.classID.map(store.matterCount(inClass:)),
                                backlog: try record.backlogCaseID.flatMap(store.backlogCase(id:)))
        }
        guard let found else { throw ServiceError.notFound(kind: "事项", id: id) }
        context.notes.noteAudit(subject: id, returned: found.members.map(\.id))
        var object = found.json(privacy: privacy)
        object["backlog_case"] = found.backlog.map { AnswerJSON.backlogCase($0, privacy: privacy) as Any } ?? NSNull()
        object["class_size"] = AnswerJSON.null(found.classSize)
        return JSONResponse.make(object)
    }

    /// `GET /v1/backlog-cases/{id}`: the case and the matters linked to it, as `show JA-… --json`.
    @Sendable func backlogCase(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let id = try identifier(context)
        let privacy = try privacy(request, context)
        context.notes.noteAudit(subject: id)
        let found = try await blocking(context) { [store] () throws -> (BacklogCase, [MatterAnswer])? in
            guard let backlog = try store.backlogCase(id: id) else { return nil }
            let matters = try store.matterIDs(ofBacklogCase: id).compactMap { matterID -> MatterAnswer? in
                guard let record = try store.matter(matterID) else { return nil }
                return MatterAnswer(record: record, members: try store.members(ofMatter: matterID),
                                    escalations: try store.escalations(inMatter: matterID).map { [$0.id, $0.from, $0.to] },
                                    classSize: nil, backlog: nil)
            }
            return (backlog, matters)
        }
        guard let (backlog, matters) = found else { throw ServiceError.notFound(kind: "信访积案", id: id) }
        context.notes.noteAudit(subject: id, returned: matters.flatMap { $0.members.map(\.id) })
        return JSONResponse.make(AnswerJSON.backlogFile(backlog, matters: matters.map { $0.json(privacy: privacy) }, privacy: privacy))
    }
}
