import Foundation
import PetitionText

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

/// What the decoding workers read: each reads all of it and uses only its own writer.
private struct SharedWork: @unchecked Sendable {
    let batch: [RawRecord]
    let helpers: [(any PetitionDerivedDataWriter)?]
}

/// Slots that the decoding workers fill, each only its own indexes.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Element>
}
