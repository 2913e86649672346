import Foundation
import PetitionModel
import PetitionText
import PostgresNIO

/// Import on PostgreSQL: the same pipeline as SQLite's (``Importer`` reads,
/// decodes and profiles on every core), with each batch written in one
/// transaction as a handful of multi-row statements rather than a statement
/// per row, since every statement is a round trip to the server.
extension PostgresStore: PetitionImporting {
    public func recordHashes(ofPetitions ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try readPrimary { session in
            var hashes: [String: String] = [:]
            for row in try session.rows("""
                SELECT r.id, p.record_hash FROM petition_ref r
                JOIN petition p ON p.rowid = r.rowid AND p.city_code = r.city_code WHERE r.id = ANY(\(ids))
                """) {
                let (id, hash) = try row.decode((String, String).self)
                hashes[id] = hash
            }
            return hashes
        }
    }

    public func writeImportBatch(_ batch: [ImportItem], at now: String,
                                 derive: (Petition) -> DerivedPetitionData?) throws -> ImportSummary {
        var petitions: [Petition] = []
        var backlog: [BacklogCase] = []
        for item in batch {
            switch item {
            case let .petition(petition, _): petitions.append(petition)
            case let .backlog(backlogCase): backlog.append(backlogCase)
            }
        }
        try ensurePartitions(Set(petitions.map { RegionCode.city(of: $0.regionCode) }))
        return try write { session in
            var summary = ImportSummary()
            let written = try Self.upsert(petitions, at: now, in: session, into: &summary)
            var profiles: [(rowID: Int64, derived: DerivedPetitionData)] = []
            var index = 0
            for item in batch {
                guard case let .petition(petition, derived) = item else { continue }
                defer { index += 1 }
                guard let rowID = written[index], let derived = derived ?? derive(petition) else { continue }
                profiles.append((rowID, derived))
            }
            try Self.save(profiles, in: session)
            if !profiles.isEmpty {
                try session.execute("DELETE FROM assignment WHERE petition_rowid = ANY(\(profiles.map(\.rowID)))")
            }
            for backlogCase in backlog { try Self.upsert(backlogCase, at: now, in: session, into: &summary) }
            return summary
        }
    }

    /// After a bulk load the planner's statistics are refreshed at once
    /// rather than when autovacuum gets to them: with none, it estimates a
    /// phrase query to match a row or two and scans every row instead of the
    /// GIN index (measured: a second per check at 200,000 petitions).
    public func importFinished(_ summary: ImportSummary) throws {
        guard summary.added + summary.updated >= 1000 else { return }
        try readPrimary { session in
            try session.execute("ANALYZE petition_ref, petition, petition_search, petition_profile, block_key, petitioner")
        }
    }

    /// Inserts or updates petitions by id, in order; for each, the row id when
    /// anything was written (nil when the stored petition was identical).
    /// A batch may hold one id twice: the later record updates the earlier, as on SQLite.
    static func upsert(_ petitions: [Petition], at now: String, in session: PostgresSession,
                       into summary: inout ImportSummary) throws -> [Int64?] {
        guard !petitions.isEmpty else { return [] }
        var known: [String: (rowID: Int64, hash: String)] = [:]
        for row in try session.rows("""
            SELECT r.id, r.rowid, p.record_hash FROM petition_ref r
            JOIN petition p ON p.rowid = r.rowid AND p.city_code = r.city_code
            WHERE r.id = ANY(\(Array(Set(petitions.map(\.id)))))
            FOR UPDATE OF r
            """) {
            let (id, rowID, hash) = try row.decode((String, Int64, String).self)
            known[id] = (rowID, hash)
        }
        let newCount = Set(petitions.map(\.id)).subtracting(known.keys).count
        var fresh = newCount == 0 ? [] : try session.column(
            "SELECT nextval('petition_rowid_seq') FROM generate_series(1, \(newCount))", as: Int64.self)[...]
        var result: [Int64?] = []
        var inserted: [Int64: Petition] = [:], updated: [Int64: Petition] = [:]
        var insertOrder: [Int64] = [], updateOrder: [Int64] = []
        for petition in petitions {
            let hash = RecordHash.of(petition)
            if let existing = known[petition.id] {
                if existing.hash == hash {
                    summary.unchanged += 1
                    result.append(nil)
                    continue
                }
                summary.updated += 1
                if inserted[existing.rowID] != nil {
                    inserted[existing.rowID] = petition
                } else {
                    if updated.updateValue(petition, forKey: existing.rowID) == nil { updateOrder.append(existing.rowID) }
                }
                known[petition.id] = (existing.rowID, hash)
                result.append(existing.rowID)
            } else {
                let rowID = fresh.removeFirst()
                summary.added += 1
                inserted[rowID] = petition
                insertOrder.append(rowID)
                known[petition.id] = (rowID, hash)
                result.append(rowID)
            }
        }
        var petitionRows = MultiRowInsert("""
            INSERT INTO petition (rowid, city_code, id, received_at, channel, level, province, city, county, region_code,
                headcount, respondent, category, title, content, record_hash, imported_at, handling, handling_stage)
            """, columns: 19)
        petitionRows.rowsPerStatement = 200
        var vectors = MultiRowInsert("INSERT INTO petition_search (rowid, city_code, search)", columns: 3, tail: """
            ON CONFLICT (rowid) DO UPDATE SET city_code = EXCLUDED.city_code, search = EXCLUDED.search
            """)
        vectors.casts = [2: "::tsvector"]
        vectors.rowsPerStatement = 200
        var references = MultiRowInsert("INSERT INTO petition_ref (id, rowid, city_code, received_at, level)", columns: 5)
        for rowID in insertOrder {
            let petition = inserted[rowID]!
            let city = RegionCode.city(of: petition.regionCode)
            petitionRows.add([.integer(rowID), .text(city)] + values(of: petition, at: now))
            references.add([.text(petition.id), .integer(rowID), .text(city),
                            .text(petition.receivedAt.description), .text(petition.level)])
        }
        for rowID in insertOrder + updateOrder {
            let petition = inserted[rowID] ?? updated[rowID]!
            vectors.add([.integer(rowID), .text(RegionCode.city(of: petition.regionCode)),
                         .text(SearchVector.literal(title: petition.title, content: petition.content,
                                                    respondent: petition.respondent))])
        }
        try references.run(in: session)
        try petitionRows.run(in: session)
        try vectors.run(in: session)
        for rowID in updateOrder {
            let petition = updated[rowID]!
            let city = RegionCode.city(of: petition.regionCode)
            var bindings = PostgresBindings()
            bindings.append(city)
            for value in values(of: petition, at: now) { value.bind(into: &bindings) }
            bindings.append(rowID)
            // A changed region code moves the row to its city's partition.
            try session.query(sql: """
                UPDATE petition SET city_code = $1, id = $2, received_at = $3, channel = $4, level = $5, province = $6,
                    city = $7, county = $8, region_code = $9, headcount = $10, respondent = $11, category = $12,
                    title = $13, content = $14, record_hash = $15, imported_at = $16, handling = $17,
                    handling_stage = $18
                WHERE rowid = $19
                """, bindings)
            try session.execute("""
                UPDATE petition_ref SET city_code = \(city), received_at = \(petition.receivedAt.description), level = \(petition.level)
                WHERE rowid = \(rowID)
                """)
        }
        if !updateOrder.isEmpty {
            try session.execute("DELETE FROM petitioner WHERE petition_rowid = ANY(\(updateOrder))")
        }
        var petitioners = MultiRowInsert("""
            INSERT INTO petitioner (petition_rowid, position, name, id_number, phone, id_canonical, id_valid, phone_canonical)
            """, columns: 8)
        for rowID in insertOrder + updateOrder {
            let petition = inserted[rowID] ?? updated[rowID]!
            for (position, petitioner) in petition.petitioners.enumerated() {
                let canonicalID = petitioner.canonicalIDNumber
                petitioners.add([.integer(rowID), .int(position), .text(petitioner.name), .text(petitioner.idNumber),
                                 .text(petitioner.phone), .text(canonicalID),
                                 .boolean(canonicalID.map(IdentifierForms.isValidResidentID)),
                                 .text(petitioner.canonicalPhone)])
            }
        }
        try petitioners.run(in: session)
        return result
    }

    /// The columns of `petition` from `id` to `handling_stage`, in table order.
    private static func values(of petition: Petition, at now: String) -> [SQLValue] {
        [.text(petition.id), .text(petition.receivedAt.description), .text(petition.channel), .text(petition.level),
         .text(petition.province), .text(petition.city), .text(petition.county), .text(petition.regionCode),
         .int(petition.headcount), .text(petition.respondent), .text(petition.category), .text(petition.title),
         .text(petition.content), .text(RecordHash.of(petition)), .text(now), .text(petition.handling?.storedJSON),
         .text(petition.handling?.stage()?.rawValue)]
    }

    static func upsert(_ backlogCase: BacklogCase, at now: String, in session: PostgresSession,
                       into summary: inout ImportSummary) throws {
        let hash = RecordHash.of(backlogCase)
        let existing = try session.scalar(
            "SELECT record_hash FROM backlog_case WHERE case_id = \(backlogCase.caseID)", as: String.self)
        if existing == hash {
            summary.unchanged += 1
            return
        }
        let units = String(decoding: try JSONSerialization.data(withJSONObject: backlogCase.responsibleUnits), as: UTF8.self)
        let opened = backlogCase.openedAt?.description
        try session.execute("""
            INSERT INTO backlog_case (case_id, title, summary, province, city, county, category, opened_at, leader,
                responsible_units, status, record_hash, imported_at)
            VALUES (\(backlogCase.caseID), \(backlogCase.title), \(backlogCase.summary), \(backlogCase.province),
                \(backlogCase.city), \(backlogCase.county), \(backlogCase.category), \(opened), \(backlogCase.leader),
                \(units), \(backlogCase.status), \(hash), \(now))
            ON CONFLICT (case_id) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary,
                province = EXCLUDED.province, city = EXCLUDED.city, county = EXCLUDED.county,
                category = EXCLUDED.category, opened_at = EXCLUDED.opened_at, leader = EXCLUDED.leader,
                responsible_units = EXCLUDED.responsible_units, status = EXCLUDED.status,
                record_hash = EXCLUDED.record_hash, imported_at = EXCLUDED.imported_at
            """)
        if existing == nil { summary.added += 1 } else { summary.updated += 1 }
    }
}
