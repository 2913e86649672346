import ArgumentParser
import Foundation
import PetitionStore
import PetitionText

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "查看审计记录：谁在何时检索、查看、查重了什么")

    @OptionGroup var global: GlobalOptions

    @Option(help: "起始日期（含）") var from: String?
    @Option(help: "截止日期（含）") var to: String?
    @Option(name: .customLong("operator"), help: "只看某操作人的记录") var operatorFilter: String?

    func run() throws {
        let store = try openStore(global)
        let entries = try store.auditEntries(from: try parseDate(from, option: "--from")?.description,
                                             to: try parseDate(to, option: "--to")?.description,
                                             operatorName: operatorFilter)
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
            [entry.at, entry.operatorName, entry.command, PrivacyMask.text(entry.subject ?? ""),
             "\(entry.returned.count) 条" + (entry.returned.isEmpty ? "" : "：" + entry.returned.prefix(3).joined(separator: " ")),
             entry.revealed ? "是：\(entry.reason ?? "")" : ""]
        }
        terminal.print("共 \(entries.count) 条审计记录")
        for line in table(header: ["时间", "操作人", "命令", "查询或编号", "返回", "完整显示"], rows: rows,
                          maxWidths: [20, 12, 8, 30, 40, 30]) {
            terminal.print(line)
        }
    }
}
