import Foundation
import PetitionModel
import PetitionText
import PostgresNIO

/// Matters, assignments and runs: `matter` (numbered by `seq`), `assignment`,
/// `dedup_run`, and the derived `class_case` and `escalation`, as on SQLite.
/// Every write that reads or gives matter numbers holds ``PostgresStore/matterLock``
/// for its transaction.
extension PostgresStore: MatterRepository {
    public func beginRun(full: Bool) throws -> Int64 {
        try write { session in
            try Self.lockMatters(session)
            if full, let region {
                // A city's full run forgets the city's assignments, escalations, class cases and
                // state, and the matters no other city's petition is still in.
                let matters = try session.column(PostgresQuery(unsafeSQL: """
                    DELETE FROM assignment a USING petition_ref p
                    WHERE p.rowid = a.petition_rowid\(cityFilter("p")) RETURNING a.matter_id
                    """), as: String.self)
                try session.execute("""
                    DELETE FROM matter m WHERE m.matter_id = ANY(\(Array(Set(matters))))
                    AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.matter_id = m.matter_id)
                    """)
                try session.execute(PostgresQuery(unsafeSQL: """
                    DELETE FROM escalation e USING petition_ref p WHERE p.rowid = e.petition_rowid\(cityFilter("p"))
                    """))
                try session.execute("DELETE FROM class_case WHERE scope = \(region)")
                try session.execute("DELETE FROM region_index_state WHERE city_code = \(region)")
            } else if full {
                for table in ["assignment", "matter", "escalation", "class_case", "index_state", "region_index_state"] {
                    try session.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"))
                }
            }
            let started = StoredTimestamp.now()
            return try session.scalar("""
                INSERT INTO dedup_run (started_at, "full", city_code) VALUES (\(started), \(full), \(region)) RETURNING run_id
                """, as: Int64.self)!
        }
    }

    public func assignments() throws -> [Int64: String] {
        try snapshot { session in
            var matters: [Int64: String] = [:]
            let query = region == nil ? "SELECT petition_rowid, matter_id FROM assignment" : """
                SELECT a.petition_rowid, a.matter_id FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                WHERE true\(cityFilter("p"))
                """
            try session.forEachRow(PostgresQuery(unsafeSQL: query), batch: 20_000) { row in
                let (rowID, matter) = try row.decode((Int64, String).self)
                matters[rowID] = matter
                return true
            }
            return matters
        }
    }

    public func lastMatterSequence() throws -> Int {
        try readPrimary { try Self.lastMatterSequence($0) }
    }

    public func commit(_ batch: AssignmentBatch, runID: Int64) throws -> [String: String] {
        guard !batch.isEmpty else { return [:] }
        return try write { session in
            try Self.lockMatters(session)
            // A clerk's saved check may have taken the proposed numbers since
            // the batch was scored: the batch's new matters then move up together.
            let taken = try Self.lastMatterSequence(session)
            var moved: [String: String] = [:]
            if let first = batch.newMatters.first.flatMap(MatterID.sequence), first <= taken {
                let shift = taken + 1 - first
                for matter in batch.newMatters {
                    guard let sequence = MatterID.sequence(matter) else { continue }
                    moved[matter] = MatterID.format(sequence + shift)
                }
            }
            var matters = MultiRowInsert("INSERT INTO matter (matter_id, seq, run_id)", columns: 3)
            for proposed in batch.newMatters {
                let matter = moved[proposed] ?? proposed
                matters.add([.text(matter), .int(MatterID.sequence(matter)), .integer(runID)])
            }
            try matters.run(in: session)
            // The last assignment of a row wins, as successive statements do on SQLite.
            var latest: [Int64: AssignmentBatch.Assignment] = [:]
            var order: [Int64] = []
            for item in batch.assignments where latest.updateValue(item, forKey: item.rowID) == nil {
                order.append(item.rowID)
            }
            var assignments = MultiRowInsert("INSERT INTO assignment (petition_rowid, matter_id, score, repeat_of, run_id)",
                                             columns: 5, tail: """
                ON CONFLICT (petition_rowid) DO UPDATE SET matter_id = EXCLUDED.matter_id, score = EXCLUDED.score,
                    repeat_of = EXCLUDED.repeat_of, run_id = EXCLUDED.run_id
                """)
            var rows: [Int64] = [], vectors: [ByteBuffer] = [], records: [ByteBuffer] = []
            for rowID in order {
                let item = latest[rowID]!
                assignments.add([.integer(rowID), .text(moved[item.matterID] ?? item.matterID), .real(item.score),
                                 .text(item.repeatOf), .integer(runID)])
                rows.append(rowID)
                vectors.append(ByteBuffer(bytes: item.vector))
                records.append(ByteBuffer(bytes: item.indexRecord))
            }
            try assignments.run(in: session)
            try session.execute("""
                UPDATE petition_profile pp SET vector = u.vector, indexed = u.indexed
                FROM unnest(\(rows)::bigint[], \(vectors)::bytea[], \(records)::bytea[]) AS u(rowid, vector, indexed)
                WHERE pp.petition_rowid = u.rowid
                """)
            return moved
        }
    }

    public func finish(_ run: FinishedRun) throws -> Int {
        try write { session in
            try Self.lockMatters(session)
            try PostgresDerivedTableWriter(wanted: run.derived, store: self).write(in: session)
            if !run.adoptedRowIDs.isEmpty {
                try session.execute("""
                    UPDATE assignment SET run_id = \(run.runID) WHERE petition_rowid = ANY(\(run.adoptedRowIDs)) AND run_id IS NULL
                    """)
            }
            // What the statistics describe: every assignment a run made or adopted.
            let assigned = try Self.assignedCount(self, session, byRuns: true)
            if let region {
                try session.execute("""
                    INSERT INTO region_index_state (city_code, run_id, assigned, statistics)
                    VALUES (\(region), \(run.runID), \(assigned), \(run.statistics))
                    ON CONFLICT (city_code) DO UPDATE SET run_id = EXCLUDED.run_id, assigned = EXCLUDED.assigned,
                        statistics = EXCLUDED.statistics
                    """)
            } else {
                try session.execute("""
                    INSERT INTO index_state (id, run_id, assigned, statistics) VALUES (1, \(run.runID), \(assigned), \(run.statistics))
                    ON CONFLICT (id) DO UPDATE SET run_id = EXCLUDED.run_id, assigned = EXCLUDED.assigned,
                        statistics = EXCLUDED.statistics
                    """)
            }
            let finished = StoredTimestamp.now()
            try session.execute("""
                UPDATE dedup_run SET finished_at = \(finished), scored = \(run.scored), new_matters = \(run.newMatters),
                    repeats = \(run.repeats) WHERE run_id = \(run.runID)
                """)
            if region != nil {
                return try session.scalar(PostgresQuery(unsafeSQL: """
                    SELECT count(DISTINCT a.matter_id) FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                    WHERE true\(cityFilter("p"))
                    """), as: Int.self) ?? 0
            }
            return try session.scalar("SELECT count(*) FROM matter", as: Int.self) ?? 0
        }
    }

    public func saveChecked(_ petition: Petition, derived: DerivedPetitionData, vector: Data, repeating matterID: String?,
                            score: Double?, repeatOf: String?) throws -> String? {
        try ensurePartitions([RegionCode.city(of: petition.regionCode)])
        return try write { session in
            try Self.lockMatters(session)
            var summary = ImportSummary()
            let now = StoredTimestamp.now()
            guard let rowID = try Self.upsert([petition], at: now, in: session, into: &summary).first ?? nil else {
                return nil
            }
            try Self.save([(rowID, derived)], in: session)
            try session.execute("UPDATE petition_profile SET vector = \(vector) WHERE petition_rowid = \(rowID)")
            let matter: String
            if let matterID {
                matter = matterID
            } else {
                let sequence = try Self.lastMatterSequence(session) + 1
                matter = MatterID.format(sequence)
                try session.execute("INSERT INTO matter (matter_id, seq) VALUES (\(matter), \(sequence))")
            }
            try session.execute("""
                INSERT INTO assignment (petition_rowid, matter_id, score, repeat_of) VALUES (\(rowID), \(matter), \(score), \(repeatOf))
                ON CONFLICT (petition_rowid) DO UPDATE SET matter_id = EXCLUDED.matter_id, score = EXCLUDED.score,
                    repeat_of = EXCLUDED.repeat_of, run_id = NULL
                """)
            return matter
        }
    }

    public func matter(_ matterID: String) throws -> MatterRecord? {
        try read { session in
            try session.rows("SELECT class_id, backlog_case_id FROM matter WHERE matter_id = \(matterID)").first.map { row in
                let (classID, caseID) = try row.decode((String?, String?).self)
                return MatterRecord(matterID: matterID, classID: classID, backlogCaseID: caseID)
            }
        }
    }

    public func matterID(ofPetition id: String) throws -> String? {
        try read { session in
            try session.scalar("""
                SELECT a.matter_id FROM assignment a JOIN petition_ref r ON r.rowid = a.petition_rowid WHERE r.id = \(id)
                """, as: String.self)
        }
    }

    public func backlogCaseID(ofClass classID: String) throws -> String? {
        try read { session in
            // Ties go to the first case id, as SQLite's GROUP BY (ordered by case id) leaves them.
            try session.scalar("""
                SELECT backlog_case_id FROM matter WHERE class_id = \(classID) AND backlog_case_id IS NOT NULL
                GROUP BY backlog_case_id ORDER BY count(*) DESC, backlog_case_id LIMIT 1
                """, as: String.self)
        }
    }

    public func matterIDs(ofBacklogCase caseID: String) throws -> [String] {
        try read { try $0.column("SELECT matter_id FROM matter WHERE backlog_case_id = \(caseID) ORDER BY seq", as: String.self) }
    }

    public func matterIDs(ofClass classID: String) throws -> [String] {
        try read { try $0.column("SELECT matter_id FROM matter WHERE class_id = \(classID) ORDER BY seq", as: String.self) }
    }

    public func matterCount(inClass classID: String) throws -> Int {
        try read { try $0.scalar("SELECT count(*) FROM matter WHERE class_id = \(classID)", as: Int.self) ?? 0 }
    }

    public func members(ofMatter matterID: String) throws -> [MatterMember] {
        try read { session in
            // Located first, so that only the matter's cities' partitions are planned (``petitions(locatedBy:binds:orderBy:in:)``).
            let located = try Self.locate("r.rowid IN (SELECT petition_rowid FROM assignment WHERE matter_id = $1)",
                                          binds: { $0.append(matterID) }, in: session)
            guard !located.rowIDs.isEmpty else { return [] }
            return try session.rows("""
                SELECT p.id, p.received_at, p.level, p.channel, p.title,
                       (SELECT name FROM petitioner WHERE petition_rowid = p.rowid ORDER BY position LIMIT 1)
                FROM petition p WHERE p.city_code = ANY(\(located.cities)) AND p.rowid = ANY(\(located.rowIDs))
                ORDER BY p.received_at, p.id
                """).map { row in
                let (id, receivedAt, level, channel, title, name) = try row.decode(
                    (String, String, String?, String?, String?, String?).self)
                return MatterMember(id: id, receivedAt: receivedAt, level: level, channel: channel, title: title,
                                    petitioner: name)
            }
        }
    }

    public func petitions(ofMatter matterID: String) throws -> [Petition] {
        try read { session in
            try Self.petitions(locatedBy: "r.rowid IN (SELECT petition_rowid FROM assignment WHERE matter_id = $1)",
                               binds: { $0.append(matterID) }, orderBy: "p.received_at, p.id", in: session).map(\.petition)
        }
    }

    public func escalations(inMatter matterID: String) throws -> [(id: String, from: String, to: String)] {
        try read { session in
            try session.rows("""
                SELECT p.id, e.from_level, e.to_level FROM escalation e
                JOIN assignment a ON a.petition_rowid = e.petition_rowid JOIN petition p ON p.rowid = e.petition_rowid
                WHERE a.matter_id = \(matterID) ORDER BY p.received_at, p.id
                """).map { row in
                let (id, from, to) = try row.decode((String, String, String).self)
                return (id, from, to)
            }
        }
    }

    public func clusters() throws -> [MatterCluster] {
        try read { session in
            try session.rows("""
                SELECT m.matter_id, m.class_id, m.backlog_case_id,
                       array_agg(p.id ORDER BY p.received_at, p.id)
                FROM matter m JOIN assignment a ON a.matter_id = m.matter_id JOIN petition p ON p.rowid = a.petition_rowid
                WHERE true \(unescaped: cityFilter("p"))
                GROUP BY m.matter_id, m.seq ORDER BY m.seq
                """).map { row in
                let (matter, classID, caseID, ids) = try row.decode((String, String?, String?, [String]).self)
                return MatterCluster(matterID: matter, ids: ids, classID: classID, backlogCaseID: caseID)
            }
        }
    }

    /// Assignments in this view (the whole database's, or the city's); `byRuns`: only those a run made or adopted.
    static func assignedCount(_ store: PostgresStore, _ session: PostgresSession, byRuns: Bool) throws -> Int {
        let runs = byRuns ? " AND a.run_id IS NOT NULL" : ""
        if store.region == nil {
            return try session.scalar(PostgresQuery(unsafeSQL: "SELECT count(*) FROM assignment a WHERE true" + runs),
                                      as: Int.self) ?? 0
        }
        return try session.scalar(PostgresQuery(unsafeSQL: """
            SELECT count(*) FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
            WHERE true\(store.cityFilter("p"))\(runs)
            """), as: Int.self) ?? 0
    }

    static func lastMatterSequence(_ session: PostgresSession) throws -> Int {
        try session.scalar("SELECT max(seq) FROM matter", as: Int.self) ?? 0
    }

    /// Serialises matter numbering with every other writer of matters until the transaction ends.
    static func lockMatters(_ session: PostgresSession) throws {
        try session.execute("SELECT pg_advisory_xact_lock(\(matterLock))")
    }
}
