import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore
import Testing

/// Profiles are computed on every core while one writer commits: the result
/// must be the serial import's, row for row.
@Suite("Parallel import")
struct ParallelImportTests {
    /// Imports the first petitions of the bundled corpus into a new store with `workers` threads.
    static func imported(workers: Int, batchSize: Int) throws -> CorpusStore {
        let corpus = try CorpusStore(petitionLines: [], backlog: true)
        var importer = Importer(store: corpus.store, derivedData: try ProfileWriter())
        importer.workers = workers
        importer.batchSize = batchSize
        let lines = try corpusLines().prefix(1500)
        let summary = try importer.importRecords(RecordFile.jsonLines(lines.joined(separator: "\n")), kind: .petitions)
        #expect(summary.added == 1500 && summary.rejected.isEmpty, "\(summary.added) \(summary.rejected.prefix(3))")
        return corpus
    }

    @Test("a parallel import gives the same rows, profiles, keys and matters as a serial one")
    func parallelEqualsSerial() throws {
        let serial = try Self.imported(workers: 1, batchSize: 1000)
        let parallel = try Self.imported(workers: 4, batchSize: 97)
        let rows = try serial.store.timeline()
        #expect(try parallel.store.timeline() == rows)
        let serialProfiles = try serial.store.storedProfiles(of: rows.map(\.rowID))
        let parallelProfiles = try parallel.store.storedProfiles(of: rows.map(\.rowID))
        #expect(serialProfiles.count == rows.count)
        for row in rows {
            #expect(serialProfiles[row.rowID]?.profile == parallelProfiles[row.rowID]?.profile, "\(row.id)")
            #expect(try Set(serial.store.keys(of: row.rowID)) == Set(parallel.store.keys(of: row.rowID)), "\(row.id)")
        }
        _ = try DedupJob(store: serial.store).run(full: true)
        _ = try DedupJob(store: parallel.store).run(full: true)
        #expect(try serial.store.clusters() == parallel.store.clusters())
    }

    @Test("re-importing unchanged records in parallel writes nothing")
    func unchangedReimport() throws {
        let corpus = try Self.imported(workers: 2, batchSize: 500)
        let before = try corpus.store.storedProfiles(of: corpus.store.timeline().map(\.rowID))
        let lines = try corpusLines().prefix(1500)
        let summary = try Importer(store: corpus.store, derivedData: try ProfileWriter())
            .importRecords(RecordFile.jsonLines(lines.joined(separator: "\n")), kind: .petitions)
        #expect(summary.unchanged == 1500 && summary.added == 0 && summary.updated == 0)
        let after = try corpus.store.storedProfiles(of: corpus.store.timeline().map(\.rowID))
        #expect(after.mapValues(\.profile) == before.mapValues(\.profile))
    }
}
