import Foundation
import Hummingbird
import PetitionAnswers
import PetitionDedup
import PetitionModel

extension ServiceRoutes {
    /// `GET /v1/labels[?limit=…][&recent=…]`: the pairs the detector is least
    /// sure of, both petitions in full and masked, as `label --list --json`.
    @Sendable func labelQueue(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        let limit = try query.integer("limit", default: 10, in: 1...50)
        // About 6 ms of scoring per petition: the bound keeps a request within its deadline.
        let recent = try query.integer("recent", default: 300, in: 1...2_000)
        context.notes.noteAudit(subject: "待判定 --limit \(limit) --recent \(recent)")
        let notes = context.notes
        // Serialized where it is read: the answer's dictionaries do not cross threads.
        let answer = try await blocking(context) { [store] () throws -> Data in
            var queue = LabelQueue(store: store)
            queue.recentPetitions = recent
            // Scoring stops at the request's deadline: the answer is gone by then, and the thread is the store's.
            let pairs = try queue.pairs(limit: limit, shouldStop: { notes.deadline.map { .now >= $0.instant } ?? false })
            notes.noteAudit(subject: "待判定 --limit \(limit) --recent \(recent)", returned: pairs.flatMap { [$0.a, $0.b] })
            return JSONResponse.data(["pairs": try pairs.map {
                try LabelAnswer.queued($0, store: store, privacy: PrivacyFilter(reveal: false))
            }])
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// `POST /v1/labels`: one judgment, `{"a", "b", "label": "same_matter" | "different" | "skip"}`,
    /// the caller its operator; answered with the label as stored.
    @Sendable func saveLabel(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let data = try await RecordBody.bytes(of: request, limit: configuration.bodyLimits.record, by: context.notes.deadline)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ServiceError.badJSON("应为 {\"a\", \"b\", \"label\"}")
        }
        let label = try await storeLabel(a: object["a"] as? String, b: object["b"] as? String,
                                         judgment: object["label"] as? String, caller: try context.caller(), context: context)
        return JSONResponse.make(LabelAnswer.label(label))
    }

    /// One judgment from either the API or the page: checked field by field,
    /// audited, refused whole when either petition is not stored.
    func storeLabel(a: String?, b: String?, judgment text: String?, caller: Caller,
                    context: ServiceRequestContext) async throws -> PairLabel {
        guard let a, !a.isEmpty, a.count <= 64 else { throw ServiceError.badField(field: "a", message: "应为信访件编号") }
        guard let b, !b.isEmpty, b.count <= 64, b != a else {
            throw ServiceError.badField(field: "b", message: "应为另一件信访的编号")
        }
        guard let judgment = text.flatMap(PairLabel.Judgment.init(rawValue:)) else {
            throw ServiceError.badField(field: "label", message: "应为 same_matter、different 或 skip")
        }
        let label = PairLabel(a, b, judgment: judgment, operatorName: caller.operatorName,
                              labelledAt: ISO8601DateFormatter().string(from: Date()), source: "service")
        context.notes.noteAudit(subject: "判定：\(judgment.chinese)", returned: [label.first, label.second])
        try await blocking(context) { [store] in
            for (field, id) in [("a", a), ("b", b)] where try store.storedPetition(id: id) == nil {
                throw ServiceError.badField(field: field, message: "库中没有信访件 \(id)")
            }
            try store.saveLabels([label])
        }
        return label
    }
}
