import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionDedup
import PetitionService
import PetitionModel
import PetitionText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "受理查重：判断一件信访件是否重复信访、属于哪个积案或类案")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var privacy: PrivacyOptions
    @OptionGroup var acceptanceRules: RulesOptions

    @Flag(name: .long, help: "同时保存该件及其事项归属")
    var save = false

    @Argument(help: "一条信访件记录（JSON），文件路径或 - 表示标准输入")
    var file = "-"

    func run() throws {
        let rules = try acceptanceRules.load()
        let petition = try readPetition()
        let store = try openStore(global, readReplica: save ? nil : replica.readReplica)
        let checker = try IntakeChecker(store: store)
        checker.acceptanceRules = rules
        let result = save ? try checker.checkAndSave(petition) : try checker.check(petition)
        try privacy.audit(store, command: save ? "check --save" : "check", subject: petition.checkAuditSubject,
                          returned: result.matches.map(\.id))
        let terminal = Terminal.current
        if global.json {
            terminal.print(String(decoding: try Self.json(result).jsonData(), as: UTF8.self))
            return
        }
        let verdict = switch result.verdict {
        case .repeat: "重复信访"
        case .class: "类案（同一地点同类问题，非重复）"
        case .new: "新事项（首次受理）"
        }
        terminal.print("结论：\(verdict)" + (result.matterID.map { "，事项 \($0)" } ?? "")
            + (result.classID.map { "，类案 \($0)" } ?? ""))
        if let backlog = result.backlogCase {
            // The id is ours, never a number to mask; the title is written by people and may hold one.
            terminal.print("信访积案：\(backlog.caseID) " + PrivacyMask.text(backlog.title))
            for part in wrapped(PrivacyMask.text("  包案领导：\(backlog.leader ?? "未登记")；责任单位：\(backlog.responsibleUnits.joined(separator: "、"))；状态：\(backlog.status ?? "未登记")"), width: terminal.width) {
                terminal.print(part)
            }
        }
        if let escalation = result.escalation {
            terminal.print("越级访：此前已在\(escalation.fromLevel)受理（\(escalation.earlierID)），本次为\(escalation.toLevel)"
                + (escalation.skippedLevels > 0 ? "，越过 \(escalation.skippedLevels) 级" : ""))
        }
        terminal.print("集体访：\(result.collective ? "是" : "否")")
        for line in result.acceptance.map(AcceptanceOutput.lines) ?? [] {
            for part in wrapped(line, width: terminal.width) { terminal.print(part) }
        }
        if save, let matter = result.matterID { terminal.print("已保存 \(petition.id)，归入事项 \(matter)") }
        guard !result.matches.isEmpty else { return }
        terminal.print("")
        // The matter column: a match of the same matter may have been filed under another one so far.
        let rows = result.matches.map { match in
            [match.id, match.receivedAt, match.level ?? "", match.matterID ?? "未归入",
             // The score is the probability of one matter: for a class case's member it says
             // nothing a clerk needs (it is near 0 by design), so the relation speaks alone.
             match.relation == .sameMatter ? "同一事项" : "同类案件",
             match.relation == .sameMatter ? String(format: "%.2f", match.score) : "—",
             match.reasons.joined(separator: "；")]
        }
        for line in table(header: ["编号", "受理日期", "层级", "事项", "关系", "分数", "理由"], rows: rows,
                          maxWidths: [16, 10, 6, 8, 8, 5, 80], fitting: terminal.width) {
            terminal.print(line)
        }
    }

    private func readPetition() throws -> Petition {
        let data: Data
        if file == "-" {
            if isatty(STDIN_FILENO) == 1 {
                Terminal.current.printError("请输入或粘贴一条信访件记录（JSON），以 Ctrl-D 结束：")
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw UserError(message: "无法读取文件 \(file)：" + (FileManager.default.fileExists(atPath: file)
                    ? "没有读取权限或不是普通文件" : "文件不存在（检查路径，或用 - 从标准输入读入）"))
            }
            data = contents
        }
        let text = RecordFile.text(of: data).trimmingCharacters(in: .whitespacesAndNewlines)
        guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw UserError(message: "输入不是一个有效的 JSON 对象")
        }
        if (object["id"] as? String)?.isEmpty ?? true {
            if save { throw UserError(message: "字段 id：--save 需要信访件编号") }
            object["id"] = "待受理"
        }
        do {
            return try RecordDecoding.petitionToCheck(from: object)
        } catch {
            throw UserError(message: error.description)
        }
    }

    /// DOMAIN.md's object, as the service answers it too.
    static func json(_ result: CheckResult) -> CheckAnswer {
        AnswerJSON.check(result)
    }
}
