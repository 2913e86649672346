import Foundation
import PetitionModel
import GRDB
import PetitionText

/// The nightly report's figures, queried from SQLite.
extension PetitionStore: ReportRepository {
    public func reportTables(runID: Int64, candidatePetitions: Int, candidateSpanDays: Int,
                             matterLimit: Int) throws -> ReportTables {
        try read { db in
            func rows(_ sql: String, _ arguments: StatementArguments = []) throws -> [[String]] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    row.databaseValues.map { value in
                        switch value.storage {
                        case .null: ""
                        case let .int64(number): String(number)
                        case let .double(number): String(format: "%.3f", number)
                        case let .string(text): text
                        case .blob: ""
                        }
                    }
                }
            }
            let matterStats = """
                SELECT a.matter_id, count(*) AS petitions, min(p.received_at) AS first, max(p.received_at) AS last,
                       CAST(julianday(max(p.received_at)) - julianday(min(p.received_at)) AS INTEGER) AS span_days,
                       max(ifnull(p.headcount, 1)) AS headcount,
                       min(ifnull(p.province, '') || ifnull(p.city, '') || ifnull(p.county, '')) AS region,
                       min(ifnull(p.category, '')) AS category
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid GROUP BY a.matter_id
                """
            var tables = ReportTables()
            tables.newRepeats = try rows("""
                SELECT p.id, p.received_at, ifnull(p.level, ''), a.matter_id, a.repeat_of, a.score
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                WHERE a.run_id = ? AND a.repeat_of IS NOT NULL ORDER BY p.received_at, p.id
                """, [runID])
            tables.matters = try rows("""
                SELECT * FROM (\(matterStats)) WHERE petitions >= 2 ORDER BY petitions DESC, span_days DESC, matter_id LIMIT ?
                """, [matterLimit])
            tables.escalations = try rows("""
                SELECT p.id, a.matter_id, e.from_level, e.to_level, e.skipped_levels, e.earlier_id
                FROM escalation e JOIN petition p ON p.rowid = e.petition_rowid
                JOIN assignment a ON a.petition_rowid = e.petition_rowid ORDER BY p.received_at, p.id
                """)
            tables.collective = try rows("SELECT * FROM (\(matterStats)) WHERE headcount >= \(Petition.collectiveHeadcount) ORDER BY headcount DESC, matter_id")
            tables.classes = try rows("""
                SELECT c.class_id, c.place, c.concept, c.matters,
                       (SELECT count(*) FROM assignment a JOIN matter m ON m.matter_id = a.matter_id WHERE m.class_id = c.class_id)
                FROM class_case c ORDER BY c.matters DESC, c.class_id
                """)
            tables.backlog = try rows("""
                SELECT b.case_id, b.title, ifnull(b.leader, ''),
                       (SELECT count(*) FROM matter m WHERE m.backlog_case_id = b.case_id),
                       (SELECT count(*) FROM assignment a JOIN matter m ON m.matter_id = a.matter_id
                        WHERE m.backlog_case_id = b.case_id AND a.run_id = ?)
                FROM backlog_case b ORDER BY b.case_id
                """, [runID])
            tables.candidateBacklog = try rows("""
                SELECT s.* FROM (\(matterStats)) s JOIN matter m ON m.matter_id = s.matter_id
                WHERE m.backlog_case_id IS NULL AND s.petitions >= ? AND s.span_days >= ?
                ORDER BY s.petitions DESC, s.span_days DESC, s.matter_id
                """, [candidatePetitions, candidateSpanDays])
            tables.byRegion = try rows("""
                SELECT ifnull(p.province, ''), ifnull(p.city, ''), ifnull(p.category, ''), count(*),
                       count(DISTINCT a.matter_id), sum(a.repeat_of IS NOT NULL)
                FROM petition p LEFT JOIN assignment a ON a.petition_rowid = p.rowid
                GROUP BY 1, 2, 3 ORDER BY 4 DESC
                """)
            return tables
        }
    }

    public func latestDay() throws -> CalendarDate? {
        try read { db in
            // Stored dates are ISO, so the greatest text is the latest day.
            let handlingDates = ["accepted_at", "replied_at", "review.requested_at", "review.replied_at",
                                 "recheck.requested_at", "recheck.replied_at"]
                .map { "ifnull(json_extract(handling, '$.\($0)'), '')" }.joined(separator: ", ")
            return try String.fetchOne(db, sql: "SELECT max(max(received_at, \(handlingDates))) FROM petition")
                .flatMap(CalendarDate.init(parsing:))
        }
    }

    public func forEachMatterHistory(_ body: (MatterHistory) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.matter_id, p.id, p.received_at, p.level, p.channel, p.headcount, p.province, p.city, p.county,
                       p.category, p.handling, a.repeat_of IS NOT NULL AS is_repeat, p.imported_at, m.class_id, m.backlog_case_id,
                       a.score
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid JOIN matter m ON m.matter_id = a.matter_id
                ORDER BY a.matter_id, p.received_at, p.id
                """)
            var current: MatterHistory?
            while let row = try rows.next() {
                let matter: String = row["matter_id"]
                if matter != current?.matterID {
                    if let current { try body(current) }
                    current = MatterHistory(matterID: matter)
                    current?.classID = row["class_id"]
                    current?.backlogCaseID = row["backlog_case_id"]
                }
                guard let receivedAt = CalendarDate(parsing: row["received_at"]) else { continue }
                let id: String = row["id"]
                current?.petitions.append(Petition(
                    id: id, receivedAt: receivedAt, channel: row["channel"], level: row["level"],
                    province: row["province"], city: row["city"], county: row["county"], headcount: row["headcount"],
                    category: row["category"], content: "", handling: Handling(storedJSON: row["handling"])))
                if row["is_repeat"] as Bool {
                    current?.repeats.insert(id)
                    if let score: Double = row["score"] { current?.scores[id] = score }
                }
                current?.storedAt[id] = row["imported_at"]
            }
            if let current { try body(current) }
        }
    }

    public func classCases() throws -> [String: DerivedTables.ClassCase] {
        try read { db in
            var cases: [String: DerivedTables.ClassCase] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT class_id, place, concept, matters FROM class_case") {
                cases[row["class_id"]] = .init(place: row["place"], concept: row["concept"], matters: row["matters"])
            }
            return cases
        }
    }
}

extension PetitionStore {
    /// Every petition assigned as a repeat, with the petition it repeats and
    /// the score it was joined at: the pairs the nightly job joined, for
    /// drawing pairs to judge.
    public func repeatLinks() throws -> [(id: String, earlierID: String, score: Double?)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, a.repeat_of, a.score FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                WHERE a.repeat_of IS NOT NULL ORDER BY p.id
                """).map { ($0[0], $0[1], $0[2]) }
        }
    }
}
