import Foundation
import GRDB
import PetitionModel
import PetitionStore
import Testing

private let corpusPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/petitions.jsonl").path

/// Starts `petition` in the background, its output discarded.
private func start(_ arguments: [String], database: String) throws -> Process {
    let process = Process()
    process.executableURL = PetitionProcess.executable
    process.arguments = arguments + ["--db", database]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

private func startDedup(database: String) throws -> Process {
    try start(["dedup", "--full"], database: database)
}

/// Starts `petition` and kills it with SIGKILL after `delay` seconds (if still running).
private func runAndKill(_ arguments: [String], database: String, after delay: Double) throws -> Bool {
    let process = try start(arguments, database: database)
    let deadline = Date().addingTimeInterval(delay)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    let killed = process.isRunning
    if killed { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return killed
}

/// What must hold after any crash: SQLite's and FTS5's own checks pass, and every
/// stored record is whole (each petition has its profile, each assignment its matter).
private func checkConsistency(_ path: String) throws -> (petitions: Int, assigned: Int) {
    let store = try PetitionStore(path: path)
    #expect(try store.isIntact())
    return try store.write { db in
        try db.execute(sql: "INSERT INTO petition_fts(petition_fts) VALUES('integrity-check')")
        let petitions = try Int.fetchOne(db, sql: "SELECT count(*) FROM petition")!
        let withoutProfile = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM petition p WHERE NOT EXISTS (SELECT 1 FROM petition_profile WHERE petition_rowid = p.rowid)
            """)!
        #expect(withoutProfile == 0)
        let orphanAssignments = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM assignment a WHERE NOT EXISTS (SELECT 1 FROM matter m WHERE m.matter_id = a.matter_id)
            """)!
        #expect(orphanAssignments == 0)
        let assigned = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment")!
        return (petitions, assigned)
    }
}

@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    @Test("import and dedup killed with SIGKILL at many points leave a whole database, and a re-run completes")
    func killedJobs() throws {
        let petition = try PetitionProcess()
        let database = petition.database
        var kills = 0
        var lastCount = 0
        for point in 0..<10 {
            if try runAndKill(["import", corpusPath], database: database, after: 0.4 + Double(point) * 0.45) { kills += 1 }
            let state = try checkConsistency(database)
            #expect(state.petitions >= lastCount)
            lastCount = state.petitions
        }
        #expect(kills >= 8, "the import finished before most kill points: \(kills)")
        let finished = try petition.run(["import", corpusPath])
        #expect(finished.status == 0, "\(finished.error)")
        #expect(try checkConsistency(database).petitions == 6000)

        var dedupKills = 0
        for point in 0..<10 {
            // Each killed run starts over with --full, so every kill point falls inside
            // a whole run however fast the job has become; the run after the last kill
            // resumes the interrupted one.
            if try runAndKill(["dedup", "--full"], database: database, after: 0.3 + Double(point) * 0.35) { dedupKills += 1 }
            _ = try checkConsistency(database)
        }
        #expect(dedupKills >= 8, "the dedup finished before most kill points: \(dedupKills)")
        let resumed = try petition.run(["dedup", "--clusters", petition.directory.appendingPathComponent("resumed.jsonl").path])
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(try checkConsistency(database).assigned == 6000)
        // The interrupted and resumed runs give exactly what one uninterrupted run gives.
        let full = try petition.run(["dedup", "--full", "--clusters", petition.directory.appendingPathComponent("full.jsonl").path])
        #expect(full.status == 0)
        let resumedClusters = try String(contentsOf: petition.directory.appendingPathComponent("resumed.jsonl"), encoding: .utf8)
        let fullClusters = try String(contentsOf: petition.directory.appendingPathComponent("full.jsonl"), encoding: .utf8)
        #expect(resumedClusters == fullClusters)
        print("crash safety: \(kills) import kills and \(dedupKills) dedup kills survived")
    }

    @Test("searches and checks from another process keep working while dedup writes")
    func concurrentReaders() throws {
        let petition = try PetitionProcess()
        #expect(try petition.run(["import", corpusPath]).status == 0)
        let process = try startDedup(database: petition.database)
        let store = try PetitionStore(path: petition.database)
        var reads = 0, failures: [String] = []
        let queries = ["房产证", "拖欠 工资", "小区 物业", "信訪", "补偿款"]
        while process.isRunning || reads < 20 {
            do {
                var request = SearchRequest(query: try .init(parsing: queries[reads % queries.count]))
                request.limit = 5
                _ = try store.search(request)
                _ = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") }
            } catch {
                failures.append("\(error)")
            }
            reads += 1
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        print("concurrent reads during dedup: \(reads), failed: \(failures.count)")
    }

    @Test("clerks' check --save from other processes while dedup --full runs: the job and every save succeed")
    func savesDuringDedup() throws {
        let petition = try PetitionProcess()
        #expect(try petition.run(["import", corpusPath]).status == 0)
        let process = try startDedup(database: petition.database)
        var saves = 0, failures: [String] = []
        while process.isRunning || saves < 5 {
            let record = #"{"id": "SAVE-\#(saves)", "received_at": "2024-12-01", "county": "历城区", "#
                + #""title": "反映第\#(saves)号新问题", "content": "信访人反映一件从未有人反映过的事情，编号\#(saves)。"}"#
            let saved = try petition.run(["check", "--save", "--json", "-"], input: record)
            if saved.status != 0 { failures.append(saved.error) }
            saves += 1
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the job failed while clerks saved")
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        let state = try checkConsistency(petition.database)
        #expect(state.assigned == state.petitions)
        print("saves during dedup: \(saves), failed: \(failures.count)")
    }

    @Test("a second dedup on the same database at the same time refuses with a clear message")
    func secondDedupRefused() throws {
        let petition = try PetitionProcess()
        #expect(try petition.run(["import", corpusPath]).status == 0)
        let first = try startDedup(database: petition.database)
        usleep(300_000)
        let second = try petition.run(["dedup"])
        first.waitUntilExit()
        #expect(second.status == 1)
        #expect(second.error.contains("另一个查重任务"))
        #expect(first.terminationStatus == 0)
    }
}
