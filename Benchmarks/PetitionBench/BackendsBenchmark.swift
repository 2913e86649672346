// petition-bench backends: SQLite and PostgreSQL side by side on the same
// corpus in one run: import rate (with profiles), the nightly job, intake-check
// latency, search latency, and a one-city nightly run on two partition sizes.

import Foundation
import PetitionBackends
import PetitionDedup
import PetitionPostgres
import PetitionModel
import PetitionStore
import PetitionText

enum BackendsBenchmark {
    static let name = "backends"
    static let summary = "SQLite against PostgreSQL: import rate, dedup, check p99, search median"
    static let usage = """
        usage: petition-bench backends --corpus DIR --postgres URL --out FILE.json [options]
          --corpus DIR        directory holding petitions.jsonl, backlog.jsonl (petition-corpus)
          --postgres URL      a PostgreSQL server's maintenance database (postgres://postgres@127.0.0.1:5432/postgres);
                              the run works in a scratch database it creates and drops
          --out FILE.json     every figure as JSON (the Markdown report goes to stdout)
          --checks N          petitions held back and checked (default 1000)
          --queries N         search queries, terms sampled from the stored titles (default 200)
          --tmp DIR           where the SQLite file goes (default: the system temporary directory)
          --sqlite-store PATH --postgres-store URL
                              measure check, search and the city runs on these two stores, which already hold the
                              corpus imported and deduplicated, instead of importing it (import and dedup not measured)
          --keep              keep the SQLite file and the PostgreSQL database this run built (their places are
                              printed), to measure again with --sqlite-store and --postgres-store
        """

    struct BackendFigures: Codable {
        var backend: String
        var importSeconds: Double
        var importPerSecond: Double
        var dedupSeconds: Double
        var check: Summary
        var search: Summary
        /// One city's nightly run (`dedup --full --region`), by the city's petitions (PostgreSQL only).
        var regionRuns: [RegionRun] = []
    }

    struct RegionRun: Codable {
        var city: String
        var petitions: Int
        var seconds: Double
    }

    struct Report: Codable {
        var benchmark = BackendsBenchmark.name
        var machine: Machine
        var corpus: String
        var storedPetitions: Int
        var checks: Int
        var queries: Int
        var backends: [BackendFigures]
        var totalSeconds: Double
        /// The stores given with --sqlite-store and --postgres-store: import and dedup were not measured.
        var reusedStores: [String]? = nil
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "postgres", "out", "checks", "queries", "tmp", "sqlite-store",
                                                "postgres-store"], flags: ["keep"])
        let corpusDirectory = options.required("corpus")
        let reused = options.string("sqlite-store").flatMap { sqlite in options.string("postgres-store").map { (sqlite, $0) } }
        let server = reused == nil ? options.required("postgres") : ""
        let outPath = options.required("out")
        let requested = options.int("checks", default: 1000)
        let queryCount = options.int("queries", default: 200)
        let started = nowNanoseconds()
        func file(_ name: String) -> String { (corpusDirectory as NSString).appendingPathComponent(name) }

        let records = try RecordFile.records(path: file("petitions.jsonl"))
        let backlog = try RecordFile.records(path: file("backlog.jsonl"))
        let step = max(1, records.count / requested)
        var stored: [RawRecord] = [], heldBack: [Petition] = [], titles: [String] = []
        for (offset, record) in records.enumerated() {
            guard case let .success(fields) = record.fields else { continue }
            if offset % step == step - 1, heldBack.count < requested {
                heldBack.append(try RecordDecoding.petition(from: fields))
            } else {
                stored.append(record)
                if let title = fields["title"] as? String { titles.append(title) }
            }
        }
        let queries = sampleQueries(titles, count: queryCount)
        progress("\(stored.count) petitions stored, \(heldBack.count) held back, \(queries.count) queries")

        let scratch = try ScratchDirectory(prefix: "petition-bench-backends", base: options.string("tmp"))
        let keep = options.flag("keep")
        defer { if !keep { scratch.remove() } }
        let database = reused == nil ? try PostgresScratchDatabase(server: server, prefix: "petition_bench") : nil
        defer {
            if keep, let database {
                database.keep()
                progress("kept: --sqlite-store \(scratch.file("bench.sqlite")) --postgres-store \(database.url)")
            } else {
                database?.drop()
            }
        }
        var figures: [BackendFigures] = []
        let locations = reused.map { [("sqlite", $0.0), ("postgres", $0.1)] }
            ?? [("sqlite", scratch.file("bench.sqlite")), ("postgres", database!.url)]
        for (backend, location) in locations {
            let store = try StoreOpener.open(location, creating: reused == nil)
            defer { (store as? PostgresStore)?.close() }
            var importSeconds = 0.0, dedupSeconds = 0.0
            if reused == nil {
                (_, importSeconds) = try timed {
                    _ = try Importer(store: store).importRecords(backlog, kind: .backlogCases)
                    _ = try Importer(store: store, derivedData: try ProfileWriter()).importRecords(stored, kind: .petitions)
                }
                progress(String(format: "%@: import %.1f s (%.0f/s)", backend, importSeconds,
                                Double(stored.count) / importSeconds))
                (_, dedupSeconds) = try timed { _ = try DedupJob(store: store).run(full: true) }
                progress(String(format: "%@: dedup --full %.1f s", backend, dedupSeconds))
            }

            let checker = try IntakeChecker(store: store)
            for petition in heldBack.prefix(50) { _ = try checker.check(petition) }
            var checkLatencies: [Double] = []
            for petition in heldBack { checkLatencies.append(try timed { try checker.check(petition) }.seconds) }
            let check = Summary(checkLatencies)
            progress(String(format: "%@: check p50 %.2f ms, p99 %.2f ms", backend, check.median * 1000, check.p99 * 1000))

            var searchLatencies: [Double] = []
            for query in queries {
                var request = SearchRequest(query: query)
                request.limit = 20
                _ = try store.search(request)
                searchLatencies.append(medianOf(try (0..<3).map { _ in try timed { try store.search(request) }.seconds }))
            }
            let search = Summary(searchLatencies)
            progress(String(format: "%@: search median %.2f ms, p99 %.2f ms", backend, search.median * 1000,
                            search.p99 * 1000))
            var entry = BackendFigures(backend: backend, importSeconds: importSeconds,
                                       importPerSecond: importSeconds > 0 ? Double(stored.count) / importSeconds : 0,
                                       dedupSeconds: dedupSeconds,
                                       check: check, search: search)
            if let postgres = store as? PostgresStore {
                entry.regionRuns = try regionRuns(postgres)
            }
            figures.append(entry)
        }

        let report = Report(machine: Machine.describe(sqliteVersion: "system"), corpus: corpusDirectory,
                            storedPetitions: stored.count, checks: heldBack.count, queries: queries.count,
                            backends: figures, totalSeconds: Double(nowNanoseconds() - started) / 1e9,
                            reusedStores: reused.map { [$0.0, $0.1] })
        try writeJSON(report, to: outPath)
        print(markdown(report))
    }

    /// A one-city run on the largest and the smallest city partitions with at
    /// least 1 % of the petitions: its time should follow the partition's size.
    static func regionRuns(_ store: PostgresStore) throws -> [RegionRun] {
        let sizes = try store.cityPartitionSizes().filter { !$0.city.isEmpty }
        let total = sizes.reduce(0) { $0 + $1.petitions }
        let eligible = sizes.filter { $0.petitions * 100 >= total }.sorted { $0.petitions > $1.petitions }
        guard let largest = eligible.first, let smallest = eligible.last, largest.city != smallest.city else { return [] }
        return try [largest, smallest].map { partition in
            let regional: PostgresStore = try store.scoped(toCity: partition.city)
            let (_, seconds) = try timed { _ = try DedupJob(store: regional).run(full: true) }
            progress(String(format: "postgres: dedup --full --region %@ (%d petitions) %.1f s", partition.city,
                            partition.petitions, seconds))
            return RegionRun(city: partition.city, petitions: partition.petitions, seconds: seconds)
        }
    }

    /// Two-to-four-character Chinese substrings of the titles, and some pairs of them.
    static func sampleQueries(_ titles: [String], count: Int) -> [SearchQuery] {
        var random = SeededRandom(seed: 2026)
        var queries: [SearchQuery] = []
        var attempts = 0
        while queries.count < count, attempts < count * 100, !titles.isEmpty {
            attempts += 1
            let scalars = Array(titles[random.int(titles.count)].unicodeScalars)
            let length = 2 + random.int(3)
            guard scalars.count > length else { continue }
            let start = random.int(scalars.count - length)
            let slice = scalars[start..<start + length]
            guard slice.allSatisfy({ CharacterClass($0.value) == .han }) else { continue }
            var text = String(String.UnicodeScalarView(slice))
            if queries.count % 4 == 3, let other = queries.last?.groups.first?.first?.source { text += " " + other }
            if let query = try? SearchQuery(parsing: text) { queries.append(query) }
        }
        return queries
    }

    static func markdown(_ report: Report) -> String {
        var lines = ["## SQLite and PostgreSQL side by side", "",
                     report.reusedStores == nil
                         ? "\(report.storedPetitions) petitions stored, \(report.checks) checks, \(report.queries) queries; one run."
                         : "Stores reused, holding the whole corpus (\(report.storedPetitions + report.checks) petitions; a checked "
                           + "petition is not its own candidate); \(report.checks) checks, \(report.queries) queries; one run; "
                           + "import and dedup not measured.", ""]
        var table = MarkdownTable("figure")
        table.header = ["figure"] + report.backends.map(\.backend) + ["PostgreSQL / SQLite"]
        func row(_ name: String, _ value: (BackendFigures) -> Double, _ format: (Double) -> String) {
            let values = report.backends.map(value)
            let ratio = values.count == 2 && values[0] > 0 ? String(format: "%.2f×", values[1] / values[0]) : ""
            // Zero: not measured (stores reused).
            table.rows.append([name] + values.map { $0 > 0 ? format($0) : "—" } + [ratio])
        }
        row("import, petitions/s", \.importPerSecond) { String(format: "%.0f", $0) }
        row("dedup --full, s", \.dedupSeconds) { String(format: "%.1f", $0) }
        row("check p50, ms", { $0.check.median }, formatMilliseconds)
        row("check p99, ms", { $0.check.p99 }, formatMilliseconds)
        row("search median, ms", { $0.search.median }, formatMilliseconds)
        row("search p99, ms", { $0.search.p99 }, formatMilliseconds)
        lines.append(table.text)
        for backend in report.backends where !backend.regionRuns.isEmpty {
            lines += ["", "One city's nightly run (`dedup --full --region`) on \(backend.backend):", ""]
            var regions = MarkdownTable("city", "petitions", "seconds", "ms per petition")
            for run in backend.regionRuns {
                regions.rows.append([run.city, String(run.petitions), String(format: "%.1f", run.seconds),
                                     String(format: "%.2f", run.seconds * 1000 / Double(max(1, run.petitions)))])
            }
            lines.append(regions.text)
        }
        return lines.joined(separator: "\n")
    }
}
