import Foundation
import Hummingbird
import PetitionAnswers
import PetitionDashboard
import PetitionDedup
import PetitionModel
import PetitionText

extension ServiceRoutes {
    /// Pairs the page shows at once: an official's sitting, each pair two full texts.
    static let labelPagePairs = 5
    /// Recent petitions scored for the page (about 6 ms each, within a request's deadline).
    static let labelPageRecent = 300

    /// `GET /labels`: the pairs to judge, for a signed-in investigator or admin.
    @Sendable func labelPage(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        guard let caller = try await dashboardCaller(request, context) else {
            return HTMLResponse.make(SignInPage().html(), status: .unauthorized)
        }
        guard caller.role.allows(.label) else {
            return HTMLResponse.make(SignInPage(error: ServiceError.forbidden(role: caller.role, permission: .label).message).html(),
                                     status: .forbidden)
        }
        let notice = try QueryParameters(request.uri.query).oneOf("saved", PairLabel.Judgment.allCases.map(\.rawValue))
            .flatMap(PairLabel.Judgment.init(rawValue:)).map { "已保存：\($0.chinese)" }
        context.notes.noteAudit(subject: "判定页")
        let notes = context.notes
        let pairs = try await blocking(context) { [store] () -> [LabelPage.Pair] in
            var queue = LabelQueue(store: store)
            queue.recentPetitions = Self.labelPageRecent
            let queued = try queue.pairs(limit: Self.labelPagePairs,
                                         shouldStop: { notes.deadline.map { .now >= $0.instant } ?? false })
            notes.noteAudit(subject: "判定页", returned: queued.flatMap { [$0.a, $0.b] })
            let privacy = PrivacyFilter(reveal: false)
            return try queued.map { pair in
                let petitions = try LabelAnswer.sideBySide(pair, store: store, privacy: privacy)
                    .map { ($0.id, $0.receivedAt, $0.title ?? "", $0.content) }
                return LabelPage.Pair(a: pair.a, b: pair.b, probability: pair.probability,
                                      reasons: pair.reasons.map(privacy.text), petitions: petitions)
            }
        }
        return HTMLResponse.make(LabelPage(pairs: pairs, operatorName: caller.operatorName, notice: notice).html())
    }

    /// `POST /labels` (a form with `a`, `b`, `label`): stores the judgment and shows the next pairs.
    @Sendable func labelFromPage(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        // A judgment changes what the detector learns: refused from another site's page, as the sign-in is.
        try SignInOrigin.verify(request)
        guard let caller = try await dashboardCaller(request, context) else {
            return HTMLResponse.make(SignInPage().html(), status: .unauthorized)
        }
        guard caller.role.allows(.label) else { throw ServiceError.forbidden(role: caller.role, permission: .label) }
        let body = try await RecordBody.bytes(of: request, limit: Self.signInBodyLimit, by: context.notes.deadline)
        let form = try QueryParameters(String(decoding: body, as: UTF8.self))
        let label = try await storeLabel(a: form.text("a"), b: form.text("b"), judgment: form.text("label"), caller: caller,
                                         context: context)
        return HTMLResponse.redirect(to: "/labels?saved=\(label.judgment.rawValue)")
    }
}
