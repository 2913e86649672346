import Foundation
import GRDB
import PetitionText

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [RecordError] = []
    /// Stopped on request between two batches; what was committed stays.
    public var interrupted = false

    public init() {}

    public static func += (lhs: inout ImportSummary, rhs: ImportSummary) {
        lhs.added += rhs.added
        lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged
        lhs.rejected += rhs.rejected
    }
}

/// Writes what the repeat detector derives from a petition, in the same
/// transaction as the petition itself, so the two never disagree.
public protocol PetitionDerivedDataWriter {
    func petitionWritten(rowID: Int64, petition: Petition, in db: Database) throws
}

/// Upserts records by id in batches, one transaction per batch, so a crash
/// loses at most the batch in flight and never leaves half a record: a
/// petition, its petitioners and its index entries are written together.
/// Re-importing an unchanged record writes nothing.
public struct Importer {
    public enum Kind: Sendable { case petitions, backlogCases }

    public let store: PetitionStore
    public var batchSize = 1000
    public var derivedData: (any PetitionDerivedDataWriter)?

    public init(store: PetitionStore, derivedData: (any PetitionDerivedDataWriter)? = nil) {
        self.store = store
        self.derivedData = derivedData
    }

    /// Imports records; `progress(done, total)` is called after each batch.
    public func importRecords(
        _ records: [RawRecord], kind: Kind, progress: (Int, Int) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        let now = ISO8601DateFormatter().string(from: Date())
        var start = 0
        while start < records.count {
            if shouldStop() {
                summary.interrupted = true
                break
            }
            let batch = records[start..<min(start + batchSize, records.count)]
            var decoded: [(line: Int, value: Decoded)] = []
            for record in batch {
                do {
                    let fields = try record.fields.get()
                    switch kind {
                    case .petitions: decoded.append((record.line, .petition(try RecordDecoding.petition(from: fields))))
                    case .backlogCases: decoded.append((record.line, .backlog(try RecordDecoding.backlogCase(from: fields))))
                    }
                } catch {
                    var located = error
                    located.line = record.line
                    summary.rejected.append(located)
                }
            }
            let batchSummary = try store.write { db -> ImportSummary in
                var batchSummary = ImportSummary()
                for item in decoded {
                    switch item.value {
                    case let .petition(petition):
                        if let rowID = try Self.upsert(petition, at: now, in: db, into: &batchSummary) {
                            try derivedData?.petitionWritten(rowID: rowID, petition: petition, in: db)
                        }
                    case let .backlog(backlogCase): try Self.upsert(backlogCase, at: now, in: db, into: &batchSummary)
                    }
                }
                return batchSummary
            }
            summary += batchSummary
            start += batch.count
            progress(start, records.count)
        }
        return summary
    }

    private enum Decoded {
        case petition(Petition)
        case backlog(BacklogCase)
    }

    /// Inserts or updates a petition; the row id when anything was written.
    @discardableResult
    public static func upsert(_ petition: Petition, at now: String, in db: Database, into summary: inout ImportSummary) throws -> Int64? {
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

/// A stable fingerprint of a record's content (FNV-1a, 64 bits), to tell an
/// unchanged re-import from an update without comparing every column.
enum RecordHash {
    static func of(_ petition: Petition) -> String {
        var parts: [String?] = [petition.id, petition.receivedAt.description, petition.channel, petition.level,
                                petition.province, petition.city, petition.county, petition.regionCode,
                                petition.headcount.map(String.init), petition.respondent, petition.category,
                                petition.title, petition.content]
        for petitioner in petition.petitioners {
            parts += [petitioner.name, petitioner.idNumber, petitioner.phone]
        }
        // Only when present: a record without a history keeps the hash it had before histories existed.
        if let handling = petition.handling { parts.append(handling.storedJSON) }
        return hash(parts)
    }

    static func of(_ backlogCase: BacklogCase) -> String {
        hash([backlogCase.caseID, backlogCase.title, backlogCase.summary, backlogCase.province, backlogCase.city,
              backlogCase.county, backlogCase.category, backlogCase.openedAt?.description, backlogCase.leader,
              backlogCase.status] + backlogCase.responsibleUnits)
    }

    private static func hash(_ parts: [String?]) -> String {
        var value: UInt64 = 0xcbf29ce484222325
        for part in parts {
            for byte in (part ?? "\u{0}").utf8 {
                value = (value ^ UInt64(byte)) &* 0x100000001b3
            }
            value = (value ^ 0x1F) &* 0x100000001b3
        }
        return String(value, radix: 16)
    }
}
