// petition-bench check: intake-check latency (IntakeChecker.check) of held-back
// petitions against a store built from the rest of the corpus, and throughput
// with two threads sharing one store.

import Foundation
import PetitionBackends
import PetitionDedup
import PetitionPostgres
import PetitionModel
import PetitionStore

enum CheckBenchmark {
    static let name = "check"
    static let summary = "intake check latency (p50/p99/max) and 2-thread throughput"
    static let usage = """
        usage: petition-bench check --corpus DIR --out FILE.json [options]
          --corpus DIR        directory holding petitions.jsonl, backlog.jsonl, truth.jsonl (petition-corpus)
          --out FILE.json     where to write every figure as JSON (the Markdown report goes to stdout)
          --checks N          petitions held back and checked (default 1000): every k-th line, k = rows / N
          --store PATH|URL    check against this database (the corpus imported and deduplicated) instead of building
                              one: a SQLite file or a postgres:// URL
          --threads T         threads of the throughput run (default 2), one IntakeChecker each
          --tmp DIR           where the scratch database goes (default: the system temporary directory)
        """

    static let warmup = 50

    struct Report: Codable {
        var benchmark = CheckBenchmark.name
        var machine: Machine
        var corpus: String
        var storedPetitions: Int
        /// The database given with --store, when the run reused one.
        var reusedStore: String? = nil
        var heldBack: Int
        var importSeconds: Double
        var dedupSeconds: Double
        var checkerConstructionSeconds: Double
        var warmupChecks: Int
        /// Seconds per check, one thread, after the warm-up.
        var latency: Summary
        var checksPerSecondOneThread: Double
        var threads: Int
        var checksPerSecondThreaded: Double
        var threadedWallSeconds: Double
        var checkPeakResidentBytes: Int
        var verdicts: [String: Int]
        /// Held-back petitions whose truth matter has another petition in the store.
        var expectedRepeats: Int
        /// Of those, verdict repeat with the best same-matter match in the same truth matter.
        var correctRepeats: Int
        /// Verdict repeat whose best same-matter match is in another truth matter.
        var wrongRepeats: Int
        var totalSeconds: Double
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "out", "checks", "threads", "tmp", "store"])
        let corpusDirectory = options.required("corpus")
        let outPath = options.required("out")
        let requested = options.int("checks", default: 1000)
        let threads = options.int("threads", default: 2)
        let started = nowNanoseconds()
        func file(_ name: String) -> String { (corpusDirectory as NSString).appendingPathComponent(name) }

        let truth = try Truth(jsonl: file("truth.jsonl"))
        let records = try RecordFile.records(path: file("petitions.jsonl"))
        let backlog = try RecordFile.records(path: file("backlog.jsonl"))
        let step = max(1, records.count / requested)
        var stored: [RawRecord] = [], heldBack: [Petition] = []
        for (offset, record) in records.enumerated() {
            if offset % step == step - 1, heldBack.count < requested, case let .success(fields) = record.fields {
                heldBack.append(try RecordDecoding.petition(from: fields))
            } else {
                stored.append(record)
            }
        }
        progress("\(stored.count) petitions stored, \(heldBack.count) held back (every \(step)th)")

        let scratch = try ScratchDirectory(prefix: "petition-bench-check", base: options.string("tmp"))
        defer { scratch.remove() }
        // --store PATH reuses a database that already holds the whole corpus,
        // deduplicated: a checked petition never matches itself (the checker
        // excludes its own id), so it is checked against all the others.
        let existing = options.string("store")
        let store = try StoreOpener.open(existing ?? scratch.file("check.sqlite"), creating: true)
        let sqliteVersion = try (store as? PetitionStore)?.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }
            ?? "not SQLite"
        var importSeconds = 0.0, dedupSeconds = 0.0
        if existing == nil {
            (_, importSeconds) = try timed {
                _ = try Importer(store: store).importRecords(backlog, kind: .backlogCases)
                _ = try Importer(store: store, derivedData: try ProfileWriter()).importRecords(stored, kind: .petitions)
            }
            progress(String(format: "imported in %.1f s; dedup --full", importSeconds))
            (_, dedupSeconds) = try timed { _ = try DedupJob(store: store).run(full: true) }
            progress(String(format: "dedup %.1f s", dedupSeconds))
        }

        // Construction (loads word statistics), then warm-up, then one timed pass.
        Memory.resetPeak()
        let (checker, constructionSeconds) = try timed { try IntakeChecker(store: store) }
        for petition in heldBack.prefix(warmup) { _ = try checker.check(petition) }
        var latencies: [Double] = []
        var results: [CheckResult] = []
        for petition in heldBack {
            let (result, seconds) = try timed { try checker.check(petition) }
            latencies.append(seconds)
            results.append(result)
        }
        let latency = Summary(latencies)
        progress(String(format: "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms", latency.median * 1000,
                        latency.p99 * 1000, latency.max * 1000))

        // Throughput: T threads, one checker each (built before the clock starts), one shared store.
        let checkers = try (0..<threads).map { _ in try IntakeChecker(store: store) }
        for (t, checker) in checkers.enumerated() {
            for petition in heldBack.prefix(warmup).enumerated().filter({ $0.offset % threads == t }).map(\.element) {
                _ = try checker.check(petition)
            }
        }
        let errors = ErrorBox()
        let box = CheckerBox(checkers)
        let petitions = heldBack
        let wallStart = nowNanoseconds()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let checker = box.checkers[t]
            var i = t
            while i < petitions.count {
                do { _ = try checker.check(petitions[i]) } catch { errors.record(error) }
                i += threads
            }
        }
        let wall = Double(nowNanoseconds() - wallStart) / 1e9
        if let error = errors.first { throw error }
        let peak = Memory.peakResident()
        progress(String(format: "%d threads: %.0f checks/s", threads, Double(heldBack.count) / wall))

        // Verdicts against the truth.
        var storedPerMatter: [Int32: Int] = [:]
        for record in stored {
            if case let .success(fields) = record.fields, let id = fields["id"] as? String, let i = truth.index[id] {
                storedPerMatter[truth.matter[i], default: 0] += 1
            }
        }
        var verdicts: [String: Int] = [:], expected = 0, correct = 0, wrong = 0
        for (petition, result) in zip(heldBack, results) {
            verdicts[result.verdict.rawValue, default: 0] += 1
            guard let i = truth.index[petition.id] else { continue }
            let isExpected = storedPerMatter[truth.matter[i], default: 0] > 0
            if isExpected { expected += 1 }
            guard result.verdict == .repeat,
                  let best = result.matches.first(where: { $0.relation == .sameMatter }) else { continue }
            if let j = truth.index[best.id], truth.matter[j] == truth.matter[i] {
                if isExpected { correct += 1 }
            } else {
                wrong += 1
            }
        }

        let report = Report(
            machine: Machine.describe(sqliteVersion: sqliteVersion), corpus: corpusDirectory,
            storedPetitions: stored.count, reusedStore: existing, heldBack: heldBack.count, importSeconds: importSeconds,
            dedupSeconds: dedupSeconds, checkerConstructionSeconds: constructionSeconds, warmupChecks: warmup,
            latency: latency, checksPerSecondOneThread: Double(latencies.count) / latencies.reduce(0, +),
            threads: threads, checksPerSecondThreaded: Double(heldBack.count) / wall, threadedWallSeconds: wall,
            checkPeakResidentBytes: peak, verdicts: verdicts, expectedRepeats: expected, correctRepeats: correct,
            wrongRepeats: wrong, totalSeconds: Double(nowNanoseconds() - started) / 1e9)
        try writeJSON(report, to: outPath)
        print(markdown(report))
    }

    static func markdown(_ r: Report) -> String {
        var table = MarkdownTable("measure", "value")
        table.add("checker construction (loads word statistics)", formatMilliseconds(r.checkerConstructionSeconds) + " ms")
        table.add("latency p50 (1 thread)", formatMilliseconds(r.latency.median) + " ms")
        table.add("latency p90", formatMilliseconds(r.latency.p90) + " ms")
        table.add("**latency p99**", formatMilliseconds(r.latency.p99) + " ms")
        table.add("latency max", formatMilliseconds(r.latency.max) + " ms")
        table.add("checks/s, 1 thread", formatCount(r.checksPerSecondOneThread))
        table.add("**checks/s, \(r.threads) threads** (one checker each, one shared store)", formatCount(r.checksPerSecondThreaded))
        table.add("peak RSS during checks", formatMB(r.checkPeakResidentBytes) + " MB")
        let verdicts = ["repeat", "class", "new"].map { "\($0) \(r.verdicts[$0] ?? 0)" }.joined(separator: ", ")
        table.add("verdicts", verdicts)
        table.add("repeat found (truth matter has a stored petition)", "\(r.correctRepeats) / \(r.expectedRepeats) "
                  + "(\(formatPercent(Double(r.correctRepeats) / Double(max(1, r.expectedRepeats)))))")
        table.add("repeat verdicts matched to another truth matter", "\(r.wrongRepeats)")
        func storeLine(_ r: Report) -> String {
            if let path = r.reusedStore {
                return "`\(path)`, the whole corpus imported and deduplicated beforehand; each checked petition is "
                    + "excluded from its own candidates, so it is checked against all the others"
            }
            return String(format: "%d petitions imported (%.1f s) and deduplicated with --full (%.1f s), the checked "
                          + "petitions held back", r.storedPetitions, r.importSeconds, r.dedupSeconds)
        }
        return """
            # petition-bench check: intake check, \(r.heldBack) petitions against \(r.reusedStore == nil ? "\(r.storedPetitions) others" : "all the others")

            \(machineMarkdown(r.machine))
            - store: \(storeLine(r)); \(r.heldBack) petitions checked (every k-th line); \(r.warmupChecks) warm-up \
            checks, then every checked petition timed once

            \(table.text)

            """
    }
}

/// Hands the per-thread checkers to `concurrentPerform`; each thread touches only its own.
private final class CheckerBox: @unchecked Sendable {
    let checkers: [IntakeChecker]
    init(_ checkers: [IntakeChecker]) { self.checkers = checkers }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?
    func record(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = error }
    }
}
