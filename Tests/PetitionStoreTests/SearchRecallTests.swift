import Foundation
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// The text a petition is searchable by, folded as the index folds it; fields
/// are kept apart so that a substring never spans two of them.
private func searchableText(_ object: [String: Any]) -> String {
    let fields = ["title", "content", "respondent"].compactMap { object[$0] as? String }
    return CharacterFolding.standard.fold(fields.joined(separator: "\n"))
}

/// Whether `text` contains the folded term as the index defines containment:
/// a Chinese term anywhere as a substring; a term that starts or ends with a
/// digit or letter only where the number or word starts or ends too.
private func contains(_ text: String, term: String) -> Bool {
    let needle = CharacterFolding.standard.fold(term)
    guard let first = needle.unicodeScalars.first, let last = needle.unicodeScalars.last else { return false }
    let openStart = !CharacterClass(first.value).isWordCharacter
    let openEnd = !CharacterClass(last.value).isWordCharacter
    var searchRange = text.startIndex..<text.endIndex
    while let found = text.range(of: needle, range: searchRange) {
        let before = found.lowerBound == text.startIndex ? nil : text.unicodeScalars[text.unicodeScalars.index(before: found.lowerBound)]
        let after = found.upperBound == text.endIndex ? nil : text.unicodeScalars[found.upperBound]
        let startOK = openStart || before.map { !CharacterClass($0.value).isWordCharacter } ?? true
        let endOK = openEnd || after.map { !CharacterClass($0.value).isWordCharacter } ?? true
        if startOK && endOK { return true }
        searchRange = text.index(after: found.lowerBound)..<text.endIndex
    }
    return false
}

struct Corpus {
    var texts: [String: String] = [:]

    init(path: String) throws {
        let data = try String(contentsOfFile: path, encoding: .utf8)
        for line in data.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String else { continue }
            texts[id] = searchableText(object)
        }
    }

    /// Ids of documents containing every space-separated term.
    func truth(_ query: String) -> Set<String> {
        let terms = query.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        return Set(texts.filter { _, text in terms.allSatisfy { contains(text, term: $0) } }.keys)
    }
}

private struct RecallReport {
    var missed: [(query: String, count: Int)] = []
    var extra: [(query: String, count: Int)] = []
    var checked = 0

    mutating func compare(_ query: String, store: any PetitionStorage, corpus: Corpus) throws {
        let found = Set(try store.matchingIDs(try SearchQuery(parsing: query)))
        let truth = corpus.truth(query)
        checked += 1
        if !truth.subtracting(found).isEmpty { missed.append((query, truth.subtracting(found).count)) }
        if !found.subtracting(truth).isEmpty { extra.append((query, found.subtracting(truth).count)) }
    }
}

/// Traditional forms of common characters, to ask for terms as a Traditional writer would.
private let traditional: [Character: Character] = [
    "访": "訪", "资": "資", "补": "補", "偿": "償", "产": "產", "证": "證", "区": "區", "问": "問", "题": "題",
    "关": "關", "门": "門", "东": "東", "车": "車", "业": "業", "为": "為", "请": "請", "们": "們", "发": "發",
    "长": "長", "书": "書", "办": "辦", "费": "費", "农": "農", "权": "權", "县": "縣", "镇": "鎮", "乡": "鄉",
    "楼": "樓", "号": "號", "单": "單", "钱": "錢", "医": "醫", "学": "學", "纠": "糾", "纷": "紛", "拆": "拆",
    "迁": "遷", "险": "險", "贷": "貸", "网": "網", "无": "無", "电": "電", "话": "話", "处": "處", "务": "務",
]

@Suite("Search recall and precision", .serialized)
struct SearchRecallTests {
    @Test("PostgreSQL backend configured ($PETITION_TEST_POSTGRES)", .enabled(if: Backend.isPostgresConfigured))
    func postgresConfigured() throws {
        let temporary = try BackendStore(.postgres)
        #expect(try temporary.store.petitionCount() == 0)
    }

    /// Terms sampled from documents: runs of 1–6 Chinese characters, and their Traditional forms.
    static func sampledTerms(_ corpus: Corpus, count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(state: seed)
        let documents = corpus.texts.values.sorted()
        var queries: [String] = []
        while queries.count < count {
            let scalars = Array(documents.randomElement(using: &generator)!.unicodeScalars)
            let start = Int.random(in: 0..<scalars.count, using: &generator)
            let length = [1, 2, 2, 2, 3, 3, 4, 5, 6].randomElement(using: &generator)!
            guard start + length <= scalars.count,
                  scalars[start..<start + length].allSatisfy({ CharacterClass($0.value) == .han }) else { continue }
            let term = String(String.UnicodeScalarView(scalars[start..<start + length]))
            queries.append(term)
            let traditionalForm = String(term.map { traditional[$0] ?? $0 })
            if traditionalForm != term { queries.append(traditionalForm) }
        }
        return queries
    }

    @Test("both backends find the same ids: the bundled queries and terms sampled from the real messages",
          .enabled(if: Backend.isPostgresConfigured))
    func sameIDsOnBothBackends() throws {
        let petitions = TestPaths.corpus.appendingPathComponent("petitions.jsonl").path
        let bundled = try String(contentsOfFile: TestPaths.corpus.appendingPathComponent("queries.txt").path, encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (file, fixed) in [(petitions, bundled), (TestPaths.realMessages, ["２０１９", "2019 小区", "物业 噪音", "A市 拆迁"])] {
            let sqlite = try BackendStore(.sqlite), postgres = try BackendStore(.postgres)
            try sqlite.importFile(file)
            try postgres.importFile(file)
            let queries = fixed + Self.sampledTerms(try Corpus(path: file), count: 200, seed: 7)
                + ["房 -证", "\"拖欠 工资\" OR 欠薪 -劳务派遣", "信访 OR 上访 小区"]
            var differing: [String] = []
            for query in queries {
                let parsed = try SearchQuery(parsing: query)
                if Set(try sqlite.store.matchingIDs(parsed)) != Set(try postgres.store.matchingIDs(parsed)) {
                    differing.append(query)
                }
                // The ranked search counts the same rows (its pages are ranked differently: docs/STORAGE.md).
                var request = SearchRequest(query: parsed)
                request.limit = 0
                if try sqlite.store.search(request).total != postgres.store.search(request).total {
                    differing.append("search " + query)
                }
            }
            #expect(queries.count >= 200)
            #expect(differing.isEmpty, "\(file): \(differing.prefix(10))")
        }
    }
    @Test("every query of the bundled corpus finds exactly the petitions that contain it", arguments: Backend.available)
    func bundledCorpus(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let petitions = TestPaths.corpus.appendingPathComponent("petitions.jsonl").path
        let summary = try temporary.importFile(petitions)
        #expect(summary.rejected.isEmpty)
        let corpus = try Corpus(path: petitions)
        let queries = try String(contentsOfFile: TestPaths.corpus.appendingPathComponent("queries.txt").path, encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(queries.count >= 100)
        var report = RecallReport()
        for query in queries { try report.compare(query, store: temporary.store, corpus: corpus) }
        #expect(report.missed.isEmpty, "recall below 1: \(report.missed.prefix(10))")
        #expect(report.extra.isEmpty, "precision below 1: \(report.extra.prefix(10))")
    }

    /// The real messages sit beside the repository (`../shared`), not in it: on a clone alone the test is skipped, and says why.
    static let realMessagesPresent = FileManager.default.fileExists(atPath: TestPaths.realMessages)

    @Test("terms sampled from the real messages, Simplified and Traditional, find exactly their documents",
          .enabled(if: realMessagesPresent, "needs ../shared/corpus-real/messages.jsonl beside the repository"),
          arguments: Backend.available)
    func realMessages(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let summary = try temporary.importFile(TestPaths.realMessages)
        #expect(summary.added == 7636)
        let corpus = try Corpus(path: TestPaths.realMessages)
        var queries = Self.sampledTerms(corpus, count: 300, seed: 2024)
        queries += ["２０１９", "2019 小区", "物业 噪音", "A市 拆迁"]
        var report = RecallReport()
        for query in queries { try report.compare(query, store: temporary.store, corpus: corpus) }
        #expect(report.checked >= 300)
        #expect(report.missed.isEmpty, "recall below 1: \(report.missed.prefix(10))")
        #expect(report.extra.isEmpty, "precision below 1: \(report.extra.prefix(10))")
    }

    @Test("highlights land on the characters the clerk wrote, Traditional included", arguments: Backend.available)
    func highlights(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let path = try temporary.write("one.jsonl", """
            {"id": "T-1", "received_at": "2021-03-10", "title": "反映房產證問題", "content": "信訪人張某反映小區房產證至今未辦理。"}
            """)
        try temporary.importFile(path)
        var request = SearchRequest(query: try SearchQuery(parsing: "房产证"))
        request.limit = 5
        let hit = try #require(try temporary.store.search(request).hits.first)
        #expect(hit.title == "反映\u{1}房產證\u{2}問題")
        #expect(hit.snippet.contains("\u{1}房產證\u{2}"))
    }

    @Test("filters narrow results by region, level, channel, dates and petitioner", arguments: Backend.available)
    func filters(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        try temporary.importFile(TestPaths.fixture("gb18030.csv"))
        func ids(_ configure: (inout SearchRequest) -> Void) throws -> [String] {
            var request = SearchRequest(query: try SearchQuery(parsing: "要求"))
            configure(&request)
            return try temporary.store.search(request).hits.map(\.id).sorted()
        }
        #expect(try ids { _ in } == ["GB-1", "GB-2"])
        #expect(try ids { $0.level = "市级" } == ["GB-1"])
        #expect(try ids { $0.channel = "来访" } == ["GB-2"])
        #expect(try ids { $0.region = "3701" } == ["GB-1"])
        #expect(try ids { $0.region = "济南" } == ["GB-1"])
        #expect(try ids { $0.from = CalendarDate(parsing: "2021-04-01") } == ["GB-2"])
        #expect(try ids { $0.to = CalendarDate(parsing: "2021-03-31") } == ["GB-1"])
        #expect(try ids { $0.petitioner = "370112 19800101 123x" } == ["GB-1"])
        #expect(try ids { $0.petitioner = "13800000000" } == ["GB-1"])
        #expect(try ids { $0.petitioner = "李四" } == ["GB-2"])
        #expect(try ids { $0.category = "劳动和社会保障" } == ["GB-2"])
    }
}
