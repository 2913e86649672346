import Foundation
import GRDB
import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// Clerks save checks all day; the nightly run that follows restores the last
/// run's state and reads only the saved petitions' profiles. Its matters must
/// be those of a run that read every profile.
@Suite("Saved checks between runs")
struct SavedChecksBetweenRunsTests {
    @Test("a run after saved checks gives the matters of a run that read every profile, and counts each save once")
    func savedChecksThenIncrementalRun() throws {
        let lines = try corpusLines()
        func prepared() throws -> CorpusStore {
            let corpus = try CorpusStore(petitionLines: Array(lines.prefix(1500)), backlog: false)
            _ = try DedupJob(store: corpus.store).run(full: true)
            let checker = try IntakeChecker(store: corpus.store)
            for line in lines[1500..<1520] {
                var petition = try RecordDecoding.petition(from: JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])
                petition.id += "-SAVED"
                _ = try checker.checkAndSave(petition)
            }
            try corpus.add(Array(lines[1520..<1800]))
            return corpus
        }
        let restoring = try prepared(), rereading = try prepared()
        #expect(try restoring.store.currentIndexState().statistics != nil)
        #expect(try restoring.store.currentIndexState().assignedSince.count == 20)
        // The other store forgets the last run's state: its run reads every profile.
        try rereading.store.write { db in try db.execute(sql: "DELETE FROM index_state") }
        _ = try DedupJob(store: restoring.store).run(full: false)
        _ = try DedupJob(store: rereading.store).run(full: false)
        #expect(try restoring.clusters().matter == rereading.clusters().matter)
        #expect(try restoring.store.lastStatistics() == rereading.store.lastStatistics())
        // Adopted: the next run does not count the saves again.
        #expect(try restoring.store.currentIndexState().assignedSince.isEmpty)
        _ = try DedupJob(store: restoring.store).run(full: false)
        _ = try DedupJob(store: rereading.store).run(full: false)
        #expect(try restoring.store.lastStatistics() == rereading.store.lastStatistics())
    }
}
