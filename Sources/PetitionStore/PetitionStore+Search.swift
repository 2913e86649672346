import Foundation
import PetitionModel
import GRDB
import PetitionText

extension PetitionStore: PetitionSearching {
    public func search(_ request: SearchRequest) throws -> SearchResult {
        let match = FTS5Expression.compile(request.query)
        var conditions = ["petition_fts MATCH ?"]
        var arguments: [any DatabaseValueConvertible] = [match]
        if let region = request.region?.trimmingCharacters(in: .whitespaces), !region.isEmpty {
            if region.allSatisfy({ $0.isASCII && $0.isNumber }) {
                conditions.append("p.region_code LIKE ? ESCAPE '\\'")
                arguments.append(region + "%")
            } else {
                conditions.append(#"(p.province LIKE ? ESCAPE '\' OR p.city LIKE ? ESCAPE '\' OR p.county LIKE ? ESCAPE '\')"#)
                arguments += Array(repeating: likePrefix(region), count: 3)
            }
        }
        for (column, value) in [("category", request.category), ("level", request.level), ("channel", request.channel)] {
            if let value, !value.isEmpty {
                conditions.append("p.\(column) = ?")
                arguments.append(value)
            }
        }
        if let from = request.from {
            conditions.append("p.received_at >= ?")
            arguments.append(from.description)
        }
        if let to = request.to {
            conditions.append("p.received_at <= ?")
            arguments.append(to.description)
        }
        if let petitioner = request.petitioner?.trimmingCharacters(in: .whitespaces), !petitioner.isEmpty {
            if let idNumber = IdentifierForms.residentID(petitioner) {
                conditions.append("EXISTS (SELECT 1 FROM petitioner WHERE petition_rowid = p.rowid AND id_canonical = ?)")
                arguments.append(idNumber)
            } else if let phone = IdentifierForms.phone(petitioner), phone.count >= 7 {
                conditions.append("EXISTS (SELECT 1 FROM petitioner WHERE petition_rowid = p.rowid AND phone_canonical = ?)")
                arguments.append(phone)
            } else {
                conditions.append("EXISTS (SELECT 1 FROM petitioner WHERE petition_rowid = p.rowid AND name = ?)")
                arguments.append(petitioner)
            }
        }
        if let stage = request.stage {
            conditions.append("p.handling_stage = ?")
            arguments.append(stage.rawValue)
        }
        let sqlConditions = conditions.joined(separator: " AND ")
        let numbered = arguments
        let from = "FROM petition_fts JOIN petition p ON p.rowid = petition_fts.rowid WHERE \(sqlConditions)"
        let limit = max(0, request.limit), offset = max(0, request.offset)
        return try read { db in try StatementDeadline.run(on: db, until: request.deadline, unless: searchesStopped) {
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(numbered)) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.received_at, p.channel, p.level, p.province, p.city, p.county, p.category,
                       highlight(petition_fts, 0, char(1), char(2)) AS title_marked,
                       snippet(petition_fts, -1, char(1), char(2), '…', 32) AS snippet,
                       bm25(petition_fts, \(columnWeights)) AS rank
                \(from)
                ORDER BY rank LIMIT \(limit) OFFSET \(offset)
                """, arguments: StatementArguments(numbered))
            let hits = rows.map { row in
                SearchHit(
                    id: row["id"], receivedAt: row["received_at"], channel: row["channel"], level: row["level"],
                    region: [row["province"], row["city"], row["county"]].compactMap { $0 as String? }.joined(),
                    category: row["category"], title: row["title_marked"] ?? "", snippet: row["snippet"] ?? "",
                    rank: row["rank"])
            }
            return SearchResult(total: total, hits: hits)
        } }
    }

    private func likePrefix(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + "%"
    }
}

/// Builds the FTS5 MATCH expression of a parsed query. Every term is quoted and
/// holds only index tokens (letters, digits, Chinese characters), so no user
/// input can ever reach FTS5's query syntax.
public enum FTS5Expression {
    public static func compile(_ query: SearchQuery) -> String {
        let positive = query.groups.map { group in
            "(" + group.map(phrase).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        return query.excluded.reduce(positive) { "(\($0)) NOT \(phrase($1))" }
    }

    static func phrase(_ term: SearchQuery.Term) -> String {
        "\"" + term.tokens.joined(separator: " ") + "\"" + (term.prefix ? " *" : "")
    }
}

extension PetitionStore {
    /// Ids of every petition matching the query, unranked: for counting and for checks.
    public func matchingIDs(_ query: SearchQuery) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT p.id FROM petition_fts JOIN petition p ON p.rowid = petition_fts.rowid
                WHERE petition_fts MATCH ?
                """, arguments: [FTS5Expression.compile(query)])
        }
    }
}

extension PetitionStore {
    public func stopSearches() {
        searchesStopped.raise()
    }
}

/// bm25 column weights: a term in the title says more about the petition than
/// the same term in its body; the respondent sits between.
private let columnWeights = "10.0, 1.0, 3.0"
