import Foundation
import PetitionModel

/// The nightly report (`dedup --report DIR`): one table per question a
/// petition bureau asks the morning after, as CSV files, gathered in a
/// Markdown summary, and as JSON on request.
public struct DedupReport {
    public let store: any PetitionStorage
    public let summary: DedupSummary
    /// The rules the acceptance tables apply (the bundled ones when nil).
    public var acceptanceRules: AcceptanceRules?
    /// Names the class cases' places; share one with the dashboard page of the same night.
    public var placeNamer: ClassPlaceNamer

    public init(store: any PetitionStorage, summary: DedupSummary) {
        self.store = store
        self.summary = summary
        placeNamer = ClassPlaceNamer(store: store)
    }

    struct Section {
        let name: String
        let title: String
        let header: [String]
        let rows: [[String]]
    }

    /// Matters repeated at least this often over at least this many days, with no
    /// backlog case, are proposed as candidate backlog cases.
    static let candidatePetitions = 4
    static let candidateSpanDays = 90

    /// Matters listed at most in the table of matters.
    static let matterLimit = 500

    func sections() throws -> [Section] {
        var tables = try store.reportTables(runID: summary.runID, candidatePetitions: Self.candidatePetitions,
                                            candidateSpanDays: Self.candidateSpanDays, matterLimit: Self.matterLimit)
        tables.classes = try tables.classes.map { row in
            var named = row
            named[1] = try placeNamer.name(ofClass: row[0], key: row[1])
            return named
        }
        let matterHeader = ["事项", "信访次数", "首次", "最近", "跨度（天）", "最大人数", "地区", "类别"]
        return [
            Section(name: "new_repeats", title: "本次新增重复信访", header: ["编号", "受理日期", "层级", "事项", "重复于", "分数"],
                    rows: tables.newRepeats),
            Section(name: "matters", title: "事项（按信访次数与跨度）", header: matterHeader, rows: tables.matters),
            Section(name: "escalations", title: "越级访", header: ["编号", "事项", "原层级", "现层级", "越过层级", "此前件"],
                    rows: tables.escalations),
            Section(name: "collective", title: "集体访事项", header: matterHeader, rows: tables.collective),
            Section(name: "classes", title: "类案", header: ["类案", "地点", "问题", "事项数", "信访件数"], rows: tables.classes),
            Section(name: "backlog", title: "信访积案及本次新增信访", header: ["积案", "标题", "包案领导", "关联事项", "本次新增件"],
                    rows: tables.backlog),
            Section(name: "candidate_backlog", title: "建议列为积案的事项（多次重复、历时较长、尚无积案）", header: matterHeader,
                    rows: tables.candidateBacklog),
            Section(name: "weights", title: "本次使用的匹配权重（\(summary.weights.source)，先验 \(String(format: "%.2f", summary.weights.prior))）",
                    header: ["比较项", "取值", "权重"], rows: Self.weightRows(summary.weights)),
            Section(name: "by_region", title: "按地区与类别", header: ["省", "市", "类别", "信访件", "事项", "重复件"],
                    rows: tables.byRegion),
        ] + (try AcceptanceReport(store: store, rules: acceptanceRules ?? AcceptanceRules.bundled()).sections())
    }

    /// Every level of every comparison with its weight, as the scorer adds them.
    static func weightRows(_ weights: MatchWeights) -> [[String]] {
        Comparison.allCases.flatMap { comparison in
            comparison.levels.enumerated().map { offset, label in
                [comparison.key, label, String(format: "%+.2f", weights.weight(comparison, offset + 1))]
            }
        }
    }

    public func write(to directory: String, json: Bool) throws {
        try PrivateFile.createDirectory(directory)
        let sections = try sections()
        var markdown = "# 夜间查重报告\n\n"
        let kind = summary.full ? "全量" : (summary.previouslyAssigned == 0 ? "首次" : "增量")
        markdown += "运行 \(summary.runID)（\(kind)）：处理 \(summary.scored) 件，新事项 \(summary.newMatters) 个，"
        markdown += "重复信访 \(summary.repeats) 件；共 \(summary.matters) 个事项、\(summary.classes) 个类案、"
        markdown += "\(summary.backlogLinks) 个积案关联、\(summary.escalations) 次越级。\n"
        for section in sections {
            markdown += "\n## \(section.title)（\(section.rows.count)）\n\n"
            markdown += "| " + section.header.joined(separator: " | ") + " |\n"
            markdown += "|" + String(repeating: " --- |", count: section.header.count) + "\n"
            for row in section.rows.prefix(50).map({ Self.readable($0, in: section.name) }) {
                markdown += "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
            }
            if section.rows.count > 50 { markdown += "\n……完整列表见 `\(section.name).csv`。\n" }
            let csv = ([section.header] + section.rows).map { $0.map(Self.csvField).joined(separator: ",") }
                .joined(separator: "\r\n") + "\r\n"
            try PrivateFile.write(csv, to: directory + "/\(section.name).csv")
        }
        try PrivateFile.write(markdown, to: directory + "/report.md")
        if json {
            var object: [String: Any] = ["run_id": summary.runID, "full": summary.full, "scored": summary.scored,
                                         "new_matters": summary.newMatters, "repeats": summary.repeats]
            for section in sections {
                object[section.name] = section.rows.map { Dictionary(uniqueKeysWithValues: zip(Self.jsonKeys[section.name]!, $0)) }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            try PrivateFile.write(String(decoding: data, as: UTF8.self), to: directory + "/report.json")
        }
    }

    static let jsonKeys: [String: [String]] = {
        let matter = ["matter_id", "petitions", "first", "last", "span_days", "headcount", "region", "category"]
        return [
            "new_repeats": ["id", "received_at", "level", "matter_id", "repeat_of", "score"],
            "matters": matter, "collective": matter, "candidate_backlog": matter,
            "escalations": ["id", "matter_id", "from_level", "to_level", "skipped_levels", "earlier_id"],
            "classes": ["class_id", "place", "concept", "matters", "petitions"],
            "backlog": ["case_id", "title", "leader", "matters", "new_petitions"],
            "by_region": ["province", "city", "category", "petitions", "matters", "repeats"],
            "weights": ["comparison", "level", "weight"],
        ].merging(AcceptanceReport.jsonKeys) { existing, _ in existing }
    }()

    /// A row as a reader sees it: a one-step escalation skips no level, and
    /// says so in words (a blank cell reads as a figure missing, a bare 0 as
    /// no escalation at all).
    static func readable(_ row: [String], in section: String) -> [String] {
        guard section == "escalations", row.count > 4, row[4] == "0" else { return row }
        var copy = row
        copy[4] = "0（逐级上访）"
        return copy
    }

    /// A CSV cell that no spreadsheet evaluates: a cell beginning with = + - @
    /// or a tab (a formula to Excel and LibreOffice) is written after a `'`,
    /// as OWASP's CSV-injection advice says, unless it is a plain number.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        return text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
