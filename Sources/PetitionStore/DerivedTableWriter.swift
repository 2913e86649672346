import GRDB
import PetitionModel

/// Writes a run's derived tables as changes to what SQLite holds: rows no
/// longer wanted are deleted, rows that differ replaced, the rest untouched.
struct DerivedTableWriter {
    let wanted: DerivedTables

    func write(in db: Database) throws {
        try writeClassCases(in: db)
        try writeMatterLinks(in: db)
        try writeEscalations(in: db)
    }

    private func writeClassCases(in db: Database) throws {
        var stored: [String: DerivedTables.ClassCase] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT class_id, place, concept, matters FROM class_case") {
            stored[row[0]] = DerivedTables.ClassCase(place: row[1], concept: row[2], matters: row[3])
        }
        for classID in stored.keys where wanted.classCases[classID] == nil {
            try db.cachedStatement(sql: "DELETE FROM class_case WHERE class_id = ?").execute(arguments: [classID])
        }
        for (classID, row) in wanted.classCases where stored[classID] != row {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO class_case (class_id, place, concept, matters) VALUES (?, ?, ?, ?)
                """).execute(arguments: [classID, row.place, row.concept, row.matters])
        }
    }

    /// Each matter's class case and backlog case.
    private func writeMatterLinks(in db: Database) throws {
        var stored: [String: (classID: String?, caseID: String?)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT matter_id, class_id, backlog_case_id FROM matter WHERE class_id IS NOT NULL OR backlog_case_id IS NOT NULL
            """)
        while let row = try rows.next() { stored[row[0]] = (row[1], row[2]) }
        var matters = Set(stored.keys)
        matters.formUnion(wanted.classOfMatter.keys)
        matters.formUnion(wanted.backlogCaseOfMatter.keys)
        for matter in matters {
            let classID = wanted.classOfMatter[matter], caseID = wanted.backlogCaseOfMatter[matter]
            let current = stored[matter]
            guard current?.classID != classID || current?.caseID != caseID else { continue }
            try db.cachedStatement(sql: "UPDATE matter SET class_id = ?, backlog_case_id = ? WHERE matter_id = ?")
                .execute(arguments: [classID, caseID, matter])
        }
    }

    private func writeEscalations(in db: Database) throws {
        var stored: [Int64: DerivedTables.Escalation] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT petition_rowid, earlier_id, from_level, to_level, skipped_levels FROM escalation
            """)
        while let row = try rows.next() {
            stored[row[0]] = DerivedTables.Escalation(earlierID: row[1], fromLevel: row[2], toLevel: row[3],
                                                      skippedLevels: row[4])
        }
        for rowID in stored.keys where wanted.escalations[rowID] == nil {
            try db.cachedStatement(sql: "DELETE FROM escalation WHERE petition_rowid = ?").execute(arguments: [rowID])
        }
        for (rowID, row) in wanted.escalations where stored[rowID] != row {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO escalation (petition_rowid, earlier_id, from_level, to_level, skipped_levels)
                VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [rowID, row.earlierID, row.fromLevel, row.toLevel, row.skippedLevels])
        }
    }
}
