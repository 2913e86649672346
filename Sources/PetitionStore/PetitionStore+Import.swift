import Foundation
import GRDB
import PetitionModel
import PetitionText

/// SQLite's import: one write transaction per batch, a statement per row.
extension PetitionStore: PetitionImporting {
    public func writeImportBatch(_ batch: [ImportItem], at now: String,
                                 derive: (Petition) -> DerivedPetitionData?) throws -> ImportSummary {
        try write { db -> ImportSummary in
            var summary = ImportSummary()
            for item in batch {
                switch item {
                case let .petition(petition, derived):
                    guard let rowID = try Importer.upsert(petition, at: now, in: db, into: &summary),
                          let derived = derived ?? derive(petition) else { continue }
                    try PetitionStore.save(derived, rowID: rowID, in: db)
                    try db.cachedStatement(sql: "DELETE FROM assignment WHERE petition_rowid = ?")
                        .execute(arguments: [rowID])
                case let .backlog(backlogCase):
                    try Importer.upsert(backlogCase, at: now, in: db, into: &summary)
                }
            }
            return summary
        }
    }
}

extension Importer {
    /// Inserts or updates a petition; the row id when anything was written.
    @discardableResult
    static func upsert(_ petition: Petition, at now: String, in db: Database, into summary: inout ImportSummary) throws -> Int64? {
        let hash = RecordHash.of(petition)
        let existing = try Row.fetchOne(db, sql: "SELECT rowid, record_hash FROM petition WHERE id = ?",
                                        arguments: [petition.id])
        if let existing, existing["record_hash"] as String == hash {
            summary.unchanged += 1
            return nil
        }
        let arguments: StatementArguments = [
            petition.id, petition.receivedAt.description, petition.channel, petition.level, petition.province,
            petition.city, petition.county, petition.regionCode, petition.headcount, petition.respondent,
            petition.category, petition.title, petition.content, hash, now,
            petition.handling?.storedJSON, petition.handling?.stage()?.rawValue,
        ]
        let rowID: Int64
        if let existing {
            rowID = existing["rowid"]
            try db.cachedStatement(sql: """
                UPDATE petition SET id = ?, received_at = ?, channel = ?, level = ?, province = ?, city = ?,
                    county = ?, region_code = ?, headcount = ?, respondent = ?, category = ?, title = ?,
                    content = ?, record_hash = ?, imported_at = ?, handling = ?, handling_stage = ?
                WHERE rowid = ?
                """).execute(arguments: arguments + [rowID])
            try db.cachedStatement(sql: "DELETE FROM petitioner WHERE petition_rowid = ?").execute(arguments: [rowID])
            summary.updated += 1
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO petition (id, received_at, channel, level, province, city, county, region_code,
                    headcount, respondent, category, title, content, record_hash, imported_at, handling, handling_stage)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
            rowID = db.lastInsertedRowID
            summary.added += 1
        }
        for (position, petitioner) in petition.petitioners.enumerated() {
            let canonicalID = petitioner.canonicalIDNumber
            try db.cachedStatement(sql: """
                INSERT INTO petitioner (petition_rowid, position, name, id_number, phone,
                    id_canonical, id_valid, phone_canonical)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [rowID, position, petitioner.name, petitioner.idNumber, petitioner.phone,
                                 canonicalID, canonicalID.map(IdentifierForms.isValidResidentID),
                                 petitioner.canonicalPhone])
        }
        return rowID
    }

    static func upsert(_ backlogCase: BacklogCase, at now: String, in db: Database, into summary: inout ImportSummary) throws {
        let hash = RecordHash.of(backlogCase)
        let existing = try Row.fetchOne(db, sql: "SELECT rowid, record_hash FROM backlog_case WHERE case_id = ?",
                                        arguments: [backlogCase.caseID])
        if let existing, existing["record_hash"] as String == hash {
            summary.unchanged += 1
            return
        }
        let units = String(decoding: try JSONSerialization.data(withJSONObject: backlogCase.responsibleUnits), as: UTF8.self)
        let arguments: StatementArguments = [
            backlogCase.caseID, backlogCase.title, backlogCase.summary, backlogCase.province, backlogCase.city,
            backlogCase.county, backlogCase.category, backlogCase.openedAt?.description, backlogCase.leader,
            units, backlogCase.status, hash, now,
        ]
        if let existing {
            let rowID: Int64 = existing["rowid"]
            try db.cachedStatement(sql: """
                UPDATE backlog_case SET case_id = ?, title = ?, summary = ?, province = ?, city = ?, county = ?,
                    category = ?, opened_at = ?, leader = ?, responsible_units = ?, status = ?, record_hash = ?,
                    imported_at = ?
                WHERE rowid = ?
                """).execute(arguments: arguments + [rowID])
            summary.updated += 1
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO backlog_case (case_id, title, summary, province, city, county, category, opened_at,
                    leader, responsible_units, status, record_hash, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: arguments)
            summary.added += 1
        }
    }
}
