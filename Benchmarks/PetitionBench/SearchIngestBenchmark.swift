// petition-bench search-ingest: FTS5 ingest speed and index size of our
// tokenizer against SQLite's trigram and unicode61, then search latency of our
// index against trigram and a full substring scan of an ordinary table.

import Foundation
import GRDB
import GRDBSQLite
import PetitionModel
import PetitionStore
import PetitionText

enum SearchIngestBenchmark {
    static let name = "search-ingest"
    static let summary = "FTS5 ingest (ours, trigram, unicode61) and search latency (ours, trigram, full scan)"
    static let usage = """
        usage: petition-bench search-ingest --corpus DIR --out FILE.json [options]
          --corpus DIR        directory holding petitions.jsonl (from petition-corpus)
          --out FILE.json     where to write every figure as JSON (the Markdown report goes to stdout)
          --queries N         size of the query mix, spread over 5 classes (default 100)
          --repetitions R     timed runs of every query per engine, after one warm-up pass (default 3)
          --seed S            seed of the query mix (default 42)
          --limit ROWS        use only the first ROWS petitions
          --tmp DIR           where the scratch databases go (default: the system temporary directory)
          --ingest-only T     ingest with tokenizer T only (petition_zh, trigram, unicode61, plain), no
                              warm-up, no search: for profilers (perf, valgrind --tool=callgrind)
        """

    // MARK: Engines and figures

    enum Tokenizer: String, CaseIterable, Codable {
        case ours = "petition_zh", trigram, unicode61, plain

        var label: String {
            switch self {
            case .ours: "ours (petition_zh)"
            case .trigram: "trigram"
            case .unicode61: "unicode61"
            case .plain: "no index (plain table)"
            }
        }

        var createSQL: String {
            switch self {
            case .plain: "CREATE TABLE t(rowid INTEGER PRIMARY KEY, title TEXT, content TEXT, respondent TEXT)"
            default: "CREATE VIRTUAL TABLE t USING fts5(title, content, respondent, tokenize='\(rawValue)')"
            }
        }
    }

    struct IngestResult: Codable {
        var tokenizer: String
        var rows: Int
        var inputBytes: Int
        var warmupRows: Int
        /// Inserts and commit, one transaction.
        var seconds: Double
        var rowsPerSecond: Double
        var megabytesPerSecond: Double
        var checkpointSeconds: Double
        /// Database file after `PRAGMA wal_checkpoint(TRUNCATE)`.
        var databaseBytes: Int
        var walBytesAfterCheckpoint: Int
        var databaseBytesPerInputByte: Double
        var peakResidentBytes: Int
    }

    enum QueryClass: String, CaseIterable, Codable {
        case twoChar = "two_char", term = "term_3_6", person, estate, twoTerms = "two_terms"

        var label: String {
            switch self {
            case .twoChar: "2-char word"
            case .term: "3–6 char term"
            case .person: "person name"
            case .estate: "estate name"
            case .twoTerms: "two terms"
            }
        }
    }

    enum Engine: String, CaseIterable, Codable {
        case ours, trigram, scan
    }

    struct Query: Codable {
        var text: String
        var queryClass: QueryClass
        /// FTS5 expression given to our table (from SearchQuery + FTS5Expression).
        var oursMatch: String
        /// FTS5 expression given to the trigram table.
        var trigramMatch: String
        var terms: [String]
        /// Some term has fewer than 3 characters: trigram cannot answer.
        var hasShortTerm: Bool
    }

    struct EngineTiming: Codable {
        /// Per-query median seconds of the top-20 fetch (rowids ORDER BY bm25 LIMIT 20; the scan fetches all).
        var topSeconds: Double
        /// Per-query median seconds of count(*) (the scan's count is its fetch: same number).
        var countSeconds: Double
        var count: Int
    }

    struct QueryResult: Codable {
        var query: Query
        var ours: EngineTiming
        var trigram: EngineTiming
        var scan: EngineTiming
        /// Rows ours finds that trigram does not.
        var trigramMissed: Int
        /// Rows trigram finds that ours does not.
        var trigramExtra: Int
        /// Rows the exact substring scan finds that ours does not (should be 0).
        var oursMissedVsScan: Int
        /// Rows ours finds that the scan does not (Traditional/full-width folding).
        var oursExtraVsScan: Int
    }

    struct ClassSummary: Codable {
        var queryClass: String
        var queries: Int
        var top: [String: Summary]
        var count: [String: Summary]
        var meanHits: [String: Double]
        var trigramAnswered: Int
        var trigramMissedRows: Int
        /// Rows trigram returns that do not match: with a short term in an AND, trigram drops that term.
        var trigramExtraRows: Int
        var oursMissedVsScanRows: Int
        var oursExtraVsScanRows: Int
        /// Median scan time / median ours time.
        var speedupTopVsScan: Double
        var speedupCountVsScan: Double
        var speedupTopP99VsScan: Double
    }

    struct Report: Codable {
        var benchmark = SearchIngestBenchmark.name
        var machine: Machine
        var corpus: String
        var rows: Int
        var inputBytes: Int
        var loadSeconds: Double
        var loadPeakResidentBytes: Int
        var querySeed: UInt64
        var repetitions: Int
        var ingest: [IngestResult]
        var classes: [ClassSummary]
        var overall: ClassSummary
        var queries: [QueryResult]
        var searchPeakResidentBytes: Int
        var peakResidentBytes: Int
        var totalSeconds: Double
    }

    // MARK: Running

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "out", "queries", "repetitions", "seed", "limit", "tmp",
                                                 "ingest-only"])
        let corpusDirectory = options.required("corpus")
        let outPath = options.required("out")
        let queryCount = options.int("queries", default: 100)
        let repetitions = options.int("repetitions", default: 3)
        let seed = UInt64(options.string("seed") ?? "42") ?? 42
        let limit = options.string("limit").flatMap { Int($0) }
        let started = nowNanoseconds()
        var overallPeak = 0

        // 1. Load.
        Memory.resetPeak()
        let jsonl = (corpusDirectory as NSString).appendingPathComponent("petitions.jsonl")
        progress("loading \(jsonl)")
        let (corpus, loadSeconds) = try timed { try PetitionCorpus(jsonl: jsonl, limit: limit) }
        let loadPeak = Memory.peakResident()
        overallPeak = max(overallPeak, loadPeak)
        progress("\(corpus.count) petitions, \(formatMB(corpus.textBytes)) MB of text, \(String(format: "%.1f", loadSeconds)) s")

        let scratch = try ScratchDirectory(prefix: "petition-bench", base: options.string("tmp"))
        defer { scratch.remove() }

        if let name = options.string("ingest-only") {
            guard let tokenizer = Tokenizer(rawValue: name) else { fail("unknown tokenizer \(name)") }
            let path = scratch.file("\(tokenizer.rawValue).sqlite")
            let queue = try openDatabase(path)
            var result = try ingestRows(corpus, rows: corpus.count, into: queue, tokenizer: tokenizer)
            try queue.close()
            result.databaseBytes = fileSize(path)
            result.peakResidentBytes = Memory.peakResident()
            try writeJSON(result, to: outPath)
            print(String(format: "%@: %d rows, %.0f rows/s, %.2f MB/s, %.2f s, %@ MB", name, result.rows,
                         result.rowsPerSecond, result.megabytesPerSecond, result.seconds, formatMB(result.databaseBytes)))
            return
        }

        // 2. Ingest, each tokenizer after a small warm-up.
        var ingest: [IngestResult] = []
        var queues: [Tokenizer: DatabaseQueue] = [:]
        for tokenizer in Tokenizer.allCases {
            let warmupRows = min(2000, corpus.count)
            do {
                let warmupPath = scratch.file("warmup-\(tokenizer.rawValue).sqlite")
                let queue = try openDatabase(warmupPath)
                _ = try ingestRows(corpus, rows: warmupRows, into: queue, tokenizer: tokenizer)
                try queue.close()
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: warmupPath + suffix) }
            }
            progress("ingesting \(corpus.count) rows with \(tokenizer.label)")
            Memory.resetPeak()
            let path = scratch.file("\(tokenizer.rawValue).sqlite")
            let queue = try openDatabase(path)
            var result = try ingestRows(corpus, rows: corpus.count, into: queue, tokenizer: tokenizer)
            result.warmupRows = warmupRows
            result.peakResidentBytes = Memory.peakResident()
            overallPeak = max(overallPeak, result.peakResidentBytes)
            result.databaseBytes = fileSize(path)
            result.walBytesAfterCheckpoint = fileSize(path + "-wal")
            result.databaseBytesPerInputByte = Double(result.databaseBytes) / Double(max(1, corpus.textBytes))
            progress(String(format: "  %.0f rows/s, %.1f MB/s, %.1f s, %@ MB", result.rowsPerSecond,
                            result.megabytesPerSecond, result.seconds, formatMB(result.databaseBytes)))
            ingest.append(result)
            if tokenizer == .unicode61 {
                try queue.close()   // not searched: a run of Hanzi is one token, it finds no Chinese word
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            } else {
                queues[tokenizer] = queue
            }
        }
        let sqliteVersion = try queues[.ours]!.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") } ?? "?"

        // 3. Search.
        Memory.resetPeak()
        progress("drawing \(queryCount) queries (seed \(seed))")
        let queries = try drawQueries(corpus, count: queryCount, seed: seed)
        progress("timing \(queries.count) queries × \(repetitions) runs per engine")
        let results = try measureSearch(queries, ours: queues[.ours]!, trigram: queues[.trigram]!,
                                        scan: queues[.plain]!, repetitions: repetitions)
        let searchPeak = Memory.peakResident()
        overallPeak = max(overallPeak, searchPeak)
        for queue in queues.values { try queue.close() }

        let classes = QueryClass.allCases.map { queryClass in
            summarize(queryClass.rawValue, results.filter { $0.query.queryClass == queryClass })
        }
        let report = Report(
            machine: Machine.describe(sqliteVersion: sqliteVersion), corpus: corpusDirectory, rows: corpus.count,
            inputBytes: corpus.textBytes, loadSeconds: loadSeconds, loadPeakResidentBytes: loadPeak,
            querySeed: seed, repetitions: repetitions, ingest: ingest, classes: classes,
            overall: summarize("all", results), queries: results, searchPeakResidentBytes: searchPeak,
            peakResidentBytes: overallPeak, totalSeconds: Double(nowNanoseconds() - started) / 1e9)
        try writeJSON(report, to: outPath)
        print(markdown(report))
        progress("wrote \(outPath) in \(String(format: "%.0f", report.totalSeconds)) s")
    }

    // MARK: Databases

    static func openDatabase(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            db.add(tokenizer: ChineseTokenizer.self)
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Creates table `t` and inserts rows 0..<rows in one transaction with one
    /// prepared statement whose text is bound straight from the arena.
    static func ingestRows(_ corpus: PetitionCorpus, rows: Int, into queue: DatabaseQueue,
                           tokenizer: Tokenizer) throws -> IngestResult {
        try queue.inDatabase { db in
            try db.execute(sql: tokenizer.createSQL)
            let bytes = corpus.bounds[3 * rows] - corpus.bounds[0]
            let (_, seconds) = try timed {
                try db.inTransaction {
                    let statement = try db.makeStatement(
                        sql: "INSERT INTO t(rowid, title, content, respondent) VALUES (?, ?, ?, ?)")
                    let handle = statement.sqliteStatement
                    try corpus.withArena { arena in
                        let base = UnsafeRawPointer(arena.baseAddress!).assumingMemoryBound(to: CChar.self)
                        for row in 0..<rows {
                            sqlite3_bind_int64(handle, 1, Int64(row + 1))
                            for field in 0..<3 {
                                let start = corpus.bounds[3 * row + field], end = corpus.bounds[3 * row + field + 1]
                                // nil destructor = SQLITE_STATIC: the arena outlives the step.
                                sqlite3_bind_text(handle, Int32(field + 2), base + start, Int32(end - start), nil)
                            }
                            let code = sqlite3_step(handle)
                            sqlite3_reset(handle)
                            if code != SQLITE_DONE {
                                throw BenchError("insert of row \(row + 1) failed: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                            }
                        }
                    }
                    return .commit
                }
            }
            let (_, checkpointSeconds) = try timed { try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            return IngestResult(
                tokenizer: tokenizer.rawValue, rows: rows, inputBytes: bytes, warmupRows: 0, seconds: seconds,
                rowsPerSecond: Double(rows) / seconds, megabytesPerSecond: Double(bytes) / 1e6 / seconds,
                checkpointSeconds: checkpointSeconds, databaseBytes: 0, walBytesAfterCheckpoint: 0,
                databaseBytesPerInputByte: 0, peakResidentBytes: 0)
        }
    }

    // MARK: Query mix

    static func isHan(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterClass($0.value) == .han }
    }

    /// A deterministic query mix drawn from the corpus: one fifth per class.
    static func drawQueries(_ corpus: PetitionCorpus, count: Int, seed: UInt64) throws -> [Query] {
        var random = SeededRandom(seed: seed)
        let segmenter = try WordSegmenter()
        let perClass = max(1, count / QueryClass.allCases.count)
        var texts: [(String, QueryClass)] = []
        var seen = Set<String>()

        func draw(_ queryClass: QueryClass, _ candidate: (inout SeededRandom) -> String?) {
            var found = 0, attempts = 0
            while found < perClass, attempts < perClass * 200 {
                attempts += 1
                if let text = candidate(&random), seen.insert(text).inserted {
                    texts.append((text, queryClass))
                    found += 1
                }
            }
            if found < perClass { progress("only \(found) \(queryClass.label) queries found") }
        }
        func randomWords(_ random: inout SeededRandom) -> [Word] {
            segmenter.words(corpus.string(row: random.int(corpus.count), field: .content))
        }

        draw(.twoChar) { random in
            let words = randomWords(&random).filter { $0.text.unicodeScalars.count == 2 && isHan($0.text) }
            return words.isEmpty ? nil : words[random.int(words.count)].text
        }
        draw(.term) { random in
            // Whole adjacent words from a random word boundary, 3 to 6 characters.
            let words = randomWords(&random)
            guard !words.isEmpty else { return nil }
            var index = random.int(words.count)
            var text = "", end = words[index].range.lowerBound
            while index < words.count, text.unicodeScalars.count < 3, words[index].range.lowerBound == end,
                  isHan(words[index].text) {
                text += words[index].text
                end = words[index].range.upperBound
                index += 1
            }
            return (3...6).contains(text.unicodeScalars.count) ? text : nil
        }
        draw(.person) { random in
            let name = corpus.firstPetitioner[random.int(corpus.count)]
            return name.unicodeScalars.count >= 2 && isHan(name) && !name.contains("某") ? name : nil
        }
        draw(.estate) { random in
            let names = estateNames(in: corpus.string(row: random.int(corpus.count), field: .content))
            return names.isEmpty ? nil : names[random.int(names.count)]
        }
        draw(.twoTerms) { random in
            let words = randomWords(&random).filter { (2...4).contains($0.text.unicodeScalars.count) && isHan($0.text) }
            guard words.count >= 2 else { return nil }
            let first = words[random.int(words.count)].text, second = words[random.int(words.count)].text
            return first == second ? nil : first + " " + second
        }

        return try texts.map { text, queryClass in
            let parsed = try SearchQuery(parsing: text)
            let terms = text.split(separator: " ").map(String.init)
            return Query(text: text, queryClass: queryClass, oursMatch: FTS5Expression.compile(parsed),
                         trigramMatch: terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                             .joined(separator: " "),
                         terms: terms, hasShortTerm: terms.contains { $0.count < 3 })
        }
    }

    /// Housing-estate names in a text: two or four Chinese characters before a
    /// usual two-character estate suffix (阳光小区, 千佛福地华庭), the longer form
    /// when it holds no place or function character (住, 是, 市, 区 …) that would
    /// show it runs into the words before the name (吴中区阳光小区 → 阳光小区;
    /// 幸福西区嘉园 stays whole: 东区 and 西区 occur inside names).
    static func estateNames(in text: String) -> [String] {
        let suffixes: Set<String> = ["小区", "花园", "家园", "嘉园", "名邸", "华庭", "雅居", "新城", "公寓"]
        let stops = Set("住是在于乡镇县市村号的道路街省到与及称为原区區买说司该其楼位了个")
        let districts: Set<Character> = ["区", "區"], eastWest: Set<Character> = ["东", "西", "東"]
        let characters = Array(text)
        func plausible(_ name: ArraySlice<Character>) -> Bool {
            let head = Array(name.dropLast(2))
            for (offset, character) in head.enumerated() where !isHan(String(character)) || stops.contains(character) {
                // 东区 / 西区 as the second syllable of a six-character name.
                let inside: Bool = head.count == 4 && offset == 3 && districts.contains(character)
                    && eastWest.contains(head[2])
                if !inside { return false }
            }
            return true
        }
        var names: [String] = []
        var index = 4
        while index + 1 < characters.count {
            guard suffixes.contains(String(characters[index...index + 1])) else { index += 1; continue }
            let end = index + 2
            if index >= 4, plausible(characters[(end - 6)..<end]) {
                names.append(String(characters[(end - 6)..<end]))
            } else if plausible(characters[(end - 4)..<end]) {
                names.append(String(characters[(end - 4)..<end]))
            }
            index += 2
        }
        return names
    }

    // MARK: Search timing

    static func measureSearch(_ queries: [Query], ours: DatabaseQueue, trigram: DatabaseQueue, scan: DatabaseQueue,
                              repetitions: Int) throws -> [QueryResult] {
        let topSQL = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 20"
        let countSQL = "SELECT count(*) FROM t WHERE t MATCH ?"
        let allSQL = "SELECT rowid FROM t WHERE t MATCH ?"
        func scanSQL(_ terms: Int) -> String {
            "SELECT rowid FROM t WHERE " + (1...terms).map {
                "(instr(content, ?\($0)) > 0 OR instr(title, ?\($0)) > 0 OR instr(respondent, ?\($0)) > 0)"
            }.joined(separator: " AND ")
        }

        /// Warm-up pass, then `repetitions` passes over all queries; per-query medians.
        func time(_ queue: DatabaseQueue, _ engine: Engine) throws -> [EngineTiming] {
            try queue.inDatabase { db in
                func once(_ query: Query) throws -> (top: Double, count: Double, hits: Int) {
                    switch engine {
                    case .ours, .trigram:
                        let match = engine == .ours ? query.oursMatch : query.trigramMatch
                        let top = try timed { try Int64.fetchAll(db.cachedStatement(sql: topSQL), arguments: [match]) }
                        let count = try timed { try Int.fetchOne(db.cachedStatement(sql: countSQL), arguments: [match]) ?? 0 }
                        return (top.seconds, count.seconds, count.result)
                    case .scan:
                        let all = try timed {
                            try Int64.fetchAll(db.cachedStatement(sql: scanSQL(query.terms.count)),
                                               arguments: StatementArguments(query.terms))
                        }
                        return (all.seconds, all.seconds, all.result.count)
                    }
                }
                for query in queries { _ = try once(query) }
                var tops = Array(repeating: [Double](), count: queries.count)
                var counts = tops
                var hits = Array(repeating: 0, count: queries.count)
                for _ in 0..<repetitions {
                    for (index, query) in queries.enumerated() {
                        let run = try once(query)
                        tops[index].append(run.top)
                        counts[index].append(run.count)
                        hits[index] = run.hits
                    }
                }
                return queries.indices.map {
                    EngineTiming(topSeconds: medianOf(tops[$0]), countSeconds: medianOf(counts[$0]), count: hits[$0])
                }
            }
        }

        progress("  ours")
        let oursTimes = try time(ours, .ours)
        progress("  trigram")
        let trigramTimes = try time(trigram, .trigram)
        progress("  full scan")
        let scanTimes = try time(scan, .scan)

        // Result sets, untimed, to count what each engine misses.
        progress("  comparing result sets")
        func rowids(_ queue: DatabaseQueue, _ sql: String, _ arguments: StatementArguments) throws -> Set<Int64> {
            try queue.inDatabase { Set(try Int64.fetchAll($0.cachedStatement(sql: sql), arguments: arguments)) }
        }
        return try queries.indices.map { index in
            let query = queries[index]
            let oursSet = try rowids(ours, allSQL, [query.oursMatch])
            let trigramSet = try rowids(trigram, allSQL, [query.trigramMatch])
            let scanSet = try rowids(scan, scanSQL(query.terms.count), StatementArguments(query.terms))
            return QueryResult(
                query: query, ours: oursTimes[index], trigram: trigramTimes[index], scan: scanTimes[index],
                trigramMissed: oursSet.subtracting(trigramSet).count, trigramExtra: trigramSet.subtracting(oursSet).count,
                oursMissedVsScan: scanSet.subtracting(oursSet).count, oursExtraVsScan: oursSet.subtracting(scanSet).count)
        }
    }

    static func summarize(_ name: String, _ results: [QueryResult]) -> ClassSummary {
        func timing(_ engine: Engine, _ result: QueryResult) -> EngineTiming {
            switch engine {
            case .ours: result.ours
            case .trigram: result.trigram
            case .scan: result.scan
            }
        }
        var top: [String: Summary] = [:], count: [String: Summary] = [:], hits: [String: Double] = [:]
        for engine in Engine.allCases {
            top[engine.rawValue] = Summary(results.map { timing(engine, $0).topSeconds })
            count[engine.rawValue] = Summary(results.map { timing(engine, $0).countSeconds })
            hits[engine.rawValue] = results.isEmpty ? 0
                : Double(results.map { timing(engine, $0).count }.reduce(0, +)) / Double(results.count)
        }
        return ClassSummary(
            queryClass: name, queries: results.count, top: top, count: count, meanHits: hits,
            trigramAnswered: results.filter { $0.trigram.count > 0 }.count,
            trigramMissedRows: results.map(\.trigramMissed).reduce(0, +),
            trigramExtraRows: results.map(\.trigramExtra).reduce(0, +),
            oursMissedVsScanRows: results.map(\.oursMissedVsScan).reduce(0, +),
            oursExtraVsScanRows: results.map(\.oursExtraVsScan).reduce(0, +),
            speedupTopVsScan: top["scan"]!.median / top["ours"]!.median,
            speedupCountVsScan: count["scan"]!.median / count["ours"]!.median,
            speedupTopP99VsScan: top["scan"]!.p99 / top["ours"]!.p99)
    }

    // MARK: Report

    static func markdown(_ report: Report) -> String {
        var ingestTable = MarkdownTable("tokenizer", "rows/s", "MB/s", "wall s", "DB MB", "DB bytes / text byte",
                                        "checkpoint s", "peak RSS MB")
        for result in report.ingest {
            let label = Tokenizer(rawValue: result.tokenizer)?.label ?? result.tokenizer
            ingestTable.add(label, String(format: "%.0f", result.rowsPerSecond),
                            String(format: "%.2f", result.megabytesPerSecond), String(format: "%.2f", result.seconds),
                            formatMB(result.databaseBytes), String(format: "%.2f", result.databaseBytesPerInputByte),
                            String(format: "%.2f", result.checkpointSeconds), formatMB(result.peakResidentBytes))
        }

        let all = report.classes + [report.overall]
        func label(_ summary: ClassSummary) -> String {
            QueryClass(rawValue: summary.queryClass)?.label ?? "**all**"
        }
        var latency = MarkdownTable("query class", "n", "ours top-20 med", "p99", "ours count med", "p99",
                                    "trigram top-20 med", "p99", "trigram count med", "p99", "scan med", "p99")
        for summary in all {
            let cells = [summary.top["ours"]!, summary.count["ours"]!, summary.top["trigram"]!,
                         summary.count["trigram"]!, summary.top["scan"]!]
                .flatMap { [formatMilliseconds($0.median), formatMilliseconds($0.p99)] }
            latency.rows.append([label(summary), "\(summary.queries)"] + cells)
        }

        var recall = MarkdownTable("query class", "n", "mean hits ours", "mean hits trigram", "mean hits scan",
                                   "trigram answered", "rows trigram missed", "rows trigram wrongly returned",
                                   "rows ours missed vs scan",
                                   "extra rows ours (folding)")
        for summary in all {
            recall.add(label(summary), "\(summary.queries)", formatCount(summary.meanHits["ours"]!),
                       formatCount(summary.meanHits["trigram"]!), formatCount(summary.meanHits["scan"]!),
                       "\(summary.trigramAnswered)/\(summary.queries)", "\(summary.trigramMissedRows)",
                       "\(summary.trigramExtraRows)",
                       "\(summary.oursMissedVsScanRows)", "\(summary.oursExtraVsScanRows)")
        }

        var speedup = MarkdownTable("query class", "top-20 vs scan (median)", "top-20 vs scan (p99)",
                                    "count vs scan (median)")
        for summary in all {
            speedup.add(label(summary), formatRatio(summary.speedupTopVsScan), formatRatio(summary.speedupTopP99VsScan),
                        formatRatio(summary.speedupCountVsScan))
        }

        return """
            # petition-bench search-ingest

            \(machineMarkdown(report.machine))
            - corpus: \(report.rows) petitions, \(formatMB(report.inputBytes)) MB of UTF-8 text (title + content + respondent), loaded in \(String(format: "%.1f", report.loadSeconds)) s
            - query mix: \(report.queries.count) queries, seed \(report.querySeed); each timed \(report.repetitions)× after a warm-up pass, per-query median, then median and p99 over the queries of a class
            - peak RSS: \(formatMB(report.peakResidentBytes)) MB (load \(formatMB(report.loadPeakResidentBytes)) MB, search \(formatMB(report.searchPeakResidentBytes)) MB); total run \(String(format: "%.0f", report.totalSeconds)) s

            ## Ingest (one transaction, WAL, synchronous NORMAL)

            \(ingestTable.text)

            ## Search latency (ms)

            top-20 = `SELECT rowid … MATCH ? ORDER BY bm25(t) LIMIT 20`; count = `SELECT count(*) … MATCH ?`;
            scan = every matching rowid of an ordinary table by `instr()` on the three columns (it cannot rank, so it has
            no cheaper top-20).

            \(latency.text)

            ## What each engine finds

            Trigram cannot match a term shorter than 3 characters: alone, such a term returns nothing; next to a
            longer term in an AND, trigram drops it and returns every row of the longer term ("rows trigram wrongly
            returned"). The scan is exact substring search on the raw text; ours also finds Traditional and
            full-width spellings, hence its extra rows.

            \(recall.text)

            ## Speed-up of ours over the full scan

            \(speedup.text)
            """
    }
}
