import Foundation
import GRDB
import PetitionText

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [RecordError] = []
    /// Records stored with a change their sender should know of (control
    /// characters removed), one per record and field, with its line.
    public var warnings: [RecordError] = []
    /// Stopped on request between two batches; what was committed stays.
    public var interrupted = false

    public init() {}

    public static func += (lhs: inout ImportSummary, rhs: ImportSummary) {
        lhs.added += rhs.added
        lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged
        lhs.rejected += rhs.rejected
        lhs.warnings += rhs.warnings
    }
}

/// What the repeat detector derives from a petition. The importer stores it
/// in the same transaction as the petition itself, so the two never disagree,
/// and forgets the petition's matter, so that the next nightly run scores the
/// changed text again.
public protocol PetitionDerivedDataWriter {
    func derivedData(for petition: Petition) -> DerivedPetitionData
    /// Another writer for another thread: each holds what may not be shared
    /// between threads (an ICU word segmenter).
    func makeWorker() throws -> any PetitionDerivedDataWriter
}

/// How far an import has got: records handled, and bytes of the file read
/// (zero when the records did not come from a file).
public struct ImportProgress: Sendable {
    public var records: Int
    public var bytesRead: Int
    public var fileSize: Int
}

/// Upserts records by id in batches, one transaction per batch, so a crash
/// loses at most the batch in flight and never leaves half a record: a
/// petition, its petitioners, its index entries and what the detector derives
/// from it are written together. Re-importing an unchanged record writes nothing.
///
/// Records are decoded, validated and their derived data computed on
/// `workers` threads (each with its own ``PetitionDerivedDataWriter``), while
/// one writer commits the previous batch; batches are committed in file
/// order, so the rows, the rejections and their order are those of a serial import.
public struct Importer {
    public enum Kind: Sendable { case petitions, backlogCases }

    public let store: any PetitionImporting
    public var batchSize = 1000
    public var derivedData: (any PetitionDerivedDataWriter)?
    /// Threads that decode records and derive their data.
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(store: any PetitionImporting, derivedData: (any PetitionDerivedDataWriter)? = nil) {
        self.store = store
        self.derivedData = derivedData
    }

    /// Imports records held in memory; `progress(done, total)` is called after each batch.
    public func importRecords(
        _ records: [RawRecord], kind: Kind, progress: (Int, Int) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> ImportSummary {
        var rest = records[...]
        return try run(kind: kind, nextBatch: {
            let batch = Array(rest.prefix(batchSize))
            rest = rest.dropFirst(batch.count)
            return batch
        }, progress: { progress($0.records, records.count) }, shouldStop: shouldStop, bytes: { (0, 0) })
    }

    /// Imports a file as it is read, a batch at a time: memory stays bounded whatever its size.
    public func importStream(
        _ stream: RecordStream, kind: Kind, progress: (ImportProgress) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> ImportSummary {
        try run(kind: kind, nextBatch: { try stream.next(maximum: batchSize) }, progress: progress,
                shouldStop: shouldStop, bytes: { (stream.bytesRead, stream.fileSize) })
    }

    /// A record decoded and ready to write, with its derived data unless it
    /// was found unchanged when read (the writer derives it then if it did change since).
    private typealias Prepared = ImportItem

    private func run(kind: Kind, nextBatch: () throws -> [RawRecord], progress: (ImportProgress) -> Void,
                     shouldStop: () -> Bool, bytes: () -> (Int, Int)) throws -> ImportSummary {
        var summary = ImportSummary()
        let now = StoredTimestamp.now()
        let helpers = try (0..<max(1, workers)).map { _ in try derivedData?.makeWorker() }
        let writer = BatchWriter(store: store, derivedData: derivedData, now: now)
        var done = 0
        defer { writer.wait() }
        while true {
            if shouldStop() {
                summary.interrupted = true
                break
            }
            let batch = try nextBatch()
            if batch.isEmpty { break }
            let (prepared, rejected, warnings) = try prepare(batch, kind: kind, helpers: helpers)
            // The previous batch is committed before this one is handed over: batches land in file order.
            summary += try writer.finishPrevious()
            summary.rejected += rejected
            summary.warnings += warnings
            if done > 0 { progress(ImportProgress(records: done, bytesRead: bytes().0, fileSize: bytes().1)) }
            writer.start(prepared)
            done += batch.count
        }
        summary += try writer.finishPrevious()
        try store.importFinished(summary)
        progress(ImportProgress(records: done, bytesRead: bytes().0, fileSize: bytes().1))
        return summary
    }

    /// Decodes a batch and derives each new or changed petition's data, on every worker.
    private func prepare(_ batch: [RawRecord], kind: Kind,
                         helpers: [(any PetitionDerivedDataWriter)?]) throws -> ([Prepared?], [RecordError], [RecordError]) {
        var decoded = [Result<Decoded, RecordError>?](repeating: nil, count: batch.count)
        let work = SharedWork(batch: batch, helpers: helpers)
        decoded.withUnsafeMutableBufferPointer { slots in
            let shared = SharedBuffer(slots: slots)
            DispatchQueue.concurrentPerform(iterations: work.helpers.count) { worker in
                for index in stride(from: worker, to: work.batch.count, by: work.helpers.count) {
                    shared.slots[index] = Self.decode(work.batch[index], kind: kind)
                }
            }
        }
        var rejected: [RecordError] = [], warnings: [RecordError] = []
        var prepared: [Prepared?] = decoded.map { result in
            switch result {
            case let .success(value)?:
                warnings += value.notices
                return value.item
            case let .failure(error)?:
                rejected.append(error)
                return nil
            case nil: return nil
            }
        }
        guard derivedData != nil else { return (prepared, rejected, warnings) }
        // Unchanged petitions need no derived data: their stored hashes are read first.
        let ids = prepared.compactMap { item -> String? in if case let .petition(petition, _)? = item { petition.id } else { nil } }
        let storedHashes = try store.recordHashes(ofPetitions: ids)
        prepared.withUnsafeMutableBufferPointer { slots in
            let shared = SharedBuffer(slots: slots)
            DispatchQueue.concurrentPerform(iterations: work.helpers.count) { worker in
                guard let helper = work.helpers[worker] else { return }
                for index in stride(from: worker, to: shared.slots.count, by: work.helpers.count) {
                    guard case let .petition(petition, _)? = shared.slots[index],
                          storedHashes[petition.id] != RecordHash.of(petition) else { continue }
                    shared.slots[index] = .petition(petition, helper.derivedData(for: petition))
                }
            }
        }
        return (prepared, rejected, warnings)
    }

    /// A record decoded, with what was changed to store it (located at its line).
    private struct Decoded: Sendable {
        var item: Prepared
        var notices: [RecordError] = []
    }

    private static func decode(_ record: RawRecord, kind: Kind) -> Result<Decoded, RecordError> {
        do {
            let fields = try record.fields.get()
            switch kind {
            case .petitions:
                var notices: [RecordError] = []
                let petition = try RecordDecoding.petition(from: fields, notices: &notices)
                return .success(Decoded(item: .petition(petition, nil), notices: notices.map { notice in
                    var located = notice
                    located.line = record.line
                    return located
                }))
            case .backlogCases: return .success(Decoded(item: .backlog(try RecordDecoding.backlogCase(from: fields))))
            }
        } catch {
            var located = error
            located.line = record.line
            return .failure(located)
        }
    }

    /// Commits batches one at a time on its own thread, in the order given.
    private final class BatchWriter: @unchecked Sendable {
        let store: any PetitionImporting
        let derivedData: (any PetitionDerivedDataWriter)?
        let now: String
        private let queue = DispatchQueue(label: "petition.import.writer")
        private let group = DispatchGroup()
        /// Written by the writer thread, read after `group.wait()`.
        private var outcome: Result<ImportSummary, Error> = .success(ImportSummary())

        init(store: any PetitionImporting, derivedData: (any PetitionDerivedDataWriter)?, now: String) {
            self.store = store
            self.derivedData = derivedData
            self.now = now
        }

        func start(_ batch: [Prepared?]) {
            group.enter()
            queue.async { [self] in
                defer { group.leave() }
                outcome = Result { try write(batch) }
            }
        }

        /// Waits for the batch in flight and gives what it did (nothing when none was).
        func finishPrevious() throws -> ImportSummary {
            group.wait()
            defer { outcome = .success(ImportSummary()) }
            return try outcome.get()
        }

        func wait() { group.wait() }

        private func write(_ batch: [Prepared?]) throws -> ImportSummary {
            try store.writeImportBatch(batch.compactMap { $0 }, at: now) { derivedData?.derivedData(for: $0) }
        }
    }
}

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

/// A stable fingerprint of a record's content (FNV-1a, 64 bits), to tell an
/// unchanged re-import from an update without comparing every column. Every
/// backend stores the same fingerprint.
public enum RecordHash {
    public static func of(_ petition: Petition) -> String {
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

    public static func of(_ backlogCase: BacklogCase) -> String {
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

/// What the decoding workers read: each reads all of it and uses only its own writer.
private struct SharedWork: @unchecked Sendable {
    let batch: [RawRecord]
    let helpers: [(any PetitionDerivedDataWriter)?]
}

/// Slots that the decoding workers fill, each only its own indexes.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Element>
}
