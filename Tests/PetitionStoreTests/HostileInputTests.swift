import Foundation
import GRDB
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// A hostile or broken input and what the importer must say about it.
private struct HostileCase: CustomStringConvertible, Sendable {
    let name: String
    let file: String
    let contents: Data
    /// The field the rejection must name; nil when the record cannot be read at all.
    let field: String?
    /// Words the message must contain.
    let message: String

    var description: String { name }
}

private func goodRecord() -> [String: Any] { [
    "id": "H-1", "received_at": "2021-03-10", "channel": "来信", "level": "县级",
    "petitioners": [["name": "张伟", "id_number": "370112198001011236", "phone": "13812345678"]],
    "headcount": 1, "title": "反映房产证问题", "content": "信访人反映房产证至今未办理。",
] }

private func line(_ changes: [String: Any?]) -> String {
    var record = goodRecord()
    for (key, value) in changes {
        if let value { record[key] = value } else { record.removeValue(forKey: key) }
    }
    let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

private func jsonCase(_ name: String, _ changes: [String: Any?], field: String?, message: String) -> HostileCase {
    HostileCase(name: name, file: "case.jsonl", contents: Data(line(changes).utf8), field: field, message: message)
}

/// The catalogue: every way a record can be broken that a petition office has
/// seen or an attacker could try.
private let catalogue: [HostileCase] = {
    var cases: [HostileCase] = []
    // Truncated JSON, cut at twenty points of a good line.
    let whole = line([:])
    for cut in stride(from: 5, to: whole.utf8.count - 1, by: max(1, whole.utf8.count / 20)).prefix(20) {
        cases.append(HostileCase(name: "truncated at byte \(cut)", file: "case.jsonl",
                                 contents: Data(whole.utf8.prefix(cut)), field: nil, message: "第 1 行"))
    }
    // Not an object.
    for text in ["[1, 2]", "\"just text\"", "42", "null", "true", "{", "}", "{\"id\": }", "{'id': 'H-1'}", "id,received_at"] {
        cases.append(HostileCase(name: "not an object: \(text)", file: "case.jsonl", contents: Data(text.utf8), field: nil, message: "JSON"))
    }
    // Required fields missing, empty or of the wrong type.
    for (field, values) in [("id", [nil, "", "   ", NSNull(), [1], ["a": 1]] as [Any?]),
                            ("received_at", [nil, "", NSNull(), [2021]] as [Any?]),
                            ("content", [nil, "", "\n\t ", NSNull(), ["信访"], ["text": "x"]] as [Any?])] {
        for value in values {
            cases.append(jsonCase("\(field) = \(String(describing: value))", [field: value],
                                  field: field, message: value is [Any] || value is [String: Any] ? "应为文本" : "缺少必填字段"))
        }
    }
    // Dates that name no real day or are not dates.
    for date in ["2021-02-30", "2021-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "0000-00-00", "1800-01-01",
                 "昨天", "2021", "2021-03", "03/10/2021", "2021年13月1日", "2021-03-10-11", "20210310", "2021.3.32"] {
        cases.append(jsonCase("received_at \(date)", ["received_at": date], field: "received_at", message: "不是有效日期"))
    }
    // Values outside the closed sets.
    for channel in ["传真", "email", "来 信", "LETTER"] {
        cases.append(jsonCase("channel \(channel)", ["channel": channel], field: "channel", message: "取值应为"))
    }
    for level in ["乡级", "部级", "county", "县"] {
        cases.append(jsonCase("level \(level)", ["level": level], field: "level", message: "取值应为"))
    }
    cases.append(jsonCase("headcount \"-1\"", ["headcount": "-1"], field: "headcount", message: "人数超出范围"))
    for headcount in ["很多", "1e99", "3.5", "五"] as [Any] {
        cases.append(jsonCase("headcount \(headcount)", ["headcount": headcount], field: "headcount", message: "应为整数"))
    }
    cases.append(jsonCase("headcount -3", ["headcount": -3], field: "headcount", message: "人数超出范围"))
    cases.append(jsonCase("headcount 2.5", ["headcount": 2.5], field: "headcount", message: "应为整数"))
    cases.append(jsonCase("region_code letters", ["region_code": "37O112"], field: "region_code", message: "行政区划代码"))
    cases.append(jsonCase("region_code SQL", ["region_code": "1' OR '1'='1"], field: "region_code", message: "行政区划代码"))
    // Control characters and NUL in an id (text fields lose theirs, with a warning: see below).
    for control in ["\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}"] {
        cases.append(jsonCase("id with U+\(String(control.unicodeScalars.first!.value, radix: 16))", ["id": "H\(control)1"],
                              field: "id", message: "控制字符"))
    }
    // Ids that would be dangerous anywhere but a bound parameter, or too long.
    for (id, message) in [("'; DROP TABLE petition; --", "空白"), ("XF 1", "空白"), ("XF-1\u{2028}2", "空白"),
                          (String(repeating: "X", count: 65), "过长"), ("\t", "缺少必填字段")] {
        cases.append(jsonCase("id \(id.prefix(20))", ["id": id], field: "id", message: message))
    }
    // Oversized fields.
    cases.append(jsonCase("10 MB content", ["content": String(repeating: "访", count: 3_500_000)], field: "content", message: "过长"))
    cases.append(jsonCase("300 KB title", ["title": String(repeating: "a", count: 300_000)], field: "title", message: "过长"))
    // Broken petitioners.
    for (value, field) in [("[{" as Any, "petitioners"), (5 as Any, "petitioners"), ([1, 2] as Any, "petitioners[0]"),
                           ([["name": ["x"]]] as Any, "petitioners[0].name"), ("{\"name\": \"x\"}" as Any, "petitioners")] {
        cases.append(jsonCase("petitioners \(value)", ["petitioners": value], field: field, message: "petitioners"))
    }
    cases.append(jsonCase("responsible units as a number", ["title": "x", "content": "y", "channel": "网络"], field: "channel", message: "取值应为"))
    // Bytes that are not text.
    cases.append(HostileCase(name: "invalid UTF-8", file: "case.jsonl",
                             contents: Data([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]) + Data("\n".utf8)
                                + Data(line(["id": "OK-utf8"]).utf8),
                             field: nil, message: "编码"))
    // CSV.
    let header = "id,received_at,content\n"
    for (name, body, field, message) in [
        ("CSV missing column", "C-1,2021-03-10\n", nil as String?, "缺少列"),
        ("CSV extra column", "C-1,2021-03-10,内容,多余\n", nil, "列数过多"),
        ("CSV unclosed quote", "C-1,2021-03-10,\"未闭合\n", nil, "引号未闭合"),
        ("CSV bad date", "C-1,2021-02-30,内容\n", "received_at", "不是有效日期"),
        ("CSV empty content", "C-1,2021-03-10,\"\"\n", "content", "缺少必填字段"),
    ] {
        cases.append(HostileCase(name: name, file: "case.csv", contents: Data((header + body).utf8), field: field, message: message))
    }
    return cases
}()

/// Everything stored, to prove a refused record changed nothing.
private func snapshot(_ store: PetitionStore) throws -> [String] {
    try store.read { db in
        try String.fetchAll(db, sql: """
            SELECT id || '|' || record_hash FROM petition
            UNION ALL SELECT petition_rowid || '|' || position || '|' || ifnull(name, '') FROM petitioner
            ORDER BY 1
            """)
    }
}

/// Everything stored, read through the storage protocols alone, for any backend.
private func neutralSnapshot(_ store: any PetitionStorage) throws -> [String] {
    try store.timeline().compactMap { entry -> String? in
        guard let petition = try store.storedPetition(id: entry.id)?.petition else { return nil }
        return ([entry.id, RecordHash.of(petition)] + petition.petitioners.map { $0.name ?? "" }).joined(separator: "|")
    }.sorted()
}

@Suite("Hostile input")
struct HostileInputTests {
    @Test("the catalogue holds more than a hundred hostile inputs")
    func catalogueSize() {
        #expect(catalogue.count >= 100, "\(catalogue.count)")
    }

    @Test("each hostile input is refused with a message naming the record and field, the database unchanged",
          arguments: catalogue)
    fileprivate func refused(_ hostile: HostileCase) throws {
        let temporary = try TemporaryStore()
        try temporary.importFile(try temporary.write("good.jsonl", line(["id": "GOOD-1"])))
        let before = try snapshot(temporary.store)
        let path = temporary.directory.appendingPathComponent(hostile.file).path
        try hostile.contents.write(to: URL(fileURLWithPath: path))
        let summary = try temporary.importFile(path)
        let rejection = try #require(summary.rejected.first, "\(hostile.name): accepted")
        #expect(rejection.line != nil)
        if let field = hostile.field { #expect(rejection.field == field, "\(hostile.name): \(rejection)") }
        #expect(rejection.description.contains(hostile.message), "\(hostile.name): \(rejection)")
        if summary.added == 0 { #expect(try snapshot(temporary.store) == before, "\(hostile.name)") }
        #expect(try temporary.store.isIntact())
    }

    /// The refusal is the importer's, before any backend sees the record; this
    /// holds that no backend stores a piece of what was refused.
    @Test("on PostgreSQL too, a hostile input is refused and leaves the database as it was",
          .enabled(if: Backend.isPostgresConfigured), arguments: catalogue)
    fileprivate func refusedOnPostgres(_ hostile: HostileCase) throws {
        let temporary = try BackendStore(.postgres)
        let good = temporary.directory.appendingPathComponent("good.jsonl")
        try Data(line(["id": "GOOD-1"]).utf8).write(to: good)
        _ = try Importer(store: temporary.store).importRecords(try RecordFile.records(path: good.path), kind: .petitions)
        let before = try neutralSnapshot(temporary.store)
        let path = temporary.directory.appendingPathComponent(hostile.file).path
        try hostile.contents.write(to: URL(fileURLWithPath: path))
        let summary = try Importer(store: temporary.store).importRecords(try RecordFile.records(path: path), kind: .petitions)
        let rejection = try #require(summary.rejected.first, "\(hostile.name): accepted")
        if let field = hostile.field { #expect(rejection.field == field, "\(hostile.name): \(rejection)") }
        #expect(rejection.description.contains(hostile.message), "\(hostile.name): \(rejection)")
        if summary.added == 0 { #expect(try neutralSnapshot(temporary.store) == before, "\(hostile.name)") }
    }

    @Test("control characters in a text field are removed, and a warning names the line, record and field",
          arguments: ["title", "content", "respondent", "category", "petitioners"])
    func controlCharacters(_ field: String) throws {
        let temporary = try TemporaryStore()
        var lines: [String] = []
        for control in ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}"] {
            let value: Any = field == "petitioners" ? [["name": "张\(control)伟"]] : "文本\(control)内容"
            lines.append(line(["id": "C-\(lines.count + 1)", field: value]))
        }
        let summary = try temporary.importFile(try temporary.write("control.jsonl", lines.joined(separator: "\n")))
        #expect(summary.rejected.isEmpty, "\(summary.rejected)")
        #expect(summary.added == 4)
        let expectedField = field == "petitioners" ? "petitioners[0].name" : field
        #expect(summary.warnings.map(\.line) == [1, 2, 3, 4])
        #expect(summary.warnings.map(\.recordID) == ["C-1", "C-2", "C-3", "C-4"])
        #expect(summary.warnings.allSatisfy { $0.field == expectedField && $0.description.contains("控制字符") })
        let stored = try temporary.store.storedPetition(id: "C-2")?.petition
        let text = field == "petitioners" ? stored?.petitioners.first?.name : [
            "title": stored?.title, "content": stored?.content, "respondent": stored?.respondent, "category": stored?.category,
        ][field] ?? nil
        #expect(text == (field == "petitioners" ? "张伟" : "文本内容"))
    }

    @Test("a CSV cell with NUL is stored without it, with a warning")
    func csvNul() throws {
        let temporary = try TemporaryStore()
        let summary = try temporary.importFile(try temporary.write("case.csv", "id,received_at,content\nC-1,2021-03-10,内\u{0}容\n"))
        #expect(summary.added == 1)
        #expect(summary.warnings.first?.field == "content")
        #expect(try temporary.store.storedPetition(id: "C-1")?.petition.content == "内容")
    }

    @Test("odd but valid text is stored faithfully: emoji, mixed scripts, SQL and FTS5 syntax in fields")
    func oddButValid() throws {
        let temporary = try TemporaryStore()
        let content = "😀 Ünïcödé Русский 한국어 "; let title = "\"; DROP TABLE petition; -- NEAR( * AND OR"
        let summary = try temporary.importFile(try temporary.write("odd.jsonl", line(["id": "ODD-1", "content": content + "房产证", "title": title])))
        #expect(summary.added == 1)
        let stored = try temporary.store.read { db in try String.fetchOne(db, sql: "SELECT title FROM petition WHERE id = 'ODD-1'") }
        #expect(stored == title)
        #expect(try temporary.store.matchingIDs(.init(parsing: "Русский")) == ["ODD-1"])
    }
}

/// Iterations of each fuzz test: bounded in CI, larger on request
/// (`FUZZ_ITERATIONS=100000 swift test --filter FuzzTests`).
private func fuzzIterations(_ default: Int) -> Int {
    ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? `default`
}

@Suite("Fuzzing (fixed seed, bounded)")
struct FuzzTests {
    @Test("the analyzer keeps offsets inside the text and in order on random input")
    func analyzer() throws {
        var generator = SeededGenerator(state: 11)
        let alphabet = Array("信访人房产证２０１５ＡｂＣ 12345-+86,.。，、\"*()㈠①ǅﬁ😀\u{0}\u{7}\n") + ["\u{FFFD}", "\u{E000}"]
        for _ in 0..<fuzzIterations(2000) {
            var bytes: [UInt8]
            if Bool.random(using: &generator) {
                bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = Array(String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }).utf8)
            }
            var folded = FoldedText()
            bytes.withUnsafeBufferPointer { folded.reset(utf8: $0) }
            var last = -1
            IndexTokenizer().forEachToken(in: folded) { token, text in
                let start = Int(folded.byteOffsets[token.range.lowerBound]), end = Int(folded.byteOffsets[token.range.upperBound])
                #expect(0 <= start && start < end && end <= bytes.count)
                #expect(token.colocated || start > last)
                #expect(!text.isEmpty)
                last = start
                return true
            }
        }
    }

    @Test("no query, however random, makes FTS5 fail")
    func queries() throws {
        let temporary = try TemporaryStore()
        try temporary.importFile(try temporary.write("good.jsonl", line(["id": "GOOD-1"])))
        var generator = SeededGenerator(state: 12)
        let pieces = ["信访", "房", "\"", "*", "-", "OR", "AND", "NOT", "NEAR(", ")", "(", ":", "^", "{", "}", "'", ";", " ",
                      "２０１５", "13812345678", "+", "\u{0}", "😀", "\\", "%", "_"]
        var parsed = 0
        for _ in 0..<fuzzIterations(1500) {
            let query = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard let parsedQuery = try? SearchQuery(parsing: query) else { continue }
            parsed += 1
            _ = try temporary.store.matchingIDs(parsedQuery)
        }
        #expect(parsed > fuzzIterations(1500) / 3)
    }

    @Test("mutated records are each either stored whole or rejected with a reason")
    func importer() throws {
        let temporary = try TemporaryStore()
        var generator = SeededGenerator(state: 13)
        let base = Array(line([:]).utf8)
        var lines: [String] = []
        for index in 0..<fuzzIterations(1000) {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0x20...0x7E, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8.random(in: 0x20...0x7E, using: &generator), at: position)
                }
            }
            var text = String(decoding: bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"H-1\"", with: "\"F-\(index)\"")
            lines.append(text.replacingOccurrences(of: "\n", with: " "))
        }
        let summary = try temporary.importFile(try temporary.write("fuzz.jsonl", lines.joined(separator: "\n")))
        #expect(summary.added + summary.updated + summary.unchanged + summary.rejected.count == lines.count)
        #expect(summary.rejected.allSatisfy { $0.line != nil && !$0.message.isEmpty })
        #expect(try temporary.store.isIntact())
        let count = try temporary.store.petitionCount()
        #expect(count == summary.added)
        print("fuzzed records: \(lines.count), stored \(summary.added + summary.updated), rejected \(summary.rejected.count)")
    }
}
