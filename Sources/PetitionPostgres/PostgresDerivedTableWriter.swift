import PetitionModel
import PostgresNIO

/// Writes a run's derived tables as changes to what PostgreSQL holds, as
/// `DerivedTableWriter` does on SQLite: rows no longer wanted are deleted,
/// rows that differ replaced, the rest untouched.
///
/// In a city's view (``PostgresStore/scoped(toCity:)``) only the city's rows
/// are read and changed: its class cases (`scope`), the matters its
/// petitions are in, the escalations its petitions make.
struct PostgresDerivedTableWriter {
    let wanted: DerivedTables
    let store: PostgresStore

    func write(in session: PostgresSession) throws {
        try writeClassCases(in: session)
        try writeMatterLinks(in: session)
        try writeEscalations(in: session)
    }

    private func writeClassCases(in session: PostgresSession) throws {
        var stored: [String: DerivedTables.ClassCase] = [:]
        let scope = store.region ?? ""
        let owned = store.region == nil ? "" : " WHERE scope = '\(scope)'"
        for row in try session.rows(PostgresQuery(unsafeSQL: "SELECT class_id, place, concept, matters FROM class_case" + owned)) {
            let (classID, place, concept, matters) = try row.decode((String, String, String, Int).self)
            stored[classID] = DerivedTables.ClassCase(place: place, concept: concept, matters: matters)
        }
        let gone = stored.keys.filter { wanted.classCases[$0] == nil }
        if !gone.isEmpty { try session.execute("DELETE FROM class_case WHERE class_id = ANY(\(Array(gone)))") }
        var upsert = MultiRowInsert("INSERT INTO class_case (class_id, place, concept, matters, scope)", columns: 5, tail: """
            ON CONFLICT (class_id) DO UPDATE SET place = EXCLUDED.place, concept = EXCLUDED.concept, matters = EXCLUDED.matters,
                scope = EXCLUDED.scope
            """)
        for (classID, row) in wanted.classCases where stored[classID] != row {
            upsert.add([.text(classID), .text(row.place), .text(row.concept), .int(row.matters), .text(scope)])
        }
        try upsert.run(in: session)
    }

    /// Each matter's class case and backlog case.
    private func writeMatterLinks(in session: PostgresSession) throws {
        var stored: [String: (classID: String?, caseID: String?)] = [:]
        let cityMatters = store.region == nil ? "" : """
             AND matter_id IN (SELECT a.matter_id FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                               WHERE true\(store.cityFilter("p")))
            """
        for row in try session.rows(PostgresQuery(unsafeSQL: """
            SELECT matter_id, class_id, backlog_case_id FROM matter
            WHERE (class_id IS NOT NULL OR backlog_case_id IS NOT NULL)\(cityMatters)
            """)) {
            let (matter, classID, caseID) = try row.decode((String, String?, String?).self)
            stored[matter] = (classID, caseID)
        }
        var matters = Set(stored.keys)
        matters.formUnion(wanted.classOfMatter.keys)
        matters.formUnion(wanted.backlogCaseOfMatter.keys)
        var ids: [String] = [], classes: [String?] = [], cases: [String?] = []
        for matter in matters {
            let classID = wanted.classOfMatter[matter], caseID = wanted.backlogCaseOfMatter[matter]
            let current = stored[matter]
            guard current?.classID != classID || current?.caseID != caseID else { continue }
            ids.append(matter)
            classes.append(classID)
            cases.append(caseID)
        }
        guard !ids.isEmpty else { return }
        // Arrays cannot carry NULLs through postgres-nio's encoders: the empty string stands for NULL here.
        try session.execute("""
            UPDATE matter m SET class_id = NULLIF(u.class_id, ''), backlog_case_id = NULLIF(u.case_id, '')
            FROM unnest(\(ids)::text[], \(classes.map { $0 ?? "" })::text[], \(cases.map { $0 ?? "" })::text[])
                AS u(matter_id, class_id, case_id)
            WHERE m.matter_id = u.matter_id
            """)
    }

    private func writeEscalations(in session: PostgresSession) throws {
        var stored: [Int64: DerivedTables.Escalation] = [:]
        let query = store.region == nil
            ? "SELECT petition_rowid, earlier_id, from_level, to_level, skipped_levels FROM escalation"
            : """
              SELECT e.petition_rowid, e.earlier_id, e.from_level, e.to_level, e.skipped_levels FROM petition_ref p
              JOIN escalation e ON e.petition_rowid = p.rowid WHERE true\(store.cityFilter("p"))
              """
        for row in try session.rows(PostgresQuery(unsafeSQL: query)) {
            let (rowID, earlier, from, to, skipped) = try row.decode((Int64, String, String, String, Int).self)
            stored[rowID] = DerivedTables.Escalation(earlierID: earlier, fromLevel: from, toLevel: to, skippedLevels: skipped)
        }
        let gone = stored.keys.filter { wanted.escalations[$0] == nil }
        if !gone.isEmpty { try session.execute("DELETE FROM escalation WHERE petition_rowid = ANY(\(Array(gone)))") }
        var upsert = MultiRowInsert("""
            INSERT INTO escalation (petition_rowid, earlier_id, from_level, to_level, skipped_levels)
            """, columns: 5, tail: """
            ON CONFLICT (petition_rowid) DO UPDATE SET earlier_id = EXCLUDED.earlier_id, from_level = EXCLUDED.from_level,
                to_level = EXCLUDED.to_level, skipped_levels = EXCLUDED.skipped_levels
            """)
        for (rowID, row) in wanted.escalations where stored[rowID] != row {
            upsert.add([.integer(rowID), .text(row.earlierID), .text(row.fromLevel), .text(row.toLevel),
                        .int(row.skippedLevels)])
        }
        try upsert.run(in: session)
    }
}
