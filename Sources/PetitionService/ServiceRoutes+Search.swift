import Hummingbird
import PetitionAnswers
import PetitionModel
import PetitionText

extension ServiceRoutes {
    /// `GET /v1/search?q=…`: ranked full-text search with `search`'s filters as parameters.
    @Sendable func search(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let query = try QueryParameters(request.uri.query)
        var searchRequest = try Self.searchRequest(query)
        searchRequest.deadline = context.notes.deadline?.instant
        let privacy = try privacy(request, context)
        let text = query.text("q") ?? ""
        let subject = searchRequest.auditSubject(query: text)
        context.notes.noteAudit(subject: subject)
        let result = try await blocking(context) { [store, searchRequest] in try store.search(searchRequest) }
        context.notes.noteAudit(subject: subject, returned: result.hits.map(\.id))
        return JSONResponse.make([
            "total": result.total, "limit": searchRequest.limit, "offset": searchRequest.offset,
            "hits": result.hits.map { AnswerJSON.searchHit($0, total: result.total, privacy: privacy) },
        ] as [String: Any])
    }

    /// The search a query string asks for, each parameter checked as `search` checks its option.
    static func searchRequest(_ query: QueryParameters) throws(ServiceError) -> SearchRequest {
        guard let text = query.text("q") else { throw .badField(field: "q", message: "缺少检索词") }
        var request: SearchRequest
        do {
            request = SearchRequest(query: try SearchQuery(parsing: text))
        } catch {
            switch error {
            case .noSearchableTerm:
                throw .badField(field: "q", message: "查询「\(text.prefix(40))」中没有可检索的字词")
            case .onlyExclusions:
                throw .badField(field: "q", message: "查询「\(text.prefix(40))」只有排除词，至少需要一个检索词")
            case let .tooLong(limit):
                throw .badField(field: "q", message: "查询过长：最多 \(limit) 个字符")
            case let .tooManyTerms(limit):
                throw .badField(field: "q", message: "查询的检索词过多：最多 \(limit) 个（含排除词和 OR 连接的词）")
            }
        }
        request.region = query.text("region")
        request.category = query.text("category")
        request.level = try query.oneOf("level", Petition.levels)
        request.channel = try query.oneOf("channel", Petition.channels)
        request.from = try date(query, "from")
        request.to = try date(query, "to")
        request.petitioner = query.text("petitioner")
        request.stage = try query.oneOf("stage", Handling.Stage.allCases.flatMap { [$0.rawValue, $0.chineseName] })
            .flatMap(Handling.Stage.init(named:))
        request.limit = try query.integer("limit", default: 20, in: 0...1000)
        request.offset = try query.integer("offset", default: 0, in: 0...1_000_000)
        return request
    }

    private static func date(_ query: QueryParameters, _ name: String) throws(ServiceError) -> CalendarDate? {
        guard let text = query.text(name) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw .badField(field: name, message: "不是有效日期：\(text.prefix(40))")
        }
        return date
    }
}
