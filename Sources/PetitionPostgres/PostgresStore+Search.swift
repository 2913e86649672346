import Foundation
import PetitionModel
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

    /// New searches are refused; one running ends at its deadline by the
    /// server's `statement_timeout` (a cancel would need its backend's pid).
    public func stopSearches() {
        searchesStopped.raise()
    }

    public func search(_ request: SearchRequest) throws -> SearchResult {
        if searchesStopped.isRaised {
            // 57P01, admin_shutdown: transient, so the caller hears 503 and may retry elsewhere.
            throw PostgresStoreError.statementFailed(database: location.description, sqlState: "57P01",
                                                     message: "服务正在停止", statement: "search")
        }
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
        // The matches, ranked, with their number, in one pass over their vectors
        // (a separate count would recheck every phrase match a second time).
        // Only (rowid, city, rank) travel through the window and the sort: with
        // the vector alongside, tens of thousands of matches spill to disk.
        // Filters name the petition's own columns, so only then is the partition joined.
        let matches = request.hasFilters
            ? "FROM petition_search s JOIN petition p ON p.rowid = s.rowid AND p.city_code = s.city_code WHERE "
                + conditions.joined(separator: " AND ")
            : "FROM petition_search s WHERE s.search @@ $1::tsquery"
        let limit = max(0, request.limit), offset = max(0, request.offset)
        let highlighter = SearchHighlighter(query: request.query)
        return try read { session in
            // The server stops the search when the caller stops waiting, as SQLite's progress handler does.
            if let deadline = request.deadline {
                let left = deadline - .now
                let milliseconds = max(1, Int(left.components.seconds) * 1000 + Int(left.components.attoseconds / 1_000_000_000_000_000))
                _ = try session.execute("SELECT set_config('statement_timeout', \(String(milliseconds)), false)")
            }
            defer { if request.deadline != nil { _ = try? session.execute("RESET statement_timeout") } }
            let ranked = try session.query(sql: """
                SELECT rowid, city_code, rank, count(*) OVER () FROM (
                    SELECT s.rowid, s.city_code, ts_rank_cd(\(Self.rankWeights), s.search, $1::tsquery, 1) AS rank
                    \(matches) OFFSET 0
                ) m ORDER BY rank DESC, rowid LIMIT \(limit) OFFSET \(offset)
                """, bindings).rows.map { try $0.decode((Int64, String, Float, Int).self) }
            // A page past the end holds no row to carry the count.
            let total = try ranked.first?.3 ?? session.query(sql: "SELECT count(*) \(matches)", bindings).rows.first
                .map { try $0.decode(Int.self) } ?? 0
            guard !ranked.isEmpty else { return SearchResult(total: total, hits: []) }
            // Read from the hits' own cities' partitions only.
            var found: [Int64: SearchHit] = [:]
            let rows = try session.rows("""
                SELECT p.rowid, p.id, p.received_at, p.channel, p.level, p.province, p.city, p.county, p.category,
                       p.title, p.content, p.respondent
                FROM petition p WHERE p.city_code = ANY(\(Array(Set(ranked.map(\.1))).sorted()))
                                  AND p.rowid = ANY(\(ranked.map(\.0)))
                """)
            let ranks = Dictionary(ranked.map { ($0.0, $0.2) }, uniquingKeysWith: { first, _ in first })
            for row in rows {
                let (rowID, id, receivedAt, channel, level, province, city, county, category, title, content, respondent) =
                    try row.decode((Int64, String, String, String?, String?, String?, String?, String?, String?, String?,
                                    String, String?).self)
                found[rowID] = SearchHit(
                    id: id, receivedAt: receivedAt, channel: channel, level: level,
                    region: [province, city, county].compactMap { $0 }.joined(), category: category,
                    title: highlighter.highlight(title ?? ""),
                    snippet: highlighter.snippet(columns: [title, content, respondent]), rank: -Double(ranks[rowID] ?? 0))
            }
            return SearchResult(total: total, hits: ranked.compactMap { found[$0.0] })
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
