import PetitionStore
import PostgresNIO

/// Writes a run's derived tables as changes to what PostgreSQL holds, as
/// `DerivedTableWriter` does on SQLite: rows no longer wanted are deleted,
/// rows that differ replaced, the rest untouched.
struct PostgresDerivedTableWriter {
    let wanted: DerivedTables

    func write(in session: PostgresSession) throws {
        try writeClassCases(in: session)
        try writeMatterLinks(in: session)
        try writeEscalations(in: session)
    }

    private func writeClassCases(in session: PostgresSession) throws {
        var stored: [String: DerivedTables.ClassCase] = [:]
        for row in try session.rows("SELECT class_id, place, concept, matters FROM class_case") {
            let (classID, place, concept, matters) = try row.decode((String, String, String, Int).self)
            stored[classID] = DerivedTables.ClassCase(place: place, concept: concept, matters: matters)
        }
        let gone = stored.keys.filter { wanted.classCases[$0] == nil }
        if !gone.isEmpty { try session.execute("DELETE FROM class_case WHERE class_id = ANY(\(Array(gone)))") }
        var upsert = MultiRowInsert("INSERT INTO class_case (class_id, place, concept, matters)", columns: 4, tail: """
            ON CONFLICT (class_id) DO UPDATE SET place = EXCLUDED.place, concept = EXCLUDED.concept, matters = EXCLUDED.matters
            """)
        for (classID, row) in wanted.classCases where stored[classID] != row {
            upsert.add([.text(classID), .text(row.place), .text(row.concept), .int(row.matters)])
        }
        try upsert.run(in: session)
    }

    /// Each matter's class case and backlog case.
    private func writeMatterLinks(in session: PostgresSession) throws {
        var stored: [String: (classID: String?, caseID: String?)] = [:]
        for row in try session.rows("""
            SELECT matter_id, class_id, backlog_case_id FROM matter WHERE class_id IS NOT NULL OR backlog_case_id IS NOT NULL
            """) {
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
        for row in try session.rows("SELECT petition_rowid, earlier_id, from_level, to_level, skipped_levels FROM escalation") {
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
