import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
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

    func run() throws {
        let store = try openStore(global, readReplica: replica.readReplica)
        let fromDay = try parseDate(from, option: "--from"), toDay = try parseDate(to, option: "--to")
        let entries = try store.auditEntries(from: BeijingTime.startOfDay(fromDay), to: BeijingTime.startOfDay(toDay, plusDays: 1),
                                             operatorName: operatorFilter)
        // Reading the trail is itself a read of who looked at what: it is recorded too.
        try store.appendAudit(AuditEntry(operatorName: OperatorIdentity.name(given: nil), command: "audit",
                                         subject: AuditSubject.auditQuery(from: fromDay, to: toDay, operatorName: operatorFilter),
                                         returned: [], revealed: false, reason: nil))
        let terminal = Terminal.current
        if global.json {
            for entry in entries {
                terminal.print(jsonLine(AnswerJSON.auditEntry(entry)))
            }
            return
        }
        let rows = entries.map { entry in
            [Self.beijingTime(entry.at), entry.operatorName, entry.command, PrivacyMask.text(entry.subject ?? ""),
             Self.returned(entry.returned, width: 40), entry.revealed ? "是：\(entry.reason ?? "")" : ""]
        }
        terminal.print("共 \(entries.count) 条审计记录（北京时间）")
        // What was asked is the free text, last, narrowed to the terminal's width; the reveal
        // column only when something was revealed.
        let anyRevealed = entries.contains(where: \.revealed)
        let header = ["时间", "操作人", "命令", "返回"] + (anyRevealed ? ["完整显示"] : []) + ["查询或编号"]
        let shown = rows.map { [$0[0], $0[1], $0[2], $0[4]] + (anyRevealed ? [$0[5]] : []) + [$0[3]] }
        for line in table(header: header, rows: shown, maxWidths: [19, 8, 12, 14] + (anyRevealed ? [12] : []) + [60],
                          fitting: terminal.width) {
            terminal.print(line)
        }
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
