import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionDedup
import PetitionModel

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "查看一件信访件或信访积案：所属事项、历次信访、类案与积案")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var privacy: PrivacyOptions

    @Argument(help: "信访件编号或积案编号")
    var id: String

    func run() throws {
        let store = try openStore(global, readReplica: replica.readReplica)
        let loaded = try CaseFile.load(id: id, store: store)
        try privacy.audit(store, command: "show", subject: id,
                          returned: loaded.map { $0.matters.flatMap { $0.petitions.map(\.id) } } ?? [])
        guard let found = loaded else {
            throw UserError(message: "找不到编号为 \(id) 的信访件或信访积案")
        }
        let file = privacy.reveal ? found : found.masked
        let terminal = Terminal.current
        if global.json {
            terminal.print(jsonLine(AnswerJSON.petitionFile(file, privacy: privacy.filter)))
            return
        }
        if let petition = file.petition {
            terminal.print("信访件 \(petition.id)  \(petition.receivedAt)  \(petition.level ?? "")  \(petition.channel ?? "")")
            terminal.print("地区：\([petition.province, petition.city, petition.county].compactMap { $0 }.joined())  类别：\(petition.category ?? "")  被反映单位：\(petition.respondent ?? "")")
            let people = petition.petitioners.map { person in
                [person.name, privacy.identifier(person.idNumber), privacy.identifier(person.phone)].compactMap { $0 }
                    .joined(separator: " ")
            }
            terminal.print("信访人：\(people.joined(separator: "；"))" + ((petition.headcount ?? 0) > 1 ? "（\(petition.headcount!) 人）" : ""))
            terminal.print("标题：\(privacy.text(petition.title ?? ""))")
            terminal.print("内容：\(privacy.text(petition.content))")
            for line in petition.handling.map(HandlingOutput.lines) ?? [] { terminal.print(line) }
        }
        if let backlog = file.backlogCase {
            terminal.print("")
            terminal.print("信访积案 \(backlog.caseID)：\(backlog.title)")
            terminal.print("  包案领导：\(backlog.leader ?? "未登记")；责任单位：\(backlog.responsibleUnits.joined(separator: "、"))；状态：\(backlog.status ?? "未登记")；立案：\(backlog.openedAt?.description ?? "")")
            if file.petition == nil, let summary = backlog.summary { terminal.print("  概要：\(summary)") }
        }
        for matter in file.matters {
            terminal.print("")
            terminal.print("事项 \(matter.matterID)：共 \(matter.petitions.count) 件" + (matter.classID.map { "，属类案 \($0)（\(matter.classSize ?? 0) 个事项）" } ?? ""))
            let rows = matter.petitions.map { [$0.id, $0.receivedAt, $0.level ?? "", $0.channel ?? "", $0.petitioner ?? "", $0.title ?? ""] }
            for line in table(header: ["编号", "受理日期", "层级", "渠道", "信访人", "标题"], rows: rows, maxWidths: [16, 10, 6, 8, 10, 40]) {
                terminal.print(line)
            }
            for escalation in matter.escalations {
                terminal.print("越级：\(escalation.id) 由\(escalation.from)升至\(escalation.to)")
            }
        }
        if file.petition != nil && file.matters.isEmpty { terminal.print("\n尚未查重归入事项（运行 petition dedup）") }
    }
}
