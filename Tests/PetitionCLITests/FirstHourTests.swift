import Foundation
import Testing

/// What a new user meets in the first hour: mistakes answered in Chinese with
/// a way forward, empty results said plainly, tables that fit.
@Suite("First hour at the command line", .serialized)
struct FirstHourTests {
    static let sample = """
        {"id": "XF-1", "received_at": "2021-03-10", "level": "县级", "county": "历城区", "petitioners": [{"name": "张伟"}], "title": "反映阳光花园小区房产证办理问题", "content": "信访人张伟反映阳光花园5号楼2单元301室房产证至今未办理。"}
        """

    @Test("a mistyped command is answered in Chinese with the command meant")
    func mistypedCommand() throws {
        let petition = try PetitionProcess()
        let result = try petition.run(["serch", "房产证"])
        #expect(result.status == 1)
        #expect(result.error.contains("没有命令 serch") && result.error.contains("petition search"))
    }

    @Test("usage errors are in Chinese and say where to look")
    func usageErrorsInChinese() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        let missing = try petition.run(["search"])
        #expect(missing.status == 1 && missing.error.contains("缺少参数") && missing.error.contains("petition help"))
        let invalid = try petition.run(["search", "房产证", "--limit", "x"])
        #expect(invalid.status == 1 && invalid.error.contains("取值 x 无效"))
    }

    @Test("a misspelt option is answered with the option meant, whichever command it is given to")
    func misspeltOption() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        let search = try petition.run(["search", "房产证", "--limt", "5"])
        #expect(search.status == 1 && search.error.contains("是否要输入 --limit"))
        let dedup = try petition.run(["dedup", "--weigts", "hand-set"])
        #expect(dedup.status == 1 && dedup.error.contains("是否要输入 --weights"))
    }

    @Test("a number given as text says a number is expected")
    func numberExpected() throws {
        let petition = try PetitionProcess()
        let result = try petition.run(["search", "房产证", "--limit", "abc"])
        #expect(result.status == 1 && result.error.contains("--limit 应为整数"))
    }

    @Test("under --json an error is one JSON object with a code and a Chinese message")
    func jsonErrors() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        for arguments in [["show", "--json", "XF-NONE"], ["search", "--json", "房产证", "--limit", "abc"]] {
            let result = try petition.run(arguments)
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.error.utf8)) as? [String: Any],
                                      "\(arguments): \(result.error)")
            #expect(object["error"] is String)
            #expect((object["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("the rules in force read in Chinese, and a wrapped line never begins with punctuation")
    func rulesInChinese() throws {
        let petition = try PetitionProcess()
        let result = try petition.run(["rules"], environment: ["COLUMNS": "60"])
        #expect(result.status == 0)
        #expect(result.output.contains("办理 60 天"))
        #expect(result.output.contains("→ 不予受理"))
        #expect(!result.output.contains("handling_days") && !result.output.contains("same_matter"))
        for line in result.output.split(separator: "\n") {
            #expect(displayColumns(String(line)) <= 60, "\(line)")
            #expect(!"，。、；：）".contains(line.trimmingCharacters(in: .whitespaces).first ?? "x"), "\(line)")
        }
    }

    @Test("a stage and a role are accepted by their Chinese names")
    func chineseValues() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        #expect(try petition.run(["search", "房产证", "--stage", "办理中"]).status == 0)
        let wrong = try petition.run(["search", "房产证", "--stage", "进行中"])
        #expect(wrong.status == 1 && wrong.error.contains("办理中（in_handling）"))
        #expect(try petition.run(["token", "add", "--operator", "王科长", "--role", "管理员"]).status == 0)
        let list = try petition.run(["token", "list"])
        #expect(list.output.contains("管理员") && !list.output.contains("admin"))
    }

    @Test("help reads in Chinese from its first line to its last, and fits 80 columns", arguments: [
        ["--help"], ["help"], ["search", "--help"], ["help", "search"], ["token", "add", "-h"], ["label", "--help"],
    ])
    func helpInChinese(_ arguments: [String]) throws {
        let petition = try PetitionProcess()
        let result = try petition.run(arguments, environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        #expect(result.output.contains("用法："))
        for frame in ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "Show help information", "(default:"] {
            #expect(!result.output.contains(frame), "\(arguments): \(frame)")
        }
        for line in result.output.split(separator: "\n") {
            #expect(displayColumns(String(line)) <= 80, "\(line)")
        }
    }

    @Test("the audit trail fits an 80-column terminal, and what is cut ends in …")
    func auditFits() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        try petition.run(["search", "房产证", "--region", "历城区", "--level", "县级", "--from", "2021-01-01", "--to", "2021-12-31"])
        let result = try petition.run(["audit"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.allSatisfy { displayColumns(String($0)) <= 80 }, "\(result.output)")
        #expect(lines.contains { $0.contains("search") && $0.contains("…") }, "\(result.output)")
    }

    @Test("a missing file is named, in Chinese")
    func missingFile() throws {
        let petition = try PetitionProcess()
        let result = try petition.run(["import", "/nonexistent/petitions.jsonl"])
        #expect(result.status == 1 && result.error.contains("文件不存在"))
    }

    @Test("a search that finds nothing says so, and suggests loosening its filters")
    func emptySearch() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        let result = try petition.run(["search", "房产证", "--region", "济南"])
        #expect(result.status == 0 && result.output.contains("未找到") && result.output.contains("筛选"))
        #expect(!result.output.contains("显示第 0"))
        #expect(try petition.run(["search", "--json", "房产证"]).output.contains("\"total\":1"))
    }

    @Test("the audit trail keeps a search's filters and shows Beijing time")
    func auditKeepsFilters() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        try petition.run(["search", "房产证", "--level", "县级", "--operator", "王科长"])
        let listed = try petition.run(["audit", "--operator", "王科长"])
        #expect(listed.output.contains("房产证 --level 县级"))
        #expect(listed.output.contains("北京时间"))
    }

    @Test("the check table shows each match's matter and fits the width it is given")
    func checkTableFits() throws {
        let petition = try PetitionProcess()
        try petition.run(["import", try petition.write("s.jsonl", Self.sample)])
        try petition.run(["dedup"])
        let again = Self.sample.replacingOccurrences(of: "\"XF-1\"", with: "\"XF-9\"")
            .replacingOccurrences(of: "2021-03-10", with: "2021-05-01")
        let result = try petition.run(["check", try petition.write("again.json", again)])
        let lines = result.output.split(separator: "\n")
        #expect(lines.contains { $0.contains("事项") && $0.contains("关系") })
        #expect(lines.contains { $0.contains("XF-1") && $0.contains("M-000001") })
        #expect(lines.allSatisfy { displayColumns(String($0)) <= 100 }, "\(result.output)")
    }

    /// Columns a line takes: East Asian wide characters take two.
    func displayColumns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x2E80...0xFFEF).contains($1.value) ? 2 : 1) }
    }
}

/// The manual page, written from the tool's own help by `docs/man/generate.py`.
@Suite("Manual page")
struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the manual keeps the Chinese of every command's help, and the committed page is current")
    func manualKeepsChinese() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("docs/man/generate.py").path,
                             PetitionProcess.executable.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let generated = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(generated.contains("信访件全文检索与重复信访识别"))
        #expect(generated.contains("夜间查重"))
        #expect(generated.contains("挂图作战"))
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/man/petition.1"), encoding: .utf8)
        // The date line differs from day to day; everything else must match.
        func undated(_ page: String) -> [Substring] { page.split(separator: "\n").filter { !$0.hasPrefix(".Dd ") } }
        let old = undated(committed), new = undated(generated)
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let current = old == new
        #expect(current, "docs/man/petition.1 is stale from line \(first): run docs/man/generate.py .build/debug/petition > docs/man/petition.1")
    }
}
