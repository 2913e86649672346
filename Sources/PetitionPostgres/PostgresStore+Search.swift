import Foundation
import PetitionStore
import PetitionText
import PostgresNIO

/// Full-text search on the `search` vectors (``SearchVector``) through their
/// GIN index, with queries compiled from the shared parser (``TSQueryExpression``),
/// so that the ids found are those SQLite's FTS5 finds.
///
/// Ranking is `ts_rank_cd` (cover density: how close together and how often
/// the query's terms occur) with the weights of SQLite's bm25 columns scaled
/// to PostgreSQL's range — title (A) 1.0, respondent (B) 0.3, content (D) 0.1,
/// the 10 : 3 : 1 of `bm25(petition_fts, 10, 1, 3)` — and normalisation 1
/// (divided by 1 + the log of the petition's length), the nearest PostgreSQL
/// has to bm25's length penalty. bm25 itself is not available: it needs each
/// term's document frequency at query time, which PostgreSQL does not keep.
/// The set of petitions found is the same as SQLite's; the order among them
/// may differ. ``SearchHit/rank`` is the negated score, so that smaller is
/// better as on SQLite.
extension PostgresStore: PetitionSearching {
    static let rankWeights = "'{0.1, 0.0, 0.3, 1.0}'"

    public func search(_ request: SearchRequest) throws -> SearchResult {
        let tsquery = TSQueryExpression.compile(request.query)
        var bindings = PostgresBindings()
        bindings.append(tsquery)
        var conditions = ["s.search @@ $1::tsquery"]
        func bind(_ value: String) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        if let region = request.region?.trimmingCharacters(in: .whitespaces), !region.isEmpty {
            if region.allSatisfy({ $0.isASCII && $0.isNumber }) {
                conditions.append("p.region_code LIKE \(bind(Self.likePrefix(region)))")
                // A code naming a city or below names its partition: only that one is scanned.
                if region.count >= 4 { conditions.append("s.city_code = \(bind(String(region.prefix(4)) + "00"))") }
            } else {
                let pattern = Self.likePrefix(region)
                conditions.append("(p.province LIKE \(bind(pattern)) OR p.city LIKE \(bind(pattern)) OR p.county LIKE \(bind(pattern)))")
            }
        }
        for (column, value) in [("category", request.category), ("level", request.level), ("channel", request.channel)] {
            if let value, !value.isEmpty { conditions.append("p.\(column) = \(bind(value))") }
        }
        if let from = request.from { conditions.append("p.received_at >= \(bind(from.description))") }
        if let to = request.to { conditions.append("p.received_at <= \(bind(to.description))") }
        if let petitioner = request.petitioner?.trimmingCharacters(in: .whitespaces), !petitioner.isEmpty {
            let test: String
            if let idNumber = IdentifierForms.residentID(petitioner) {
                test = "id_canonical = \(bind(idNumber))"
            } else if let phone = IdentifierForms.phone(petitioner), phone.count >= 7 {
                test = "phone_canonical = \(bind(phone))"
            } else {
                test = "name = \(bind(petitioner))"
            }
            conditions.append("EXISTS (SELECT 1 FROM petitioner WHERE petition_rowid = p.rowid AND \(test))")
        }
        if let stage = request.stage { conditions.append("p.handling_stage = \(bind(stage.rawValue))") }
        // The vectors' table finds the rows; each is joined to its partition by (rowid, city_code).
        let filter = "FROM petition_search s JOIN petition p ON p.rowid = s.rowid AND p.city_code = s.city_code WHERE "
            + conditions.joined(separator: " AND ")
        // Without filters the count needs only the index.
        let count = request.hasFilters ? "SELECT count(*) \(filter)" : "SELECT count(*) FROM petition_search s WHERE s.search @@ $1::tsquery"
        let limit = max(0, request.limit), offset = max(0, request.offset)
        let highlighter = SearchHighlighter(query: request.query)
        return try read { session in
            var countBindings = bindings
            if !request.hasFilters {
                countBindings = PostgresBindings()
                countBindings.append(tsquery)
            }
            let total = try session.query(sql: count, countBindings).rows.first
                .map { try $0.decode(Int.self) } ?? 0
            let rows = try session.query(sql: """
                SELECT p.id, p.received_at, p.channel, p.level, p.province, p.city, p.county, p.category, p.title,
                       p.content, p.respondent, ts_rank_cd(\(Self.rankWeights), s.search, $1::tsquery, 1) AS rank
                \(filter)
                ORDER BY rank DESC, p.rowid LIMIT \(limit) OFFSET \(offset)
                """, bindings).rows
            let hits = try rows.map { row in
                let (id, receivedAt, channel, level, province, city, county, category, title, content, respondent, rank) =
                    try row.decode((String, String, String?, String?, String?, String?, String?, String?, String?, String,
                                    String?, Float).self)
                return SearchHit(
                    id: id, receivedAt: receivedAt, channel: channel, level: level,
                    region: [province, city, county].compactMap { $0 }.joined(), category: category,
                    title: highlighter.highlight(title ?? ""),
                    snippet: highlighter.snippet(columns: [title, content, respondent]), rank: -Double(rank))
            }
            return SearchResult(total: total, hits: hits)
        }
    }

    public func matchingIDs(_ query: SearchQuery) throws -> [String] {
        let tsquery = TSQueryExpression.compile(query)
        return try read { session in
            try session.column("""
                SELECT r.id FROM petition_search s JOIN petition_ref r ON r.rowid = s.rowid WHERE s.search @@ \(tsquery)::tsquery
                """, as: String.self)
        }
    }

    private static func likePrefix(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + "%"
    }
}
