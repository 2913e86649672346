import Foundation
import PetitionModel
import PetitionStore
import Testing

private let record = """
    {"id": "P-1", "received_at": "2021-03-10", "level": "县级", "petitioners": [{"name": "张伟", "id_number": "37011219800101123X", "phone": "13812345678"}], "title": "房产证问题", "content": "张伟（身份证号37011219800101123X，电话138-1234-5678）反映房产证至今未办理。"}
    """

@Suite("Privacy and audit", .serialized)
struct PrivacyTests {
    @Test("ID numbers and phones are masked in show, human and JSON, and in search snippets")
    func masked() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("p.jsonl", record)])
        for arguments in [["show", "P-1"], ["show", "--json", "P-1"], ["search", "房产证"], ["search", "--json", "身份证号"]] {
            let output = try petition.run(arguments).output
            #expect(!output.contains("37011219800101123"), "\(arguments): \(output)")
            #expect(!output.contains("13812345678") && !output.contains("138-1234-5678"), "\(arguments): \(output)")
        }
        let shown = try petition.run(["show", "P-1"]).output
        #expect(shown.contains("3701**********123X"))
        #expect(shown.contains("138****5678"))
        #expect(shown.contains("张伟"))
    }

    @Test("a reveal needs a reason, shows full values and is audited with its reason")
    func reveal() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("p.jsonl", record)])
        let refused = try petition.run(["show", "--reveal", "P-1"])
        #expect(refused.status == 1)
        #expect(!refused.output.contains("37011219800101123X"))
        let revealed = try petition.run(["show", "--reveal", "--reason", "核实身份", "--operator", "王科长", "P-1"])
        #expect(revealed.status == 0)
        #expect(revealed.output.contains("37011219800101123X"))
        let entries = try PetitionStore(path: petition.database).auditEntries(from: nil, to: nil, operatorName: "王科长")
        #expect(entries.count == 1)
        #expect(entries.first?.revealed == true)
        #expect(entries.first?.reason == "核实身份")
        #expect(entries.first?.returned == [])
    }

    @Test("every search, check and show is audited with its operator, and the audit trail cannot be deleted")
    func auditTrail() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("p.jsonl", record)])
        try petition.run(["search", "--operator", "李四", "房产证"])
        try petition.run(["show", "--operator", "李四", "P-1"])
        try petition.run(["check", "--operator", "李四", "-"], input: record)
        let listed = try petition.run(["audit", "--json", "--operator", "李四"])
        let commands = listed.output.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["command"] as? String
        }
        #expect(commands == ["search", "show", "check"])
        let store = try PetitionStore(path: petition.database)
        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: "UPDATE audit_log SET operator = 'x'") } }
        #expect(try store.auditEntries(from: nil, to: nil, operatorName: "李四").count == 3)
    }

    @Test("check refuses a record naming more petitioners than a check allows, naming the field")
    func petitionerCap() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("p.jsonl", record)])
        let people = (0..<(RecordDecoding.petitionersPerCheck + 1)).map { #"{"name": "张某", "phone": "1380013\#(8000 + $0)"}"# }
        let guesses = #"{"received_at": "2021-04-10", "petitioners": [\#(people.joined(separator: ","))], "content": "房产证问题"}"#
        let refused = try petition.run(["check", "-"], input: guesses)
        #expect(refused.status == 1)
        #expect(refused.error.contains("petitioners"))
    }

    @Test("check's audit records the identifiers it named, masked")
    func checkAuditMasked() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("p.jsonl", record)])
        try petition.run(["check", "--operator", "李四", "-"], input: record)
        let entries = try PetitionStore(path: petition.database).auditEntries(from: nil, to: nil, operatorName: "李四")
        let subject = try #require(entries.last?.subject)
        #expect(subject.contains("138****5678"))
        #expect(!subject.contains("13812345678"))
        #expect(!subject.contains("37011219800101123X"))
    }

    @Test("import, dedup and audit are themselves in the audit trail, with their operator")
    func writesAndAuditReadsAudited() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", "--operator", "王五", try petition.write("p.jsonl", record)])
        try petition.run(["dedup", "--operator", "王五"])
        try petition.run(["audit", "--operator", "王五"])
        let entries = try PetitionStore(path: petition.database).auditEntries(from: nil, to: nil, operatorName: nil)
        let commands = entries.map(\.command)
        #expect(commands == ["import", "dedup", "audit"], "\(commands)")
        #expect(entries[0].operatorName == "王五")
        #expect(entries[0].subject?.contains("新增 1") == true)
        #expect(entries[1].operatorName == "王五")
        #expect(entries[2].subject == "--operator 王五")
    }
}
