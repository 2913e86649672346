import ArgumentParser
import Foundation
import PetitionStore
import PetitionText

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "查看审计记录：谁在何时检索、查看、查重了什么")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var replica: ReplicaOptions

    @Option(help: "起始日期（含，北京时间）") var from: String?
    @Option(help: "截止日期（含，北京时间）") var to: String?
    @Option(name: .customLong("operator"), help: "只看某操作人的记录") var operatorFilter: String?

    /// Times are kept in UTC and shown, and filtered by day, in Beijing time.
    static let beijing = BeijingTime.zone

    func run() throws {
        let store = try openStore(global, readReplica: replica.readReplica)
        let entries = try store.auditEntries(from: try Self.startOfDay(parseDate(from, option: "--from")),
                                             to: try Self.startOfDay(parseDate(to, option: "--to"), plusDays: 1),
                                             operatorName: operatorFilter)
        // Reading the trail is itself a read of who looked at what: it is recorded too.
        let asked = [from.map { "from=\($0)" }, to.map { "to=\($0)" }, operatorFilter.map { "operator=\($0)" }]
        try store.appendAudit(AuditEntry(operatorName: OperatorIdentity.name(given: nil), command: "audit",
                                         subject: asked.compactMap { $0 }.joined(separator: " "),
                                         returned: [], revealed: false, reason: nil))
        let terminal = Terminal.current
        if global.json {
            for entry in entries {
                terminal.print(jsonLine(["at": entry.at, "operator": entry.operatorName, "command": entry.command,
                                         "subject": orNull(entry.subject.map(PrivacyMask.text)), "returned": entry.returned,
                                         "revealed": entry.revealed, "reason": orNull(entry.reason)]))
            }
            return
        }
        let rows = entries.map { entry in
            [Self.beijingTime(entry.at), entry.operatorName, entry.command, PrivacyMask.text(entry.subject ?? ""),
             Self.returned(entry.returned, width: 40), entry.revealed ? "是：\(entry.reason ?? "")" : ""]
        }
        terminal.print("共 \(entries.count) 条审计记录（北京时间）")
        for line in table(header: ["时间", "操作人", "命令", "查询或编号", "返回", "完整显示"], rows: rows,
                          maxWidths: [19, 12, 12, 40, 40, 30]) {
            terminal.print(line)
        }
    }

    /// The UTC instant at which a Beijing day (plus some days) starts.
    static func startOfDay(_ date: CalendarDate?, plusDays: Int = 0) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        guard let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
              let shifted = calendar.date(byAdding: .day, value: plusDays, to: start) else { return nil }
        return ISO8601DateFormatter().string(from: shifted)
    }

    /// A stored UTC instant as Beijing time, `yyyy-MM-dd HH:mm:ss`.
    static func beijingTime(_ stored: String) -> String {
        BeijingTime.display(stored, seconds: true)
    }

    /// The count and as many whole ids as fit the width (never an id cut in two).
    static func returned(_ ids: [String], width: Int) -> String {
        var text = "\(ids.count) 条"
        for (index, id) in ids.enumerated() {
            let candidate = text + (index == 0 ? "：" : " ") + id
            let rest = ids.count - index - 1
            guard displayWidth(candidate) + (rest > 0 ? 3 : 0) <= width else { return text + " …" }
            text = candidate
        }
        return text
    }
}
