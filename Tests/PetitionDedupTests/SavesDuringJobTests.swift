import Foundation
import GRDB
import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// A clerk's `check --save` between two batches of the nightly job: both
/// succeed, and every petition ends in exactly one matter.
@Suite("Saves during the nightly job")
struct SavesDuringJobTests {
    @Test("saves that take the next matter numbers while the job runs do not fail the job", arguments: [true, false])
    func savesBetweenBatches(full: Bool) throws {
        let lines = try corpusLines()
        let corpus = try CorpusStore(petitionLines: Array(lines.prefix(1200)), backlog: false)
        if !full { _ = try DedupJob(store: corpus.store).run(full: true) }
        try corpus.add(Array(lines[1200..<2400]))
        let checker = try IntakeChecker(store: corpus.store)
        var saved = 0
        let job = DedupJob(store: corpus.store)
        job.batchSize = 100
        let summary = try job.run(full: full, progress: { _, _ in
            // A petition of a matter nobody raised, saved as a new matter: it takes the next number.
            let petition = Petition(id: "SAVE-\(saved)", receivedAt: CalendarDate(parsing: "2024-12-01")!,
                                    county: "历城区", title: "反映第\(saved)号新问题",
                                    content: "信访人反映一件从未有人反映过的事情，编号\(saved)，要求处理。")
            _ = try? checker.checkAndSave(petition)
            saved += 1
        })
        #expect(!summary.interrupted)
        #expect(saved >= 10)
        try corpus.store.read { db in
            let petitions = try Int.fetchOne(db, sql: "SELECT count(*) FROM petition") ?? 0
            let assigned = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
            let orphans = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM assignment a LEFT JOIN matter m ON m.matter_id = a.matter_id WHERE m.matter_id IS NULL
                """) ?? 0
            #expect(assigned == petitions)
            #expect(orphans == 0)
        }
    }
}
