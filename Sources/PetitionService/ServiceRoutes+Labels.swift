import Foundation
import Hummingbird
import PetitionAnswers
import PetitionDedup
import PetitionStore

extension ServiceRoutes {
    /// Judgments one request may carry: an official's sitting, not a file (the command line imports files).
    static let labelsPerRequest = 200

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
            let pairs = try queue.pairs(limit: limit)
            notes.noteAudit(subject: "待判定 --limit \(limit) --recent \(recent)", returned: pairs.flatMap { [$0.a, $0.b] })
            return JSONResponse.data(["pairs": try pairs.map {
                try LabelAnswer.queued($0, store: store, privacy: PrivacyFilter(reveal: false))
            }])
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// `POST /v1/labels`: `{"labels": [{"a", "b", "judgment"}]}`, judgments
    /// `same_matter`, `different` or `skipped`; all stored or none.
    @Sendable func saveLabels(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let data = try await RecordBody.bytes(of: request, limit: configuration.bodyLimits.record, by: context.notes.deadline)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["labels"] as? [Any] else {
            throw ServiceError.badJSON("应为 {\"labels\": [{\"a\", \"b\", \"judgment\"}]}")
        }
        guard !entries.isEmpty, entries.count <= Self.labelsPerRequest else {
            throw ServiceError.badField(field: "labels", message: "应有 1 到 \(Self.labelsPerRequest) 对判定，实为 \(entries.count) 对")
        }
        let operatorName = try context.caller().operatorName
        let at = ISO8601DateFormatter().string(from: Date())
        var read: [PairLabel] = []
        for (index, entry) in entries.enumerated() {
            let field = "labels[\(index)]"
            guard let entry = entry as? [String: Any] else { throw ServiceError.badField(field: field, message: "应为对象") }
            guard let a = entry["a"] as? String, !a.isEmpty, a.count <= 64 else {
                throw ServiceError.badField(field: field + ".a", message: "应为信访件编号")
            }
            guard let b = entry["b"] as? String, !b.isEmpty, b.count <= 64, b != a else {
                throw ServiceError.badField(field: field + ".b", message: "应为另一件信访的编号")
            }
            guard let text = entry["judgment"] as? String, let judgment = PairLabel.Judgment(rawValue: text) else {
                throw ServiceError.badField(field: field + ".judgment", message: "应为 same_matter、different 或 skipped")
            }
            read.append(PairLabel(a, b, judgment: judgment, operatorName: operatorName, labelledAt: at, source: "service"))
        }
        let labels = read
        let ids = labels.flatMap { [$0.first, $0.second] }
        context.notes.noteAudit(subject: "判定 \(labels.count) 对", returned: ids)
        try await blocking(context) { [store] in
            for (index, label) in labels.enumerated() {
                for id in [label.first, label.second] where try store.storedPetition(id: id) == nil {
                    throw ServiceError.badField(field: "labels[\(index)]", message: "库中没有信访件 \(id)")
                }
            }
            try store.saveLabels(labels)
        }
        return JSONResponse.make(["saved": labels.count])
    }
}
