import GRDB

/// What each run derives from the matters — class cases, backlog links,
/// escalations — written as changes to what the store holds. Rewriting the
/// tables whole made an incremental run at a million petitions spend seconds
/// on rows that had not changed.
struct DerivedTables {
    let classes: MatterGrouping.Classes
    /// Matter id → backlog case id.
    let links: [String: String]
    let escalations: [MatterGrouping.Escalation]

    private struct ClassRow: Equatable {
        let place: String
        let concept: String
        let matters: Int
    }

    private struct EscalationRow: Equatable {
        let earlierID: String
        let fromLevel: String
        let toLevel: String
        let skippedLevels: Int
    }

    func write(in db: Database) throws {
        try writeClassCases(in: db)
        try writeMatterLinks(in: db)
        try writeEscalations(in: db)
    }

    private func writeClassCases(in db: Database) throws {
        var stored: [String: ClassRow] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT class_id, place, concept, matters FROM class_case") {
            stored[row[0]] = ClassRow(place: row[1], concept: row[2], matters: row[3])
        }
        var wanted: [String: ClassRow] = [:]
        for group in classes.groups {
            wanted[group.classID] = ClassRow(place: group.place, concept: group.concept, matters: group.matters.count)
        }
        for classID in stored.keys where wanted[classID] == nil {
            try db.cachedStatement(sql: "DELETE FROM class_case WHERE class_id = ?").execute(arguments: [classID])
        }
        for (classID, row) in wanted where stored[classID] != row {
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
        matters.formUnion(classes.classOfMatter.keys)
        matters.formUnion(links.keys)
        for matter in matters {
            let classID = classes.classOfMatter[matter], caseID = links[matter]
            let current = stored[matter]
            guard current?.classID != classID || current?.caseID != caseID else { continue }
            try db.cachedStatement(sql: "UPDATE matter SET class_id = ?, backlog_case_id = ? WHERE matter_id = ?")
                .execute(arguments: [classID, caseID, matter])
        }
    }

    private func writeEscalations(in db: Database) throws {
        var stored: [Int64: EscalationRow] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT petition_rowid, earlier_id, from_level, to_level, skipped_levels FROM escalation
            """)
        while let row = try rows.next() {
            stored[row[0]] = EscalationRow(earlierID: row[1], fromLevel: row[2], toLevel: row[3], skippedLevels: row[4])
        }
        var wanted: [Int64: EscalationRow] = [:]
        for escalation in escalations {
            wanted[escalation.rowID] = EscalationRow(earlierID: escalation.earlierID, fromLevel: escalation.fromLevel,
                                                     toLevel: escalation.toLevel, skippedLevels: escalation.skippedLevels)
        }
        for rowID in stored.keys where wanted[rowID] == nil {
            try db.cachedStatement(sql: "DELETE FROM escalation WHERE petition_rowid = ?").execute(arguments: [rowID])
        }
        for (rowID, row) in wanted where stored[rowID] != row {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO escalation (petition_rowid, earlier_id, from_level, to_level, skipped_levels)
                VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [rowID, row.earlierID, row.fromLevel, row.toLevel, row.skippedLevels])
        }
    }
}
