import Foundation
import PetitionModel
import PetitionText
import PostgresNIO

/// The nightly report's figures, queried as on SQLite: the same tables, the
/// same order, the same text for each cell (NULL as empty, reals to three decimals).
extension PostgresStore: ReportRepository {
    public func reportTables(runID: Int64, candidatePetitions: Int, candidateSpanDays: Int,
                             matterLimit: Int) throws -> ReportTables {
        try snapshot { session in
            func rows(_ query: PostgresQuery) throws -> [[String]] {
                try session.rows(query).map { row in row.map(Self.text(of:)) }
            }
            // In a city's view (dedup --region), the report is the city's: its petitions, matters and class cases.
            let city = cityFilter("p")
            let classScope = region.map { " WHERE c.scope = '\($0)'" } ?? ""
            let cityMatters = region == nil ? "" : """
                 AND m.matter_id IN (SELECT a.matter_id FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                                     WHERE true\(city))
                """
            let matterStats = """
                SELECT a.matter_id, count(*) AS petitions, min(p.received_at) AS first, max(p.received_at) AS last,
                       (max(p.received_at)::date - min(p.received_at)::date)::bigint AS span_days,
                       max(coalesce(p.headcount, 1)) AS headcount,
                       min(coalesce(p.province, '') || coalesce(p.city, '') || coalesce(p.county, '')) AS region,
                       min(coalesce(p.category, '')) AS category
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid WHERE true\(city) GROUP BY a.matter_id
                """
            var tables = ReportTables()
            tables.newRepeats = try rows("""
                SELECT p.id, p.received_at, coalesce(p.level, ''), a.matter_id, a.repeat_of, a.score
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                WHERE a.run_id = \(runID) AND a.repeat_of IS NOT NULL \(unescaped: city) ORDER BY p.received_at, p.id
                """)
            tables.matters = try rows(PostgresQuery(unsafeSQL: """
                SELECT * FROM (\(matterStats)) s WHERE petitions >= 2 ORDER BY petitions DESC, span_days DESC, matter_id
                LIMIT \(matterLimit)
                """))
            tables.escalations = try rows("""
                SELECT p.id, a.matter_id, e.from_level, e.to_level, e.skipped_levels, e.earlier_id
                FROM escalation e JOIN petition p ON p.rowid = e.petition_rowid
                JOIN assignment a ON a.petition_rowid = e.petition_rowid WHERE true \(unescaped: city)
                ORDER BY p.received_at, p.id
                """)
            tables.collective = try rows(PostgresQuery(unsafeSQL: """
                SELECT * FROM (\(matterStats)) s WHERE headcount >= \(Petition.collectiveHeadcount) ORDER BY headcount DESC, matter_id
                """))
            tables.classes = try rows("""
                SELECT c.class_id, c.place, c.concept, c.matters,
                       (SELECT count(*) FROM assignment a JOIN matter m ON m.matter_id = a.matter_id WHERE m.class_id = c.class_id)
                FROM class_case c \(unescaped: classScope) ORDER BY c.matters DESC, c.class_id
                """)
            tables.backlog = try rows("""
                SELECT b.case_id, b.title, coalesce(b.leader, ''),
                       (SELECT count(*) FROM matter m WHERE m.backlog_case_id = b.case_id \(unescaped: cityMatters)),
                       (SELECT count(*) FROM assignment a JOIN matter m ON m.matter_id = a.matter_id
                        WHERE m.backlog_case_id = b.case_id AND a.run_id = \(runID) \(unescaped: cityMatters))
                FROM backlog_case b ORDER BY b.case_id
                """)
            var candidates = PostgresBindings()
            candidates.append(candidatePetitions)
            candidates.append(candidateSpanDays)
            tables.candidateBacklog = try rows(PostgresQuery(unsafeSQL: """
                SELECT s.* FROM (\(matterStats)) s JOIN matter m ON m.matter_id = s.matter_id
                WHERE m.backlog_case_id IS NULL AND s.petitions >= $1 AND s.span_days >= $2
                ORDER BY s.petitions DESC, s.span_days DESC, s.matter_id
                """, binds: candidates))
            tables.byRegion = try rows("""
                SELECT coalesce(p.province, ''), coalesce(p.city, ''), coalesce(p.category, ''), count(*),
                       count(DISTINCT a.matter_id), count(a.repeat_of)
                FROM petition p LEFT JOIN assignment a ON a.petition_rowid = p.rowid WHERE true \(unescaped: city)
                GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3
                """)
            return tables
        }
    }

    public func latestDay() throws -> CalendarDate? {
        try read { session in
            // Stored dates are ISO, so the greatest text is the latest day.
            let handlingDates = ["accepted_at", "replied_at", "review,requested_at", "review,replied_at",
                                 "recheck,requested_at", "recheck,replied_at"]
                .map { "coalesce(handling::jsonb #>> '{\($0)}', '')" }.joined(separator: ", ")
            return try session.scalar(PostgresQuery(unsafeSQL: """
                SELECT max(greatest(received_at, \(handlingDates))) FROM petition p WHERE true\(cityFilter("p"))
                """), as: String.self).flatMap(CalendarDate.init(parsing:))
        }
    }

    public func forEachMatterHistory(_ body: (MatterHistory) throws -> Void) throws {
        try snapshot { session in
            var current: MatterHistory?
            try session.forEachRow("""
                SELECT a.matter_id, p.id, p.received_at, p.level, p.channel, p.headcount, p.province, p.city, p.county,
                       p.category, p.handling, a.repeat_of IS NOT NULL, p.imported_at, m.class_id, m.backlog_case_id, a.score
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid JOIN matter m ON m.matter_id = a.matter_id
                WHERE true \(unescaped: cityFilter("p"))
                ORDER BY a.matter_id, p.received_at, p.id
                """, batch: 10_000) { row in
                let (matter, id, received, level, channel, headcount, province, city, county, category, handling,
                     isRepeat, importedAt, classID, caseID, score) = try row.decode(
                        (String, String, String, String?, String?, Int?, String?, String?, String?, String?, String?,
                         Bool, String, String?, String?, Double?).self)
                if matter != current?.matterID {
                    if let current { try body(current) }
                    current = MatterHistory(matterID: matter)
                    current?.classID = classID
                    current?.backlogCaseID = caseID
                }
                guard let receivedAt = CalendarDate(parsing: received) else { return true }
                current?.petitions.append(Petition(
                    id: id, receivedAt: receivedAt, channel: channel, level: level, province: province, city: city,
                    county: county, headcount: headcount, category: category, content: "",
                    handling: Handling(storedJSON: handling)))
                if isRepeat {
                    current?.repeats.insert(id)
                    if let score { current?.scores[id] = score }
                }
                current?.storedAt[id] = importedAt
                return true
            }
            if let current { try body(current) }
        }
    }

    public func classCases() throws -> [String: DerivedTables.ClassCase] {
        try read { session in
            var cases: [String: DerivedTables.ClassCase] = [:]
            let scope = region.map { " WHERE scope = '\($0)'" } ?? ""
            for row in try session.rows(PostgresQuery(unsafeSQL: "SELECT class_id, place, concept, matters FROM class_case" + scope)) {
                let (classID, place, concept, matters) = try row.decode((String, String, String, Int).self)
                cases[classID] = .init(place: place, concept: concept, matters: matters)
            }
            return cases
        }
    }

    /// A cell as the report prints it: NULL as empty, integers as digits, reals to three decimals.
    static func text(of cell: PostgresCell) -> String {
        guard cell.bytes != nil else { return "" }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int.self)).map(String.init) ?? ""
        case .float4, .float8, .numeric: return (try? cell.decode(Double.self)).map { String(format: "%.3f", $0) } ?? ""
        case .bytea: return ""
        default: return (try? cell.decode(String.self)) ?? ""
        }
    }
}
