import Foundation
import PetitionModel
import GRDB
import PetitionText

/// Matters, assignments and runs in SQLite: `matter` (numbered by `seq`),
/// `assignment`, `dedup_run`, and the derived `class_case` and `escalation`.
extension PetitionStore: MatterRepository {
    public func beginRun(full: Bool) throws -> Int64 {
        try write { db in
            if full {
                try db.execute(sql: """
                    DELETE FROM assignment; DELETE FROM matter; DELETE FROM escalation; DELETE FROM class_case;
                    DELETE FROM index_state;
                    """)
            }
            try db.cachedStatement(sql: "INSERT INTO dedup_run (started_at, full) VALUES (?, ?)").execute(
                arguments: [StoredTimestamp.now(), full])
            return db.lastInsertedRowID
        }
    }

    public func assignments() throws -> [Int64: String] {
        try read { db in
            var matters: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT petition_rowid, matter_id FROM assignment")
            while let row = try rows.next() { matters[row[0]] = row[1] }
            return matters
        }
    }

    public func lastMatterSequence() throws -> Int {
        try read { try Self.lastMatterSequence(in: $0) }
    }

    public func commit(_ batch: AssignmentBatch, runID: Int64) throws -> [String: String] {
        guard !batch.isEmpty else { return [:] }
        return try write { db in
            // A clerk's saved check may have taken the proposed numbers since
            // the batch was scored: the batch's new matters then move up together.
            let taken = try Self.lastMatterSequence(in: db)
            var moved: [String: String] = [:]
            if let first = batch.newMatters.first.flatMap(MatterID.sequence), first <= taken {
                let shift = taken + 1 - first
                for matter in batch.newMatters {
                    guard let sequence = MatterID.sequence(matter) else { continue }
                    moved[matter] = MatterID.format(sequence + shift)
                }
            }
            for proposed in batch.newMatters {
                let matter = moved[proposed] ?? proposed
                try db.cachedStatement(sql: "INSERT INTO matter (matter_id, seq, run_id) VALUES (?, ?, ?)").execute(
                    arguments: [matter, MatterID.sequence(matter), runID])
            }
            for item in batch.assignments {
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO assignment (petition_rowid, matter_id, score, repeat_of, run_id)
                    VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [item.rowID, moved[item.matterID] ?? item.matterID, item.score, item.repeatOf,
                                             runID])
                try db.cachedStatement(sql: "UPDATE petition_profile SET vector = ?, indexed = ? WHERE petition_rowid = ?")
                    .execute(arguments: [item.vector, item.indexRecord, item.rowID])
            }
            return moved
        }
    }

    public func finish(_ run: FinishedRun) throws -> Int {
        try write { db in
            try DerivedTableWriter(wanted: run.derived).write(in: db)
            let adopt = try db.cachedStatement(sql: """
                UPDATE assignment SET run_id = ? WHERE petition_rowid = ? AND run_id IS NULL
                """)
            for rowID in run.adoptedRowIDs { try adopt.execute(arguments: [run.runID, rowID]) }
            // What the statistics describe: every assignment a run made or adopted.
            let assigned = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment WHERE run_id IS NOT NULL") ?? 0
            try db.execute(sql: "INSERT OR REPLACE INTO index_state (id, run_id, assigned, statistics) VALUES (1, ?, ?, ?)",
                           arguments: [run.runID, assigned, run.statistics])
            try db.cachedStatement(sql: """
                UPDATE dedup_run SET finished_at = ?, scored = ?, new_matters = ?, repeats = ? WHERE run_id = ?
                """).execute(arguments: [StoredTimestamp.now(), run.scored, run.newMatters,
                                         run.repeats, run.runID])
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM matter") ?? 0
        }
    }

    public func saveChecked(_ petition: Petition, derived: DerivedPetitionData, vector: Data, repeating matterID: String?,
                            score: Double?, repeatOf: String?) throws -> String? {
        try write { db in
            var summary = ImportSummary()
            let now = StoredTimestamp.now()
            guard let rowID = try Importer.upsert(petition, at: now, in: db, into: &summary) else { return nil }
            try Self.save(derived, rowID: rowID, in: db)
            try db.execute(sql: "UPDATE petition_profile SET vector = ? WHERE petition_rowid = ?", arguments: [vector, rowID])
            let matter: String
            if let matterID {
                matter = matterID
            } else {
                let sequence = try Self.lastMatterSequence(in: db) + 1
                matter = MatterID.format(sequence)
                try db.execute(sql: "INSERT INTO matter (matter_id, seq) VALUES (?, ?)", arguments: [matter, sequence])
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO assignment (petition_rowid, matter_id, score, repeat_of) VALUES (?, ?, ?, ?)
                """, arguments: [rowID, matter, score, repeatOf])
            return matter
        }
    }

    public func matter(_ matterID: String) throws -> MatterRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT class_id, backlog_case_id FROM matter WHERE matter_id = ?",
                             arguments: [matterID])
                .map { MatterRecord(matterID: matterID, classID: $0[0], backlogCaseID: $0[1]) }
        }
    }

    public func matterID(ofPetition id: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT a.matter_id FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid WHERE p.id = ?
                """, arguments: [id])
        }
    }

    public func backlogCaseID(ofClass classID: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT backlog_case_id FROM matter WHERE class_id = ? AND backlog_case_id IS NOT NULL
                GROUP BY backlog_case_id ORDER BY count(*) DESC LIMIT 1
                """, arguments: [classID])
        }
    }

    public func matterIDs(ofBacklogCase caseID: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT matter_id FROM matter WHERE backlog_case_id = ? ORDER BY seq",
                                arguments: [caseID])
        }
    }

    public func matterIDs(ofClass classID: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT matter_id FROM matter WHERE class_id = ? ORDER BY seq", arguments: [classID])
        }
    }

    public func matterCount(inClass classID: String) throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM matter WHERE class_id = ?", arguments: [classID]) ?? 0 }
    }

    public func members(ofMatter matterID: String) throws -> [MatterMember] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.received_at, p.level, p.channel, p.title,
                       (SELECT name FROM petitioner WHERE petition_rowid = p.rowid ORDER BY position LIMIT 1) AS name
                FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                WHERE a.matter_id = ? ORDER BY p.received_at, p.id
                """, arguments: [matterID]).map {
                MatterMember(id: $0["id"], receivedAt: $0["received_at"], level: $0["level"], channel: $0["channel"],
                             title: $0["title"], petitioner: $0["name"])
            }
        }
    }

    public func petitions(ofMatter matterID: String) throws -> [Petition] {
        try read { db in
            let rowIDs = try Int64.fetchAll(db, sql: """
                SELECT p.rowid FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                WHERE a.matter_id = ? ORDER BY p.received_at, p.id
                """, arguments: [matterID])
            return try rowIDs.compactMap { try Self.petition(rowID: $0, in: db) }
        }
    }

    public func escalations(inMatter matterID: String) throws -> [(id: String, from: String, to: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, e.from_level, e.to_level FROM escalation e
                JOIN assignment a ON a.petition_rowid = e.petition_rowid JOIN petition p ON p.rowid = e.petition_rowid
                WHERE a.matter_id = ? ORDER BY p.received_at
                """, arguments: [matterID]).map { (id: $0[0] as String, from: $0[1] as String, to: $0[2] as String) }
        }
    }

    public func clusters() throws -> [MatterCluster] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.matter_id, m.class_id, m.backlog_case_id, group_concat(p.id, char(31)) AS ids
                FROM matter m
                JOIN (SELECT a.matter_id, p.id FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                      ORDER BY p.received_at, p.id) p ON p.matter_id = m.matter_id
                GROUP BY m.matter_id ORDER BY m.seq
                """).map { row in
                MatterCluster(matterID: row["matter_id"], ids: (row["ids"] as String).split(separator: "\u{1F}").map(String.init),
                              classID: row["class_id"], backlogCaseID: row["backlog_case_id"])
            }
        }
    }

    static func lastMatterSequence(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(seq) FROM matter") ?? 0
    }
}
