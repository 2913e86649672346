import Foundation
import Testing

/// `petition label`: judging the pairs the detector is least sure of, and
/// `dedup --weights learn` refusing to learn from too few.
@Suite("Labelling through the command line", .serialized)
struct LabelCommandLineTests {
    /// One petitioner's two petitions about one estate's certificates, written
    /// differently, and a stranger's about wages: the first pair is near the gates.
    static let records = """
        {"id": "XF-1", "received_at": "2021-03-10", "county": "历城区", "petitioners": [{"name": "张伟", "phone": "13812345678"}], "title": "阳光花园房产证问题", "content": "张伟（电话13812345678）反映阳光花园小区开发商至今未办理房产证。"}
        {"id": "XF-2", "received_at": "2021-09-10", "county": "历城区", "petitioners": [{"name": "张伟", "phone": "13812345678"}], "title": "再次反映办证", "content": "张伟再次来访，称购房多年仍拿不到证，要求有关部门督促解决。"}
        {"id": "XF-3", "received_at": "2021-04-10", "county": "历城区", "petitioners": [{"name": "李娜"}], "title": "宏达公司拖欠工资", "content": "李娜反映宏达建筑工程有限公司拖欠工资3万元。"}
        """

    func prepared() throws -> PetitionProcess {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("records.jsonl", Self.records)])
        try petition.run(["dedup", "--full"])
        return petition
    }

    @Test("the queue shows both petitions masked, and an answer per pair is stored and audited")
    func interactive() throws {
        let petition = try prepared()
        let listed = try petition.run(["label", "--list", "--json"])
        #expect(listed.status == 0, "\(listed.error)")
        let pairs = listed.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(!pairs.isEmpty)
        #expect(!listed.output.contains("13812345678"))
        #expect(listed.output.contains("138****5678"))

        let answered = try petition.run(["label", "--operator", "王科长"], input: "x\ny\n")
        #expect(answered.status == 0, "\(answered.error)")
        #expect(answered.error.contains("无法识别"))
        #expect(answered.output.contains("已保存 1 对判定：同一事项 1"))
        #expect(!answered.output.contains("13812345678"))
        let audit = try petition.run(["audit", "--json"])
        #expect(audit.output.contains("\"command\":\"label\""))
        #expect(audit.output.contains("王科长"))
        // A judged pair is not asked again.
        let again = try petition.run(["label", "--list", "--json"]).output
        let first = pairs[0]
        #expect(!again.contains("\"a\":\"\(first["a"]!)\",\"b\":\"\(first["b"]!)\"") || again.isEmpty)
    }

    @Test("judged pairs in pairs-dev.jsonl's format are imported; shared_issue is counted, not guessed")
    func importFile() throws {
        let petition = try prepared()
        let file = try petition.write("pairs.jsonl", """
            {"pair": 1, "a": "XF-1", "b": "XF-2", "label": "same_matter"}
            {"pair": 2, "a": "XF-1", "b": "XF-3", "label": "class"}
            {"pair": 3, "a": "XF-2", "b": "XF-3", "label": "shared_issue"}
            """)
        let result = try petition.run(["label", "--import", file, "--json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\"imported\":2"))
        #expect(result.output.contains("\"undecided\":1"))
    }

    @Test("an import naming a petition not stored saves nothing and names it")
    func importUnknown() throws {
        let petition = try prepared()
        let file = try petition.write("pairs.jsonl", #"{"pair": 1, "a": "XF-1", "b": "XF-404", "label": "same_matter"}"#)
        let result = try petition.run(["label", "--import", file])
        #expect(result.status == 1)
        #expect(result.error.contains("XF-404"))
    }

    @Test("the queue is bounded: a limit or a look-back out of range is refused")
    func bounded() throws {
        let petition = try prepared()
        for arguments in [["label", "--limit", "0"], ["label", "--limit", "201"], ["label", "--recent", "100001"]] {
            let result = try petition.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains("应在"), "\(arguments): \(result.error)")
        }
        let listed = try petition.run(["label", "--list", "--limit", "5", "--recent", "10"])
        #expect(listed.status == 0)
        let audit = try petition.run(["audit", "--json"])
        #expect(audit.output.contains("待判定 --limit 5 --recent 10"))
    }

    @Test("learning from too few labels is refused in Chinese before the run starts")
    func tooFew() throws {
        let petition = try prepared()
        let result = try petition.run(["dedup", "--full", "--weights", "learn"])
        #expect(result.status == 1)
        #expect(result.error.contains("学习至少需要 20 对"))
    }
}
