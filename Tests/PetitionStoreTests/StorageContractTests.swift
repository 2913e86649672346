import Foundation
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// What every storage backend promises the detector (``PetitionStorage``),
/// checked on each backend (``Backend``): matter numbers given in one place,
/// runs that leave their state whole, and one nightly job at a time.
@Suite("Storage contract")
struct StorageContractTests {
    @Test("PostgreSQL backend configured ($PETITION_TEST_POSTGRES)", .enabled(if: Backend.isPostgresConfigured))
    func postgresConfigured() throws {
        let temporary = try BackendStore(.postgres)
        #expect(try temporary.store.petitionCount() == 0)
    }

    static func petition(_ id: String, day: Int, title: String = "反映小区物业问题") -> Petition {
        Petition(id: id, receivedAt: CalendarDate(year: 2023, month: 3, day: day)!, title: title,
                 content: "信访人反映\(title)，请求解决。")
    }

    static let derived = DerivedPetitionData(profile: Data([1, 2, 3]), keys: ["est:a|b", "tel:13800000000"])

    /// Imports petitions with derived data, so that they have rows and profiles.
    static func stored(_ petitions: [Petition], in temporary: BackendStore) throws -> [Int64] {
        struct Fixed: PetitionDerivedDataWriter {
            func derivedData(for petition: Petition) -> DerivedPetitionData { StorageContractTests.derived }
            func makeWorker() throws -> any PetitionDerivedDataWriter { self }
        }
        let lines = try petitions.map { petition -> String in
            let object: [String: Any] = ["id": petition.id, "received_at": petition.receivedAt.description,
                                         "title": petition.title ?? "", "content": petition.content]
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        _ = try Importer(store: temporary.store, derivedData: Fixed())
            .importRecords(RecordFile.jsonLines(lines.joined(separator: "\n")), kind: .petitions)
        return try temporary.store.timeline().map(\.rowID)
    }

    static func assignment(_ rowID: Int64, to matter: String) -> AssignmentBatch.Assignment {
        .init(rowID: rowID, matterID: matter, score: nil, repeatOf: nil, vector: Data([9]), indexRecord: Data([8]))
    }

    @Test("a run's proposed matter numbers move past those a saved check took meanwhile", arguments: Backend.available)
    func commitMovesPastTakenNumbers(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store = temporary.store
        let rows = try Self.stored([Self.petition("A", day: 1), Self.petition("B", day: 2)], in: temporary)
        let run = try store.beginRun(full: true)
        let proposed = MatterID.format(try store.lastMatterSequence() + 1)
        // A clerk saves a new petition, which opens the next matter, before the run writes.
        let saved = try store.saveChecked(Self.petition("C", day: 3, title: "反映噪音扰民"), derived: Self.derived,
                                          vector: Data(), repeating: nil, score: nil, repeatOf: nil)
        #expect(saved == proposed)
        var batch = AssignmentBatch()
        batch.newMatters = [proposed]
        batch.assignments = [Self.assignment(rows[0], to: proposed), Self.assignment(rows[1], to: proposed)]
        let moved = try store.commit(batch, runID: run)
        #expect(moved == [proposed: MatterID.format(2)])
        let matters = try store.assignments()
        #expect(matters[rows[0]] == "M-000002" && matters[rows[1]] == "M-000002")
        #expect(try store.lastMatterSequence() == 2)
    }

    @Test("saving a checked petition that is already stored unchanged writes nothing", arguments: Backend.available)
    func unchangedSaveWritesNothing(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let petition = Self.petition("A", day: 1)
        #expect(try temporary.store.saveChecked(petition, derived: Self.derived, vector: Data(), repeating: nil,
                                                score: nil, repeatOf: nil) == "M-000001")
        #expect(try temporary.store.saveChecked(petition, derived: Self.derived, vector: Data(), repeating: nil,
                                                score: nil, repeatOf: nil) == nil)
        #expect(try temporary.store.lastMatterSequence() == 1)
    }

    @Test("the derived tables end as the run wanted them: rows dropped, changed and kept", arguments: Backend.available)
    func derivedTablesAsWanted(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store = temporary.store
        let rows = try Self.stored([Self.petition("A", day: 1), Self.petition("B", day: 2)], in: temporary)
        let run = try store.beginRun(full: true)
        var batch = AssignmentBatch()
        batch.newMatters = ["M-000001", "M-000002"]
        batch.assignments = [Self.assignment(rows[0], to: "M-000001"), Self.assignment(rows[1], to: "M-000002")]
        _ = try store.commit(batch, runID: run)
        var derived = DerivedTables()
        derived.classCases = ["C-1": .init(place: "阳光小区", concept: "物业", matters: 2)]
        derived.classOfMatter = ["M-000001": "C-1", "M-000002": "C-1"]
        derived.backlogCaseOfMatter = ["M-000001": "JA-1"]
        derived.escalations = [rows[1]: .init(earlierID: "A", fromLevel: "县级", toLevel: "市级", skippedLevels: 0)]
        #expect(try store.finish(FinishedRun(runID: run, scored: 2, newMatters: 2, repeats: 0, derived: derived,
                                             statistics: Data(count: 8))) == 2)
        #expect(try store.matter("M-000001") == MatterRecord(matterID: "M-000001", classID: "C-1", backlogCaseID: "JA-1"))
        #expect(try store.escalations(inMatter: "M-000002").map(\.id) == ["B"])

        let next = try store.beginRun(full: false)
        derived.classCases = [:]
        derived.classOfMatter = [:]
        derived.escalations = [:]
        _ = try store.finish(FinishedRun(runID: next, scored: 0, newMatters: 0, repeats: 0, derived: derived,
                                         statistics: Data(count: 8)))
        #expect(try store.matter("M-000001") == MatterRecord(matterID: "M-000001", classID: nil, backlogCaseID: "JA-1"))
        #expect(try store.matter("M-000002") == MatterRecord(matterID: "M-000002", classID: nil, backlogCaseID: nil))
        #expect(try store.escalations(inMatter: "M-000002").isEmpty)
        #expect(try store.clusters().map(\.ids) == [["A"], ["B"]])
    }

    @Test("a check saved outside a run is listed beside the run's statistics, which stay in use", arguments: Backend.available)
    func savesAreListedBesideTheStatistics(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store = temporary.store
        let rows = try Self.stored([Self.petition("A", day: 1)], in: temporary)
        let run = try store.beginRun(full: true)
        var batch = AssignmentBatch()
        batch.newMatters = ["M-000001"]
        batch.assignments = [Self.assignment(rows[0], to: "M-000001")]
        _ = try store.commit(batch, runID: run)
        let statistics = Data((0..<16).map { UInt8($0) })
        _ = try store.finish(FinishedRun(runID: run, scored: 1, newMatters: 1, repeats: 0, derived: DerivedTables(),
                                         statistics: statistics))
        #expect(try store.currentIndexState() == IndexStateSnapshot(statistics: statistics, assignedSince: []))
        _ = try store.saveChecked(Self.petition("B", day: 2), derived: Self.derived, vector: Data(), repeating: "M-000001",
                                  score: 0.9, repeatOf: "A")
        let saved = try #require(try store.storedPetition(id: "B")?.rowID)
        #expect(try store.currentIndexState() == IndexStateSnapshot(statistics: statistics, assignedSince: [saved]))
        #expect(try store.lastStatistics() == statistics)
        // The next run counts the saved petition and adopts it: the one after does not count it again.
        let next = try store.beginRun(full: false)
        let counted = Data((0..<16).map { UInt8(15 - $0) })
        _ = try store.finish(FinishedRun(runID: next, scored: 0, newMatters: 0, repeats: 0, derived: DerivedTables(),
                                         statistics: counted, adoptedRowIDs: [saved]))
        #expect(try store.currentIndexState() == IndexStateSnapshot(statistics: counted, assignedSince: []))
    }

    @Test("one nightly job at a time: a second lock is refused until the first is released", arguments: Backend.available)
    func oneJobAtATime(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let lock = try temporary.store.acquireJobLock()
        let other = try temporary.reopen()
        #expect {
            _ = try other.acquireJobLock()
        } throws: { error in
            guard case StoreError.jobRunning = error else { return false }
            return "\(error)".contains("另一个查重任务")
        }
        lock.release()
        try other.acquireJobLock().release()
    }
}
