import Foundation
import PetitionModel
import GRDB
import PetitionText

/// Petitions, backlog cases and the detector's per-petition bytes in SQLite:
/// `petition`, `petitioner`, `backlog_case`, `petition_profile` (profile,
/// vector, index record) and `block_key`.
extension PetitionStore: PetitionRepository {
    public func petitionCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM petition") ?? 0 }
    }

    public func storedPetition(id: String) throws -> (rowID: Int64, petition: Petition)? {
        try read { try Self.petition(id: id, in: $0) }
    }

    public func petition(rowID: Int64) throws -> Petition? {
        try read { try Self.petition(rowID: rowID, in: $0) }
    }

    public func backlogCase(id: String) throws -> BacklogCase? {
        try read { try Self.backlogCase(caseID: id, in: $0) }
    }

    public func backlogCases() throws -> [BacklogCase] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM backlog_case ORDER BY case_id").map(Self.backlogCase(row:))
        }
    }

    public func timeline() throws -> [TimelineEntry] {
        try read { db in
            var entries: [TimelineEntry] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.rowid, p.id, a.matter_id IS NOT NULL AS assigned
                FROM petition p LEFT JOIN assignment a ON a.petition_rowid = p.rowid
                ORDER BY p.received_at, p.id
                """)
            while let row = try rows.next() { entries.append(TimelineEntry(rowID: row[0], id: row[1], isAssigned: row[2])) }
            return entries
        }
    }

    public func storedProfiles(of rowIDs: [Int64]) throws -> [Int64: StoredProfile] {
        guard !rowIDs.isEmpty else { return [:] }
        return try read { db in
            var profiles: [Int64: StoredProfile] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT petition_rowid, profile, vector, indexed IS NOT NULL FROM petition_profile
                WHERE petition_rowid IN (\(rowIDs.map(String.init).joined(separator: ",")))
                """)
            while let row = try rows.next() {
                guard let profile = row[1] as Data? else { continue }
                profiles[row[0]] = StoredProfile(profile: profile, vector: row[2], hasIndexRecord: row[3])
            }
            return profiles
        }
    }

    public func forEachIndexRecord(_ body: (Int64, Data?, Data?) throws -> Bool) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT petition_rowid, indexed, vector FROM petition_profile")
            while let row = try rows.next() {
                // The blobs are lent from SQLite's buffers, not copied: a million of them are read per run.
                let rowID: Int64 = row[0]
                let goOn = try row.withUnsafeData(atIndex: 1) { record in
                    try row.withUnsafeData(atIndex: 2) { vector in try body(rowID, record, vector) }
                }
                guard goOn else { return }
            }
        }
    }

    public func saveProfiles(_ profiles: [(rowID: Int64, derived: DerivedPetitionData)]) throws {
        guard !profiles.isEmpty else { return }
        try write { db in
            for (rowID, derived) in profiles { try Self.save(derived, rowID: rowID, in: db) }
        }
    }

    public func saveIndexRecords(_ records: [(rowID: Int64, record: Data)]) throws {
        guard !records.isEmpty else { return }
        try write { db in
            for (rowID, record) in records {
                try db.cachedStatement(sql: "UPDATE petition_profile SET indexed = ? WHERE petition_rowid = ?")
                    .execute(arguments: [record, rowID])
            }
        }
    }

    public func profiledRowIDs() throws -> [Int64] {
        try read { try Int64.fetchAll($0, sql: "SELECT petition_rowid FROM petition_profile ORDER BY petition_rowid") }
    }

    public func rowIDs(filedUnder key: String, limit: Int) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT petition_rowid FROM block_key WHERE key = ? LIMIT ?"),
                               arguments: [key, limit])
        }
    }

    public func keys(of rowID: Int64) throws -> [String] {
        try read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT key FROM block_key WHERE petition_rowid = ?"),
                                arguments: [rowID])
        }
    }

    public func rowIDs(matching query: SearchQuery, limit: Int) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT rowid FROM petition_fts WHERE petition_fts MATCH ? ORDER BY bm25(petition_fts) LIMIT ?
                """, arguments: [FTS5Expression.compile(query), limit])
        }
    }

    public func candidates(_ rowIDs: [Int64]) throws -> [CandidateRecord] {
        guard !rowIDs.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.received_at, p.level, a.matter_id, pp.profile, pp.vector
                FROM petition p JOIN petition_profile pp ON pp.petition_rowid = p.rowid
                LEFT JOIN assignment a ON a.petition_rowid = p.rowid
                WHERE p.rowid IN (\(rowIDs.map(String.init).joined(separator: ",")))
                """).map { row in
                CandidateRecord(id: row[0], receivedAt: row[1], level: row[2], matterID: row[3], profile: row[4],
                                vector: row[5])
            }
        }
    }
}

extension PetitionStore {
    /// The content fingerprints of the stored petitions among `ids`, by id.
    public func recordHashes(ofPetitions ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var hashes: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, record_hash FROM petition WHERE id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                """, arguments: StatementArguments(ids))
            while let row = try rows.next() { hashes[row[0]] = row[1] }
            return hashes
        }
    }

    /// Stores a petition's derived data, replacing what the detector kept of
    /// it: its vector and index record belong to the text they were made from.
    static func save(_ derived: DerivedPetitionData, rowID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO petition_profile (petition_rowid, profile) VALUES (?, ?)")
            .execute(arguments: [rowID, derived.profile])
        try db.cachedStatement(sql: "DELETE FROM block_key WHERE petition_rowid = ?").execute(arguments: [rowID])
        for key in derived.keys {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO block_key (key, petition_rowid) VALUES (?, ?)")
                .execute(arguments: [key, rowID])
        }
    }

    static func petition(rowID: Int64, in db: Database) throws -> Petition? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM petition WHERE rowid = ?", arguments: [rowID]) else {
            return nil
        }
        return try petition(row: row, in: db)
    }

    static func petition(id: String, in db: Database) throws -> (rowID: Int64, petition: Petition)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM petition WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return (row["rowid"], try petition(row: row, in: db))
    }

    private static func petition(row: Row, in db: Database) throws -> Petition {
        let rowID: Int64 = row["rowid"]
        let petitioners = try Row.fetchAll(db, sql: """
            SELECT name, id_number, phone FROM petitioner WHERE petition_rowid = ? ORDER BY position
            """, arguments: [rowID]).map { Petitioner(name: $0["name"], idNumber: $0["id_number"], phone: $0["phone"]) }
        return Petition(
            id: row["id"], receivedAt: CalendarDate(parsing: row["received_at"])!, channel: row["channel"],
            level: row["level"], province: row["province"], city: row["city"], county: row["county"],
            regionCode: row["region_code"], petitioners: petitioners, headcount: row["headcount"],
            respondent: row["respondent"], category: row["category"], title: row["title"], content: row["content"],
            handling: Handling(storedJSON: row["handling"]))
    }

    static func backlogCase(caseID: String, in db: Database) throws -> BacklogCase? {
        try Row.fetchOne(db, sql: "SELECT * FROM backlog_case WHERE case_id = ?", arguments: [caseID])
            .map(backlogCase(row:))
    }

    private static func backlogCase(row: Row) -> BacklogCase {
        let unitsJSON: String = row["responsible_units"]
        let units = (try? JSONSerialization.jsonObject(with: Data(unitsJSON.utf8))) as? [String] ?? []
        return BacklogCase(
            caseID: row["case_id"], title: row["title"], summary: row["summary"], province: row["province"],
            city: row["city"], county: row["county"], category: row["category"],
            openedAt: (row["opened_at"] as String?).flatMap(CalendarDate.init(parsing:)),
            leader: row["leader"], responsibleUnits: units, status: row["status"])
    }
}
