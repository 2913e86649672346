import Foundation
import PetitionModel
import PetitionStore
import Testing

private let good = """
    {"id": "XF-1", "received_at": "2021-03-10", "channel": "来信", "level": "市级", "petitioners": [{"name": "张某某", "id_number": "37011219800101123X", "phone": "13800000000"}], "headcount": 1, "title": "反映安置房屋质量问题", "content": "信访人张某某反映安置房漏水。"}
    {"id": "XF-2", "received_at": "2021-04-01", "title": "拖欠工资", "content": "某公司拖欠工资。"}
    """

/// A fingerprint of everything stored, to prove a refused file changed nothing.
private func snapshot(_ store: PetitionStore) throws -> [String] {
    try store.read { db in
        try String.fetchAll(db, sql: """
            SELECT id || '|' || record_hash FROM petition
            UNION ALL SELECT petition_rowid || '|' || position || '|' || ifnull(name, '') FROM petitioner
            UNION ALL SELECT case_id || '|' || record_hash FROM backlog_case
            ORDER BY 1
            """)
    }
}

@Suite("Import")
struct ImportTests {
    @Test("re-importing the same file adds nothing and reports every record unchanged")
    func idempotent() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("good.jsonl", good)
        let first = try temporary.importFile(path)
        #expect(first.added == 2 && first.rejected.isEmpty)
        let second = try temporary.importFile(path)
        #expect(second.added == 0 && second.updated == 0 && second.unchanged == 2)
        #expect(try temporary.store.petitionCount() == 2)
    }

    @Test("a changed record with a known id updates it in place")
    func update() throws {
        let temporary = try TemporaryStore()
        try temporary.importFile(try temporary.write("good.jsonl", good))
        let changed = try temporary.write("changed.jsonl", """
            {"id": "XF-2", "received_at": "2021-04-01", "title": "拖欠工资", "content": "某公司拖欠工资三个月。"}
            """)
        let summary = try temporary.importFile(changed)
        #expect(summary.updated == 1 && summary.added == 0)
        #expect(try temporary.store.petitionCount() == 2)
        let ids = try temporary.store.matchingIDs(.init(parsing: "三个月"))
        #expect(ids == ["XF-2"])
        #expect(try temporary.store.matchingIDs(.init(parsing: "拖欠工资")) == ["XF-2"])
    }

    @Test("a GB18030 CSV is detected and imported")
    func gb18030() throws {
        let temporary = try TemporaryStore()
        let summary = try temporary.importFile(TestPaths.fixture("gb18030.csv"))
        #expect(summary.added == 2, "\(summary.rejected)")
        #expect(try temporary.store.matchingIDs(.init(parsing: "安置房")) == ["GB-1"])
        #expect(try temporary.store.matchingIDs(.init(parsing: "38000")) == ["GB-2"])
    }

    @Test("each malformed line is rejected with its line number and field while the good ones land")
    func malformedLines() throws {
        let temporary = try TemporaryStore()
        let lines: [(String, String?)] = [
            (#"{"id": "OK-1", "received_at": "2021-03-10", "content": "正常记录"}"#, nil),
            (#"{"id": "BAD-1", "received_at": "2021-03-10", "content": "截断"#, nil),
            (#"{"received_at": "2021-03-10", "content": "缺编号"}"#, "id"),
            (#"{"id": "BAD-3", "received_at": "2021-02-30", "content": "日期不存在"}"#, "received_at"),
            (#"{"id": "BAD-4", "received_at": "2021-03-10"}"#, "content"),
            (#"{"id": "BAD-5", "received_at": "2021-03-10", "channel": "传真", "content": "渠道不对"}"#, "channel"),
            (#"{"id": "BAD-6", "received_at": "2021-03-10", "level": "乡级", "content": "层级不对"}"#, "level"),
            (#"{"id": "BAD-7", "received_at": "2021-03-10", "headcount": "很多", "content": "人数不对"}"#, "headcount"),
            (#"{"id": "BAD-8", "received_at": "2021-03-10", "content": 8}"#, "content"),
            (#"{"id": "BAD-9", "received_at": "2021-03-10", "petitioners": "[{", "content": "信访人不对"}"#, "petitioners"),
            (#"["not", "an", "object"]"#, nil),
            (#"{"id": "OK-2", "received_at": "2021年3月11日", "content": "正常记录二"}"#, nil),
        ]
        let path = try temporary.write("mixed.jsonl", lines.map(\.0).joined(separator: "\n"))
        let summary = try temporary.importFile(path)
        #expect(summary.added == 2)
        #expect(summary.rejected.map(\.line) == Array(2...11).map(Optional.some))
        for (error, expected) in zip(summary.rejected, lines[1...10]) where expected.1 != nil {
            #expect(error.field == expected.1, "line \(error.line ?? 0): \(error)")
        }
    }

    @Test("CSV rows with an unclosed quote or missing columns are rejected by line")
    func malformedCSV() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("bad.csv", """
            id,received_at,content
            C-1,2021-03-10,正常
            C-2,2021-03-10
            C-5,2021-03-10,"多行
            正常"
            C-4,2021-03-10,"多行
            内容",多余
            C-3,2021-03-10,"未闭合
            """)
        let summary = try temporary.importFile(path)
        #expect(summary.added == 2, "\(summary.rejected)")
        #expect(summary.rejected.map(\.line) == [3, 6, 8].map(Optional.some))
    }

    @Test("a file that is entirely bad leaves the database unchanged")
    func entirelyBad() throws {
        let temporary = try TemporaryStore()
        try temporary.importFile(try temporary.write("good.jsonl", good))
        let before = try snapshot(temporary.store)
        let bad = try temporary.write("bad.jsonl", """
            {"id": "XF-1", "received_at": "2021-02-30", "content": "改坏的记录"}
            {"id": "XF-2", "received_at": "2021-04-01"}
            not json at all
            """)
        let summary = try temporary.importFile(bad)
        #expect(summary.rejected.count == 3 && summary.added == 0 && summary.updated == 0)
        #expect(try snapshot(temporary.store) == before)
        #expect(try temporary.store.isIntact())
    }

    @Test("backlog cases import and update by case id")
    func backlog() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("backlog.jsonl", """
            {"case_id": "JA-2020-0042", "title": "某小区业主办证问题", "summary": "……", "opened_at": "2020-08-01", "leader": "济南市副市长 王某", "responsible_units": ["历城区人民政府", "济南市住房和城乡建设局"], "status": "化解中"}
            {"case_id": "JA-2020-0043", "summary": "缺标题"}
            """)
        let summary = try temporary.importFile(path, kind: .backlogCases)
        #expect(summary.added == 1)
        #expect(summary.rejected.first?.field == "title")
        #expect(try temporary.importFile(path, kind: .backlogCases).unchanged == 1)
    }

    @Test("the database file is readable by its owner only")
    func fileMode() throws {
        let temporary = try TemporaryStore()
        let attributes = try FileManager.default.attributesOfItem(atPath: temporary.store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
