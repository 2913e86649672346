import Foundation
import PetitionPostgres
import Testing

/// The command line on PostgreSQL (`--db postgres://...`), end to end and
/// side by side with SQLite: the same corpus imported, the same nightly run,
/// the same matters, report and search ids. Runs when `$PETITION_TEST_POSTGRES`
/// names a server (each run in a scratch database of its own); the URL checks run always.
@Suite("Command line on PostgreSQL", .serialized)
struct PostgresCommandLineTests {
    static let server: String? = {
        let value = ProcessInfo.processInfo.environment["PETITION_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }()

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// Runs `petition` with `--db` naming `database`.
    static func run(_ arguments: [String], database: String) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = PetitionProcess.executable
        process.arguments = arguments + ["--db", database]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test("a malformed postgres:// URL is refused in Chinese with exit code 1, naming what is wrong")
    func badURL() throws {
        let missingDatabase = try Self.run(["search", "房产证"], database: "postgres://postgres@127.0.0.1:5432/")
        #expect(missingDatabase.status == 1)
        #expect(missingDatabase.error.contains("数据库地址无效") && missingDatabase.error.contains("缺少数据库名"))
        let missingUser = try Self.run(["search", "房产证"], database: "postgres://127.0.0.1/petitions")
        #expect(missingUser.status == 1 && missingUser.error.contains("缺少用户名"))
        let password = try Self.run(["search", "房产证"], database: "postgres://u:secret@127.0.0.1/p?sslmode=require")
        #expect(password.status == 1 && password.error.contains("不支持的参数") && !password.error.contains("secret"))
        let refused = try Self.run(["search", "房产证"], database: "postgres://postgres@127.0.0.1:1/petitions")
        #expect(refused.status == 1 && refused.error.contains("无法连接 PostgreSQL 数据库"))
    }

    @Test("only commands that read take --read-db: an import or a run never goes anywhere but --db")
    func replicaOnlyForReads() throws {
        for command in [["import", "x.jsonl"], ["dedup"], ["rules"]] {
            let refused = try Self.run(command + ["--read-db", "postgres://postgres@127.0.0.1:1/petitions"],
                                       database: "postgres://postgres@127.0.0.1:1/petitions")
            #expect(refused.status != 0 && refused.error.contains("--read-db"), "\(command): \(refused.error)")
        }
    }

    @Test("import, dedup, report, search, show and check give on PostgreSQL what they give on SQLite",
          .enabled(if: Self.server != nil))
    func sameAnswersAsSQLite() throws {
        let scratch = try PostgresScratchDatabase(server: try #require(Self.server), prefix: "petition_cli")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqlite = directory.appendingPathComponent("cli.db").path
        let petitions = Self.corpus.appendingPathComponent("petitions.jsonl").path
        let backlog = Self.corpus.appendingPathComponent("backlog.jsonl").path

        // Only import creates: a database that was never imported into is an error, as a missing SQLite file is.
        let empty = try Self.run(["search", "房产证"], database: scratch.url)
        #expect(empty.status == 1 && empty.error.contains("不存在"))

        // Petitions of the corpus arriving again under new numbers, for the intake check.
        let corpusLines = try String(contentsOfFile: petitions, encoding: .utf8).split(separator: "\n")
        let incoming = try [3, 40, 77, 150, 222].map { index in
            var record = try #require(JSONSerialization.jsonObject(with: Data(corpusLines[index].utf8)) as? [String: Any])
            record["id"] = "XF-NEW-\(index)"
            let path = directory.appendingPathComponent("incoming-\(index).json").path
            try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: path))
            return path
        }
        var outputs: [String: [String]] = [:]
        for (name, database) in [("sqlite", sqlite), ("postgres", scratch.url)] {
            var lines: [String] = []
            let imported = try Self.run(["import", petitions], database: database)
            #expect(imported.status == 0, "\(name): \(imported.error)")
            lines.append(imported.output)
            #expect(try Self.run(["import", "--backlog", backlog], database: database).status == 0)
            let again = try Self.run(["import", petitions, "--json"], database: database)
            lines.append(again.output)
            let clusters = directory.appendingPathComponent("\(name)-clusters.jsonl").path
            let report = directory.appendingPathComponent("\(name)-report").path
            let dedup = try Self.run(["dedup", "--clusters", clusters, "--report", report, "--json"], database: database)
            #expect(dedup.status == 0, "\(name): \(dedup.error)")
            lines.append(try String(contentsOfFile: clusters, encoding: .utf8))
            for file in try FileManager.default.contentsOfDirectory(atPath: report).sorted() where file.hasSuffix(".csv") {
                lines.append(file + "\n" + (try String(contentsOfFile: report + "/" + file, encoding: .utf8)))
            }
            for query in ["房产证", "拖欠 工资", "\"拖欠 工资\" OR 欠薪 -劳务派遣", "房 -证", "2015"] {
                let found = try Self.run(["search", query, "--json", "--limit", "100000"], database: database)
                #expect(found.status == 0, "\(name) \(query): \(found.error)")
                // Ids as a set: the order among equals differs (bm25 against ts_rank_cd, docs/STORAGE.md).
                let ids = found.output.split(separator: "\n").compactMap { line -> String? in
                    (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
                }
                lines.append(query + ": " + ids.sorted().joined(separator: ","))
            }
            let shown = try Self.run(["show", "XF-2016-000032", "--json"], database: database)
            lines.append("\(shown.status)" + shown.output)
            // An intake check reaches the same verdict and matter (its text candidates are
            // ranked differently: the list of matches may differ below the decisive one).
            for path in incoming {
                let checked = try Self.run(["check", path, "--json"], database: database)
                #expect(checked.status == 0, "\(name) check: \(checked.error)")
                let answer = (try? JSONSerialization.jsonObject(with: Data(checked.output.utf8))) as? [String: Any] ?? [:]
                #expect(answer["verdict"] is String, "\(name) check: \(checked.output.prefix(200))")
                lines.append("check \(path): \(answer["verdict"] ?? "?") \(answer["matter_id"] ?? "none")")
            }
            outputs[name] = lines
        }
        let sqliteLines = try #require(outputs["sqlite"]), postgresLines = try #require(outputs["postgres"])
        #expect(sqliteLines.count == postgresLines.count)
        for (a, b) in zip(sqliteLines, postgresLines) {
            #expect(a == b, "SQLite and PostgreSQL differ: \(a.prefix(300)) / \(b.prefix(300))")
        }
        // A second job while one holds the lock is refused at once, as on SQLite.
        let store = try PostgresStore(url: scratch.url)
        let lock = try store.acquireJobLock()
        let second = try Self.run(["dedup"], database: scratch.url)
        #expect(second.status == 1 && second.error.contains("另一个查重任务"))
        lock.release()
        store.close()
    }

    /// The petitions of each matter in a clusters file, as sets: the grouping, whatever the matters' numbers.
    static func grouping(_ path: String) throws -> Set<[String]> {
        Set(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["ids"] as? [String]
        })
    }

    @Test("a city's run is given the backlog cases of its city, in either script, and those that name no city",
          .enabled(if: Self.server != nil))
    func cityBacklogCases() throws {
        let scratch = try PostgresScratchDatabase(server: try #require(Self.server), prefix: "petition_city_cases")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let petitions = directory.appendingPathComponent("p.jsonl").path, cases = directory.appendingPathComponent("c.jsonl").path
        try Data("""
            {"id": "YT-1", "received_at": "2024-03-01", "city": "烟台市", "region_code": "370602", "title": "小区漏水", "content": "烟台市某小区漏水。"}
            {"id": "JN-1", "received_at": "2024-03-02", "city": "济南市", "region_code": "370102", "title": "欠薪", "content": "济南市某厂欠薪。"}
            """.utf8).write(to: URL(fileURLWithPath: petitions))
        try Data("""
            {"case_id": "JA-YT", "title": "漏水积案", "city": "煙台市"}
            {"case_id": "JA-JN", "title": "欠薪积案", "city": "济南市"}
            {"case_id": "JA-SHENG", "title": "全省积案"}
            """.utf8).write(to: URL(fileURLWithPath: cases))
        #expect(try Self.run(["import", petitions], database: scratch.url).status == 0)
        #expect(try Self.run(["import", "--backlog", cases], database: scratch.url).status == 0)
        let store = try PostgresStore(url: scratch.url)
        defer { store.close() }
        #expect(try store.backlogCases().map(\.caseID).sorted() == ["JA-JN", "JA-SHENG", "JA-YT"])
        #expect(try store.scoped(toCity: "370600").backlogCases().map(\.caseID).sorted() == ["JA-SHENG", "JA-YT"])
        #expect(try store.scoped(toCity: "370100").backlogCases().map(\.caseID).sorted() == ["JA-JN", "JA-SHENG"])
    }

    @Test("one city's nightly run sees only its partition, runs for two cities go at once, and their order does not change the matters",
          .enabled(if: Self.server != nil))
    func regionRuns() throws {
        let server = try #require(Self.server)
        let petitions = Self.corpus.appendingPathComponent("petitions.jsonl").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-pg-region-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try PostgresScratchDatabase(server: server, prefix: "petition_region")
        let second = try PostgresScratchDatabase(server: server, prefix: "petition_region")
        for database in [first, second] { #expect(try Self.run(["import", petitions], database: database.url).status == 0) }
        let cities = ["130600", "440300"]
        // In one database the two cities run at once; in the other one after the other, in the other order.
        let concurrent = ConcurrentResults()
        let url = first.url
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let clusters = directory.appendingPathComponent("a-\(cities[index]).jsonl").path
            let result = (try? Self.run(["dedup", "--region", cities[index], "--clusters", clusters], database: url))
                ?? (-1, "", "did not run")
            concurrent.add(result.0, result.2)
        }
        #expect(concurrent.statuses == [0, 0], "\(concurrent.errors)")
        for city in cities.reversed() {
            let clusters = directory.appendingPathComponent("b-\(city).jsonl").path
            #expect(try Self.run(["dedup", "--region", city, "--clusters", clusters], database: second.url).status == 0)
        }
        let store = try PostgresStore(url: first.url)
        defer { store.close() }
        let sizes = Dictionary(uniqueKeysWithValues: try store.cityPartitionSizes().map { ($0.city, $0.petitions) })
        for city in cities {
            let a = try Self.grouping(directory.appendingPathComponent("a-\(city).jsonl").path)
            let b = try Self.grouping(directory.appendingPathComponent("b-\(city).jsonl").path)
            #expect(a == b, "\(city): the matters depend on the order of the runs")
            // Only the city's petitions were read and assigned.
            #expect(a.reduce(0) { $0 + $1.count } == sizes[city])
        }
        // A city's run holds its city's lock and shares the database's: the same city, or a
        // whole-database run, is refused at once; another city is not.
        let regional = try store.scoped(toCity: "130600")
        let held = try regional.acquireJobLock()
        let sameCity = try Self.run(["dedup", "--region", "130600"], database: first.url)
        #expect(sameCity.status == 1 && sameCity.error.contains("另一个查重任务"))
        let whole = try Self.run(["dedup"], database: first.url)
        #expect(whole.status == 1 && whole.error.contains("另一个查重任务"))
        #expect(try Self.run(["dedup", "--region", "440300"], database: first.url).status == 0)
        held.release()
        let sqlite = try Self.run(["dedup", "--region", "130600"], database: directory.appendingPathComponent("x.db").path)
        #expect(sqlite.status == 1)
    }

    /// Runs a program with arguments; its exit status.
    static func shell(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("--read-db: read-only commands read from the replica, their audit entries go to the primary",
          .enabled(if: Self.server != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pg_dump")))
    func readReplica() throws {
        let server = try #require(Self.server)
        let petitions = Self.corpus.appendingPathComponent("petitions.jsonl").path
        let primary = try PostgresScratchDatabase(server: server, prefix: "petition_primary")
        let replica = try PostgresScratchDatabase(server: server, prefix: "petition_replica")
        #expect(try Self.run(["import", petitions], database: primary.url).status == 0)
        // The replica: a copy restored from the primary (as a streaming replica would hold it).
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("petition-\(UUID().uuidString).dump").path
        defer { try? FileManager.default.removeItem(atPath: dump) }
        #expect(try Self.shell("/usr/bin/pg_dump", ["-Fc", "-f", dump, primary.url]) == 0)
        #expect(try Self.shell("/usr/bin/pg_restore", ["--no-owner", "-d", replica.url, dump]) == 0)
        // A petition only the replica holds tells where a read went.
        let extra = FileManager.default.temporaryDirectory.appendingPathComponent("petition-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: extra) }
        try Data(#"{"id": "RO-1", "received_at": "2024-05-01", "title": "副本独有的麒麟阁问题", "content": "只在副本中的麒麟阁。"}"#.utf8)
            .write(to: URL(fileURLWithPath: extra))
        #expect(try Self.run(["import", extra], database: replica.url).status == 0)

        let viaReplica = try Self.run(["search", "麒麟阁", "--read-db", replica.url, "--operator", "副本测试"], database: primary.url)
        #expect(viaReplica.status == 0 && viaReplica.output.contains("RO-1"), "\(viaReplica.error)")
        let viaPrimary = try Self.run(["search", "麒麟阁"], database: primary.url)
        #expect(viaPrimary.status == 0 && !viaPrimary.output.contains("RO-1"))
        let shown = try Self.run(["show", "RO-1", "--read-db", replica.url], database: primary.url)
        #expect(shown.status == 0 && shown.output.contains("麒麟阁"))
        // The audit trail is written to the primary.
        let audit = try Self.run(["audit", "--operator", "副本测试", "--json"], database: primary.url)
        #expect(audit.status == 0 && audit.output.contains("麒麟阁"))
        // --read-db needs PostgreSQL.
        let sqlite = FileManager.default.temporaryDirectory.appendingPathComponent("petition-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: sqlite) }
        #expect(try Self.run(["import", extra], database: sqlite).status == 0)
        let refused = try Self.run(["search", "麒麟阁", "--read-db", replica.url], database: sqlite)
        #expect(refused.status == 1 && refused.error.contains("--read-db"))
    }

    /// A hot standby streaming from `$PETITION_TEST_POSTGRES`'s server (`.ci/run` starts one with pg_basebackup).
    static let streamingReplica: String? = {
        let value = ProcessInfo.processInfo.environment["PETITION_TEST_POSTGRES_REPLICA"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// One value from `psql` (`-At`): the first line of its output.
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-d", url, "-Atc", sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// Runs `command` until `done` holds of its result, for at most `seconds`.
    static func eventually(_ seconds: Double, _ command: () throws -> (status: Int32, output: String, error: String),
                           until done: ((status: Int32, output: String, error: String)) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if done(try command()) { return true }
            Thread.sleep(forTimeInterval: 0.5)
        } while Date() < deadline
        return false
    }

    @Test("--read-db on a streaming replica: reads are served by the standby as far as it has replayed, writes refused there",
          .enabled(if: Self.server != nil && Self.streamingReplica != nil
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/psql")))
    func streamingReplicaReads() throws {
        let server = try #require(Self.server), standby = try PostgresLocation(url: try #require(Self.streamingReplica))
        let petitions = Self.corpus.appendingPathComponent("petitions.jsonl").path
        let primary = try PostgresScratchDatabase(server: server, prefix: "petition_streamed")
        let replica = standby.with(database: primary.location.database).url
        #expect(try Self.run(["import", petitions], database: primary.url).status == 0)
        #expect(try Self.run(["dedup"], database: primary.url).status == 0)
        let expected = try Self.run(["search", "房产证", "--json", "--limit", "1000"], database: primary.url)
        #expect(expected.status == 0 && !expected.output.isEmpty)
        // The standby replays the import and the run: the same answers from it.
        let caughtUp = try Self.eventually(60, {
            try Self.run(["search", "房产证", "--json", "--limit", "1000", "--read-db", replica], database: primary.url)
        }, until: { $0.status == 0 && $0.output == expected.output })
        #expect(caughtUp, "the standby did not catch up within 60 s")

        // With replay paused, a petition written to the primary is not yet on the standby:
        // a read through --read-db does not see it, a read of the primary does.
        let standbyServer = standby.url
        _ = try Self.psql(standbyServer, "SELECT pg_wal_replay_pause()")
        defer { _ = try? Self.psql(standbyServer, "SELECT pg_wal_replay_resume()") }
        let extra = FileManager.default.temporaryDirectory.appendingPathComponent("petition-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: extra) }
        try Data(#"{"id": "ST-1", "received_at": "2024-05-01", "title": "流复制中的白鹭洲问题", "content": "新写入主库的白鹭洲。"}"#.utf8)
            .write(to: URL(fileURLWithPath: extra))
        #expect(try Self.run(["import", extra], database: primary.url).status == 0)
        let lagging = try Self.run(["search", "白鹭洲", "--read-db", replica], database: primary.url)
        #expect(lagging.status == 0 && !lagging.output.contains("ST-1"), "\(lagging.output)")
        #expect(try Self.run(["search", "白鹭洲"], database: primary.url).output.contains("ST-1"))
        _ = try Self.psql(standbyServer, "SELECT pg_wal_replay_resume()")
        let replayed = try Self.eventually(60, {
            try Self.run(["search", "白鹭洲", "--read-db", replica], database: primary.url)
        }, until: { $0.output.contains("ST-1") })
        #expect(replayed, "the standby did not replay the new petition within 60 s")

        // The standby takes no write, named as such.
        let written = try Self.run(["import", extra], database: replica)
        #expect(written.status == 1 && written.error.contains("只读副本"), "\(written.error)")
        // The audit entries of reads through the standby went to the primary.
        let audit = try Self.run(["audit", "--json"], database: primary.url)
        #expect(audit.status == 0 && audit.output.contains("白鹭洲"))
    }
}

/// What processes run at once report, gathered under a lock.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var statuses: [Int32] = []
    private(set) var errors: [String] = []

    func add(_ status: Int32, _ error: String) {
        lock.withLock {
            statuses.append(status)
            errors.append(error)
        }
    }
}
