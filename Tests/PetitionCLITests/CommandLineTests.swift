import Foundation
import Testing

/// Runs the built `petition` executable, as a clerk or another tool would,
/// against a database in a temporary directory removed when the value dies.
final class PetitionProcess {
    static let executable: URL = {
        // The test bundle sits in the build products directory, beside `petition`.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("petition")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/petition")
    }()

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var database: String { directory.appendingPathComponent("cli.db").path }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil,
             environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--db", database]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

private let sample = """
    {"id": "XF-1", "received_at": "2021-03-10", "channel": "来信", "level": "县级", "county": "历城区", "petitioners": [{"name": "张伟", "id_number": "370112198001011236", "phone": "13812345678"}], "title": "反映阳光花园小区房产证办理问题", "content": "信访人张伟反映，其于2015年3月购买阳光花园5号楼2单元301室，开发商至今未办理房产证，要求尽快办理。"}
    {"id": "XF-2", "received_at": "2021-04-10", "channel": "来访", "level": "县级", "county": "历城区", "petitioners": [{"name": "李娜"}], "title": "宏达公司拖欠工资", "content": "李娜反映宏达建筑工程有限公司拖欠工资3万元。"}
    """

@Suite("Command line", .serialized)
struct CommandLineTests {
    @Test("hostile queries return results or a clear message, never an FTS5 error")
    func hostileQueries() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        let hostile = ["\"", "*", "NEAR(", "AND OR", "'; drop table petition; --", "房产证 NEAR(", "\"房产证", "-", "OR 房产证",
                       "^房", "房产证:*", "{title}: 房", "NOT", "房 AND", "((房))", "\u{0}", "😀 房产证", "%_%"]
        for query in hostile {
            let result = try petition.run(["search", "--", query])
            let message = result.output + result.error
            #expect(!message.lowercased().contains("fts5"), "\(query): \(message)")
            #expect(!message.contains("syntax error"), "\(query): \(message)")
            #expect(result.status == 0 || (result.status == 1 && result.error.contains("错误")), "\(query): \(result)")
        }
        #expect(try petition.run(["search", "--json", "房产证"]).output.contains("\"id\":\"XF-1\""))
    }

    @Test("search output without a terminal marks highlights with 【】 and aligns a table")
    func plainOutput() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        let result = try petition.run(["search", "房产证"])
        #expect(result.status == 0)
        #expect(result.output.contains("【房产证】"))
        #expect(result.output.contains("编号"))
    }

    @Test("an import with a rejected line exits 1, names the line and field, and keeps the good records")
    func importExitCode() throws {
        let petition = try PetitionProcess()
        let path = try petition.write("mixed.jsonl", sample + "\n" + #"{"id": "XF-3", "received_at": "2021-02-30", "content": "坏日期"}"#)
        let result = try petition.run(["import", path])
        #expect(result.status == 1)
        #expect(result.error.contains("第 3 行"))
        #expect(result.error.contains("received_at"))
        #expect(result.output.contains("新增 2 条"))
    }

    @Test("a control character in a record is removed, and a warning names the line and field")
    func controlCharactersRemoved() throws {
        let petition = try PetitionProcess()
        let line = #"{"id": "XF-9", "received_at": "2021-05-10", "title": "路灯\u0007不亮", "content": "反映路灯\u0001长期不亮。"}"#
        let result = try petition.run(["import", try petition.write("control.jsonl", sample + "\n" + line)])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("新增 3 条"))
        let warnings = result.error.split(separator: "\n").filter { $0.contains("控制字符") }
        #expect(warnings.count == 2, "\(result.error)")
        #expect(warnings.allSatisfy { $0.contains("第 3 行") && $0.contains("XF-9") })
        #expect(warnings.contains { $0.contains("字段 title") } && warnings.contains { $0.contains("字段 content") })
        let shown = try petition.run(["show", "--json", "XF-9"]).output
        #expect(shown.contains("反映路灯长期不亮。"), "\(shown)")
    }

    @Test("check prints DOMAIN.md's JSON verdict with matches and reasons")
    func checkJSON() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        try petition.run(["dedup", "--full"])
        let again = #"{"received_at": "2021-06-01", "level": "市级", "county": "历城区", "petitioners": [{"name": "张某", "id_number": "370112198001011236"}], "title": "陽光花園房產證問題", "content": "張某反映陽光花園5號樓2單元301室房產證至今未辦理。"}"#
        let result = try petition.run(["check", "--json", "-"], input: again)
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "repeat")
        #expect((object["escalation"] as? [String: Any])?["from_level"] as? String == "县级")
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.first?["id"] as? String == "XF-1")
        #expect(matches.first?["relation"] as? String == "same_matter")
        #expect((matches.first?["reasons"] as? [String])?.contains("同一身份证号") == true)
    }

    @Test("check --save stores the petition in the matter it repeats")
    func checkSave() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        try petition.run(["dedup"])
        let again = #"{"id": "XF-9", "received_at": "2021-06-01", "county": "历城区", "petitioners": [{"name": "张伟", "phone": "138 1234 5678"}], "title": "房产证问题", "content": "张伟反映阳光花园5号楼2单元301室房产证至今未办理。"}"#
        let saved = try petition.run(["check", "--save", "--json", "-"], input: again)
        #expect(saved.status == 0, "\(saved.error)")
        let shown = try petition.run(["show", "--json", "XF-9"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let matters = try #require(object["matters"] as? [[String: Any]])
        let ids = (matters.first?["petitions"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["XF-1", "XF-9"])
    }

    @Test("a malformed check record is refused with exit code 1 naming the field")
    func checkBadRecord() throws {
        let petition = try PetitionProcess()
        let result = try petition.run(["check", "-"], input: #"{"received_at": "昨天", "content": "内容"}"#)
        #expect(result.status == 1)
        #expect(result.error.contains("received_at"))
    }

    @Test("dedup writes clusters as DOMAIN.md specifies and a report readable by the owner only")
    func dedupOutputs() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        let clusters = petition.directory.appendingPathComponent("clusters.jsonl").path
        let report = petition.directory.appendingPathComponent("report").path
        let result = try petition.run(["dedup", "--full", "--clusters", clusters, "--report", report])
        #expect(result.status == 0, "\(result.error)")
        let lines = try String(contentsOfFile: clusters, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(first.keys) == ["matter_id", "ids", "class_id", "backlog_case_id"])
        #expect(FileManager.default.fileExists(atPath: report + "/report.md"))
        let mode = try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        for file in [clusters, report + "/report.md"] {
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        }
    }

    @Test("writing clusters again replaces the file whole and leaves nothing else behind")
    func clustersRewrite() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        let clusters = petition.directory.appendingPathComponent("out/clusters.jsonl").path
        for _ in 0..<2 {
            let result = try petition.run(["dedup", "--full", "--clusters", clusters])
            #expect(result.status == 0, "\(result.error)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: petition.directory.appendingPathComponent("out").path)
        #expect(left == ["clusters.jsonl"])
        #expect(try String(contentsOfFile: clusters, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test("show of an unknown id is a usage error")
    func showUnknown() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("sample.jsonl", sample)])
        let result = try petition.run(["show", "XF-404"])
        #expect(result.status == 1)
        #expect(result.error.contains("XF-404"))
    }
}
