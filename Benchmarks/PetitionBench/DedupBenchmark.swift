// petition-bench dedup: the nightly job (DedupJob) on a generated corpus:
// import speed, full and incremental run time and peak memory, and clustering
// quality against the corpus's ground truth.

import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore

enum DedupBenchmark {
    static let name = "dedup"
    static let summary = "nightly dedup job: import, full and incremental run, quality against truth"
    static let usage = """
        usage: petition-bench dedup --corpus DIR --out FILE.json [options]
          --corpus DIR        directory holding petitions.jsonl, backlog.jsonl, truth.jsonl (petition-corpus)
          --out FILE.json     where to write every figure as JSON (the Markdown report goes to stdout)
          --tmp DIR           where the scratch database goes (default: the system temporary directory)
          --stop-after S      stop each dedup run after S seconds (reports how far it got; default: never)
          --keep              keep the database (its path goes to standard error), e.g. for `check --store`

        One database: the earliest 99 % of the petitions by received_at are imported (with
        profiles), the job runs with --full over them, the latest 1 % are imported and the job
        runs incrementally (timed); then the job runs with --full again over all 100 % (timed,
        peak memory) and its clusters are scored against truth.jsonl.
        """

    struct Phase: Codable {
        var rows: Int
        var seconds: Double
        var rowsPerSecond: Double
        var peakResidentBytes: Int
        /// RSS when the phase started (the benchmark's own parsed records are most of it).
        var startResidentBytes: Int
    }

    struct Run: Codable {
        var petitions: Int
        var seconds: Double
        var peakResidentBytes: Int
        /// RSS when the run started (the benchmark's own parsed records are most of it).
        var startResidentBytes: Int
        var scored: Int
        var newMatters: Int
        var repeats: Int
        var matters: Int
        var classes: Int
        var backlogLinks: Int
        var escalations: Int
        var stopped: Bool
        var progressDone: Int
        var progressTotal: Int
        /// The job's own split of its time (DedupSummary.phases).
        var phases: [DedupSummary.Phase]
    }

    struct Report: Codable {
        var benchmark = DedupBenchmark.name
        var machine: Machine
        var corpus: String
        var petitions: Int
        var backlogCases: Int
        var parseSeconds: Double
        var importBacklog: Phase
        var import99: Phase
        var import1: Phase
        /// Both petition imports together (100 % of the rows).
        var importAll: Phase
        var rejected: Int
        var fullRun99: Run
        var incrementalRun1: Run
        var fullRun100: Run
        var databaseBytes: Int
        var quality: Quality
        var qualityAfterIncremental: Quality
        var unknownIDsInClusters: Int
        var totalSeconds: Double
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "out", "tmp", "stop-after"], flags: ["keep"])
        let corpusDirectory = options.required("corpus")
        let outPath = options.required("out")
        let stopAfter = options.string("stop-after").flatMap(Double.init)
        let started = nowNanoseconds()
        func file(_ name: String) -> String { (corpusDirectory as NSString).appendingPathComponent(name) }

        // The truth is read for each scoring and dropped after it: at a million
        // petitions its tables are hundreds of megabytes, which the dedup runs'
        // peak memory should not include.
        let truthPath = file("truth.jsonl")
        guard FileManager.default.fileExists(atPath: truthPath) else { fail("\(truthPath) not found") }

        // Parse (not part of the import figure), split by date.
        progress("reading \(file("petitions.jsonl"))")
        var ((records, backlogRecords), parseSeconds) = try timed {
            (try RecordFile.records(path: file("petitions.jsonl")), try RecordFile.records(path: file("backlog.jsonl")))
        }
        var dated: [(key: String, record: RawRecord)] = []
        dated.reserveCapacity(records.count)
        for record in records {
            guard case let .success(fields) = record.fields,
                  let petition = try? RecordDecoding.petition(from: fields) else { continue }
            dated.append((petition.receivedAt.description + "\u{1}" + petition.id, record))
        }
        dated.sort { $0.key < $1.key }
        let late = max(1, dated.count / 100)
        var early = Array(dated.prefix(dated.count - late).map(\.record))
        let latest = Array(dated.suffix(late).map(\.record))
        let petitionCount = records.count, backlogCount = backlogRecords.count
        // Only `early` and `latest` are kept: the job's memory is measured in this process.
        dated = []
        records = []
        progress("\(petitionCount) petitions (\(early.count) + latest \(latest.count) by received_at), \(backlogRecords.count) backlog cases")

        let scratch = try ScratchDirectory(prefix: "petition-bench-dedup", base: options.string("tmp"))
        let keep = options.flag("keep")
        defer { if !keep { scratch.remove() } }
        let dbPath = scratch.file("dedup.sqlite")
        let store = try PetitionStore(path: dbPath)
        let sqliteVersion = try store.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") } ?? "?"

        var rejected = 0
        func importPhase(_ rows: [RawRecord], kind: Importer.Kind, label: String) throws -> Phase {
            Memory.resetPeak()
            let startRSS = Memory.currentResident() ?? 0
            let importer = Importer(store: store, derivedData: kind == .petitions ? try ProfileWriter() : nil)
            progress("importing \(rows.count) \(label)")
            let (summary, seconds) = try timed {
                try importer.importRecords(rows, kind: kind) { done, total in
                    if done % 20000 == 0 { progress("  \(done)/\(total)") }
                }
            }
            rejected += summary.rejected.count
            let phase = Phase(rows: rows.count, seconds: seconds, rowsPerSecond: Double(rows.count) / seconds,
                              peakResidentBytes: Memory.peakResident(), startResidentBytes: startRSS)
            progress(String(format: "  %.0f rows/s, %.1f s", phase.rowsPerSecond, seconds))
            return phase
        }
        func dedup(full: Bool, label: String) throws -> Run {
            Memory.resetPeak()
            let startRSS = Memory.currentResident() ?? 0
            let job = DedupJob(store: store)
            let petitions = try store.petitionCount()
            progress("dedup \(full ? "--full" : "(incremental)") over \(petitions) petitions: \(label)")
            var done = 0, total = 0
            let runStart = nowNanoseconds()
            var lastReport = runStart
            var stopped = false
            let summary = try job.run(full: full, progress: { d, t in
                done = d; total = t
                let now = nowNanoseconds()
                if now - lastReport > 10_000_000_000 || d == t {
                    lastReport = now
                    progress(String(format: "  %d/%d scored, %.0f s", d, t, Double(now - runStart) / 1e9))
                }
            }, shouldStop: {
                guard let stopAfter else { return false }
                if Double(nowNanoseconds() - runStart) / 1e9 > stopAfter { stopped = true }
                return stopped
            })
            let seconds = Double(nowNanoseconds() - runStart) / 1e9
            let run = Run(petitions: petitions, seconds: seconds, peakResidentBytes: Memory.peakResident(),
                          startResidentBytes: startRSS, scored: summary.scored, newMatters: summary.newMatters, repeats: summary.repeats,
                          matters: summary.matters, classes: summary.classes, backlogLinks: summary.backlogLinks,
                          escalations: summary.escalations, stopped: stopped, progressDone: done, progressTotal: total,
                          phases: summary.phases)
            progress(String(format: "  %.2f s, peak %@ MB, %d matters, %d classes, %d backlog links%@", seconds,
                            formatMB(run.peakResidentBytes), run.matters, run.classes, run.backlogLinks,
                            stopped ? " (STOPPED after \(summary.scored) scored)" : ""))
            return run
        }
        func quality(_ label: String) throws -> (Quality, Int) {
            let path = scratch.file("clusters-\(label).jsonl")
            try ClusterExport.write(store: store, to: path)
            let truth = try Truth(jsonl: truthPath)
            let (clusters, backlog, unknown) = try readClusterExport(path, truth: truth)
            try? FileManager.default.removeItem(atPath: path)
            let quality = Quality(clusters: clusters, backlog: backlog, truth: truth)
            progress(String(format: "  %@: P %.3f R %.3f F1 %.3f, class false pairs %d, backlog recall %@, wrongly linked %d",
                            label, quality.precision, quality.recall, quality.f1, quality.classFalsePairs,
                            formatPercent(quality.backlogRecall), quality.backlogWrong ?? 0))
            return (quality, unknown)
        }

        let importBacklog = try importPhase(backlogRecords, kind: .backlogCases, label: "backlog cases")
        let import99 = try importPhase(early, kind: .petitions, label: "petitions (earliest 99 %)")
        early = []
        backlogRecords = []
        Memory.releaseFreed()
        let fullRun99 = try dedup(full: true, label: "earliest 99 %")
        let import1 = try importPhase(latest, kind: .petitions, label: "petitions (latest 1 %)")
        let incremental = try dedup(full: false, label: "latest 1 % on top of the 99 % run")
        let (qualityIncremental, _) = try quality("after-incremental")
        Memory.releaseFreed()
        let fullRun100 = try dedup(full: true, label: "all petitions")
        let (quality, unknown) = try quality("full")
        let importAllSeconds = import99.seconds + import1.seconds
        let importAll = Phase(rows: import99.rows + import1.rows, seconds: importAllSeconds,
                              rowsPerSecond: Double(import99.rows + import1.rows) / importAllSeconds,
                              peakResidentBytes: max(import99.peakResidentBytes, import1.peakResidentBytes),
                              startResidentBytes: import99.startResidentBytes)

        let report = Report(
            machine: Machine.describe(sqliteVersion: sqliteVersion), corpus: corpusDirectory, petitions: petitionCount,
            backlogCases: backlogCount, parseSeconds: parseSeconds, importBacklog: importBacklog,
            import99: import99, import1: import1, importAll: importAll, rejected: rejected, fullRun99: fullRun99,
            incrementalRun1: incremental, fullRun100: fullRun100, databaseBytes: fileSize(dbPath),
            quality: quality, qualityAfterIncremental: qualityIncremental, unknownIDsInClusters: unknown,
            totalSeconds: Double(nowNanoseconds() - started) / 1e9)
        try writeJSON(report, to: outPath)
        print(markdown(report))
        if keep { progress("kept the database: \(dbPath)") }
    }

    static func markdown(_ r: Report) -> String {
        var timing = MarkdownTable("phase", "rows", "seconds", "rows/s", "peak RSS (MB)", "RSS at start (MB)",
                                   "peak − start (MB)", "split (s)")
        func phase(_ label: String, _ p: Phase) {
            timing.add(label, "\(p.rows)", String(format: "%.2f", p.seconds), formatCount(p.rowsPerSecond),
                       formatMB(p.peakResidentBytes), formatMB(p.startResidentBytes),
                       formatMB(p.peakResidentBytes - p.startResidentBytes))
        }
        func run(_ label: String, _ run: Run) {
            timing.add(label + (run.stopped ? " **(stopped: \(run.scored) scored of \(run.progressTotal))**" : ""),
                       "\(run.scored) scored of \(run.petitions)", String(format: "%.2f", run.seconds),
                       formatCount(Double(run.scored) / run.seconds), formatMB(run.peakResidentBytes),
                       formatMB(run.startResidentBytes), formatMB(run.peakResidentBytes - run.startResidentBytes),
                       run.phases.map { String(format: "%@ %.1f", $0.name, $0.seconds) }.joined(separator: ", "))
        }
        phase("import, earliest 99 % (with profiles)", r.import99)
        phase("import, latest 1 %", r.import1)
        phase("**import, all petitions** (both imports)", r.importAll)
        phase("import backlog cases", r.importBacklog)
        run("dedup --full, earliest 99 %", r.fullRun99)
        run("**dedup incremental, latest 1 %**", r.incrementalRun1)
        run("**dedup --full, all petitions**", r.fullRun100)

        var quality = MarkdownTable("clustering", "precision", "recall", "F1", "predicted pairs", "true pairs",
                                    "truth pairs", "class false pairs", "backlog recall", "matters (multi)")
        func add(_ label: String, _ q: Quality) {
            quality.add(label, formatFraction(q.precision), formatFraction(q.recall), formatFraction(q.f1),
                        "\(q.predictedPairs)", "\(q.truePairs)", "\(q.truthPairs)", "\(q.classFalsePairs)",
                        "\(formatPercent(q.backlogRecall)) (\(q.backlogHits ?? 0)/\(q.backlogPetitions ?? 0))",
                        "\(q.clusters) (\(q.multiPetitionClusters))")
        }
        add("**full run**", r.quality)
        add("99 % full + 1 % incremental", r.qualityAfterIncremental)
        let f = r.fullRun100
        return """
            # petition-bench dedup: nightly job, \(r.petitions) petitions

            \(machineMarkdown(r.machine))
            - corpus: `\(r.corpus)`, \(r.petitions) petitions, \(r.backlogCases) backlog cases, \(r.rejected) rejected; \
            parsing the JSONL took \(String(format: "%.1f", r.parseSeconds)) s (not in the import figures); \
            database \(formatMB(r.databaseBytes)) MB
            - full run: \(f.matters) matters, \(f.classes) class cases, \(f.backlogLinks) backlog links, \
            \(f.escalations) escalations

            \(timing.text)

            Peak RSS is the whole process's (VmHWM, reset at the start of each phase). The parsed records
            are dropped once imported, so the dedup runs' RSS at start is little more than the process
            itself; *peak − start* is what the phase added.

            Quality against `truth.jsonl` (pairs of petitions in one matter; *class false pairs*: predicted pairs \
            whose petitions are in one truth class case but different truth matters; *backlog recall*: petitions \
            with a truth backlog case whose matter carries that case):

            \(quality.text)

            """
    }
}
