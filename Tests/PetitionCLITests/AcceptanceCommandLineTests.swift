import Foundation
import Testing

/// A matter accepted by the county on 2021-03-12 (due 2021-05-11) and one whose recheck concluded on 2021-08-05.
private let histories = """
    {"id": "XF-1", "received_at": "2021-03-10", "channel": "来信", "level": "县级", "county": "历城区", "petitioners": [{"name": "张伟", "id_number": "370112198001011236", "phone": "13812345678"}], "title": "反映阳光花园小区房产证办理问题", "content": "信访人张伟反映，其于2015年3月购买阳光花园5号楼2单元301室，开发商至今未办理房产证，要求尽快办理。", "handling": {"organ": "历城区人民政府", "level": "县级", "accepted_at": "2021-03-12"}}
    {"id": "XF-2", "received_at": "2021-04-10", "channel": "来访", "level": "县级", "county": "历城区", "petitioners": [{"name": "李娜", "id_number": "370112198502023327"}], "title": "宏达公司拖欠工资", "content": "李娜反映宏达建筑工程有限公司拖欠工资3万元。", "handling": {"organ": "历城区人力资源和社会保障局", "level": "县级", "accepted_at": "2021-04-12", "replied_at": "2021-05-20", "review": {"organ": "济南市人力资源和社会保障局", "level": "市级", "requested_at": "2021-06-01", "replied_at": "2021-06-25"}, "recheck": {"organ": "山东省人力资源和社会保障厅", "level": "省级", "requested_at": "2021-07-10", "replied_at": "2021-08-05"}}}
    """

private let repeatAtCity = #"{"received_at": "2021-04-20", "channel": "来访", "headcount": 8, "level": "市级", "county": "历城区", "petitioners": [{"name": "张某", "id_number": "370112198001011236"}], "title": "陽光花園房產證問題", "content": "張某反映陽光花園5號樓2單元301室房產證至今未辦理。"}"#

private func acceptance(_ output: String) throws -> [String: Any] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    return try #require(object["acceptance"] as? [String: Any])
}

@Suite("Acceptance on the command line", .serialized)
struct AcceptanceCommandLineTests {
    @Test("check --json gives DOMAIN.md's acceptance: 不予受理 above the handling organ, 不再受理 after the recheck, accept for a new matter")
    func checkJSON() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("h.jsonl", histories)])
        try petition.run(["dedup"])
        let declined = try petition.run(["check", "--json", "-"], input: repeatAtCity)
        #expect(declined.status == 0, "\(declined.error)")
        let inProgress = try acceptance(declined.output)
        #expect(inProgress["advice"] as? String == "decline_in_progress")
        #expect(inProgress["rule"] as? String == "decline_in_progress")
        #expect(inProgress["handling_organ"] as? String == "历城区人民政府")
        #expect(inProgress["due_at"] as? String == "2021-05-11")
        #expect(inProgress["overdue"] as? Bool == false)
        #expect((inProgress["reason"] as? String)?.contains("历城区人民政府") == true)
        #expect((inProgress["note"] as? String)?.contains("不超过5人") == true)

        let again = #"{"received_at": "2021-09-20", "level": "县级", "county": "历城区", "petitioners": [{"name": "李娜", "id_number": "370112198502023327"}], "title": "宏达公司拖欠工资", "content": "李娜反映宏达建筑工程有限公司拖欠工资3万元至今未付。"}"#
        let concluded = try acceptance(try petition.run(["check", "--json", "-"], input: again).output)
        #expect(concluded["advice"] as? String == "decline_concluded")
        #expect(concluded["handling_organ"] as? String == "山东省人力资源和社会保障厅")
        #expect(concluded["due_at"] is NSNull)
        #expect((concluded["reason"] as? String)?.contains("2021-08-05") == true)

        // The same complaint under the same name but no ID number or phone: the judged real pairs put such a
        // match well below the decision level, so the clerk is asked to verify rather than told to decline.
        let nameOnly = again.replacingOccurrences(of: #", "id_number": "370112198502023327""#, with: "")
        let unsure = try acceptance(try petition.run(["check", "--json", "-"], input: nameOnly).output)
        #expect(unsure["advice"] as? String == "verify")
        #expect(unsure["handling_organ"] as? String == "山东省人力资源和社会保障厅")

        let unrelated = #"{"received_at": "2021-09-20", "level": "市级", "county": "槐荫区", "petitioners": [{"name": "王芳"}], "title": "噪音扰民", "content": "王芳反映经十路夜间施工噪音扰民。"}"#
        let new = try acceptance(try petition.run(["check", "--json", "-"], input: unrelated).output)
        #expect(new["advice"] as? String == "accept")
        #expect(new["rule"] as? String == "accept_new_matter")
        #expect(new["handling_organ"] is NSNull)
    }

    @Test("check prints the advice with its reason for a clerk")
    func checkText() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("h.jsonl", histories)])
        try petition.run(["dedup"])
        let result = try petition.run(["check", "-"], input: repeatAtCity)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("受理建议：不予受理（规则 decline_in_progress）"))
        #expect(result.output.contains("应答复：2021-05-11"))
        #expect(result.output.contains("提示："))
    }

    @Test("a bureau's rule file changes the advice; a bad one stops check with exit code 1 naming the line")
    func rulesFile() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("h.jsonl", histories)])
        try petition.run(["dedup"])
        let bundled = try petition.run(["rules", "--print"])
        #expect(bundled.status == 0)
        let shorter = try petition.write("short.txt", bundled.output
            .replacingOccurrences(of: "handling_days = 60", with: "handling_days = 20")
            .replacingOccurrences(of: "extension_days = 30", with: "extension_days = 10"))
        let overdue = try acceptance(try petition.run(["check", "--json", "--rules", shorter, "-"], input: repeatAtCity).output)
        #expect(overdue["advice"] as? String == "accept")
        #expect(overdue["overdue"] as? Bool == true)

        let bad = try petition.write("bad.txt", bundled.output.replacingOccurrences(of: "advice = decline_concluded", with: "advice = refuse"))
        let refused = try petition.run(["check", "--json", "--rules", bad, "-"], input: repeatAtCity)
        #expect(refused.status == 1)
        #expect(refused.error.contains("bad.txt 第"))
        #expect(refused.error.contains("decline_concluded"))
        #expect(refused.error.contains("未知建议 refuse"))
        #expect(refused.output.isEmpty)
        #expect(try petition.run(["dedup", "--rules", bad]).status == 1)
    }

    @Test("show carries the handling history, search filters by stage, and the nightly report has the acceptance tables")
    func showSearchReport() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("h.jsonl", histories)])
        let shown = try petition.run(["show", "--json", "XF-2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let handling = try #require((object["petition"] as? [String: Any])?["handling"] as? [String: Any])
        #expect((handling["recheck"] as? [String: Any])?["replied_at"] as? String == "2021-08-05")
        #expect(try petition.run(["show", "XF-2"]).output.contains("复核：山东省人力资源和社会保障厅（省级）"))

        let found = try petition.run(["search", "--json", "反映", "--stage", "concluded"])
        #expect(found.output.split(separator: "\n").count == 1 && found.output.contains("XF-2"))
        #expect(try petition.run(["search", "反映", "--stage", "closed"]).status == 1)

        let report = petition.directory.appendingPathComponent("report").path
        #expect(try petition.run(["dedup", "--report", report, "--json"]).status == 0)
        let markdown = try String(contentsOfFile: report + "/report.md", encoding: .utf8)
        #expect(markdown.contains("依受理规则可不予受理、不再受理的重复信访"))
        #expect(markdown.contains("超期未办结的事项（截至 2021-08-05"))
        #expect(markdown.contains("| 历城区人民政府 | 县级 | 2021-03-12 | 2021-06-10 | 56 |"))
        #expect(markdown.contains("复核终结后仍有信访的事项"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/report.json"))) as? [String: Any])
        #expect((json["overdue_matters"] as? [[String: Any]])?.first?["organ"] as? String == "历城区人民政府")
    }
}
