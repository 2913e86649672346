import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionDedup
import PetitionModel
import PetitionText

/// `petition label`: an official judges the pairs the detector is least sure
/// of, one at a time, and `dedup --full --weights learn` learns from them.
struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "判定查重最没把握的信访件对（同一事项 / 不同事项 / 跳过），供 dedup --weights learn 学习",
        discussion: """
            逐对显示两件信访的全文（身份证号、电话已遮蔽）与查重理由，读入判定：
              y 同一事项　n 不同事项　s 跳过　q 结束
            判定即时保存，记入审计；再次判定同一对以后者为准。
            --import 读入判定样本文件（与 pairs-dev.jsonl 同格式：每行 {"a","b","label"}），
            --list 只列出待判定的信访件对。
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("本次最多判定的对数", valueName: "对数"))
    var limit = 20

    @Option(name: .long, help: ArgumentHelp("从最近多少件信访中找待判定的对（每件约 6 毫秒）", valueName: "件数"))
    var recent = 2_000

    @Flag(name: .long, help: "只列出待判定的信访件对，不读入判定")
    var list = false

    @Option(name: .customLong("import"), help: ArgumentHelp("读入判定样本文件（JSON Lines，pairs-dev.jsonl 格式）", valueName: "文件"))
    var importFile: String?

    @Option(name: .long, help: "操作人（默认 $PETITION_OPERATOR 或系统用户名），记入审计")
    var `operator`: String?

    func validate() throws {
        guard (1...200).contains(limit) else { throw ValidationError("--limit 应在 1 到 200 之间") }
        guard (1...100_000).contains(recent) else { throw ValidationError("--recent 应在 1 到 100000 之间") }
        if list && importFile != nil { throw ValidationError("--list 与 --import 不能同时使用") }
    }

    func run() throws {
        let store = try openStore(global)
        let operatorName = OperatorIdentity.name(given: `operator`)
        if let importFile {
            try importLabels(importFile, into: store, operatorName: operatorName)
            return
        }
        var queue = LabelQueue(store: store)
        queue.recentPetitions = recent
        let terminal = Terminal.current
        if !global.json { terminal.printError("正在从最近 \(recent) 件信访中找查重最没把握的信访件对……") }
        let pairs = try queue.pairs(limit: limit)
        // Showing both texts is a read of them.
        try store.appendAudit(AuditEntry(operatorName: operatorName, command: "label",
                                         subject: "待判定 --limit \(limit) --recent \(recent)",
                                         returned: pairs.flatMap { [$0.a, $0.b] }, revealed: false, reason: nil))
        let privacy = PrivacyFilter(reveal: false)
        if list {
            for pair in pairs {
                if global.json {
                    terminal.print(jsonLine(try LabelAnswer.queued(pair, store: store, privacy: privacy)))
                } else {
                    terminal.print(String(format: "%@ ~ %@  概率 %.2f  距判定线 %+.1f  %@", pair.a, pair.b, pair.probability,
                                          pair.margin, pair.reasons.map(PrivacyMask.text).joined(separator: "；")))
                }
            }
            if !global.json { terminal.print("共 \(pairs.count) 对待判定") }
            return
        }
        guard !pairs.isEmpty else {
            terminal.print("没有待判定的信访件对")
            return
        }
        var saved: [PairLabel] = []
        for (number, pair) in pairs.enumerated() {
            try show(pair, number: number + 1, of: pairs.count, store: store, terminal: terminal)
            guard let judgment = ask(terminal) else { break }
            let label = PairLabel(pair.a, pair.b, judgment: judgment, operatorName: operatorName,
                                  labelledAt: ISO8601DateFormatter().string(from: Date()), source: "label")
            // Saved at once: an official who stops halfway keeps what he judged.
            try store.saveLabels([label])
            try store.appendAudit(AuditEntry(operatorName: operatorName, command: "label",
                                             subject: "判定：\(judgment.chinese)",
                                             returned: [label.first, label.second], revealed: false, reason: nil))
            saved.append(label)
        }
        let same = saved.filter { $0.judgment == .sameMatter }.count
        let different = saved.filter { $0.judgment == .different }.count
        terminal.print("已保存 \(saved.count) 对判定：同一事项 \(same)，不同事项 \(different)，跳过 \(saved.count - same - different)。"
                       + "运行 petition dedup --full --weights learn 学习")
    }

    private func show(_ pair: QueuedPair, number: Int, of total: Int, store: any PetitionStorage, terminal: Terminal) throws {
        terminal.print("")
        terminal.print(String(format: "第 %d/%d 对　查重概率 %.2f　%@", number, total, pair.probability,
                              pair.relation == .sameMatter ? "现判为同一事项" : "现判为不同事项"))
        if !pair.reasons.isEmpty { terminal.print("理由：" + pair.reasons.map(PrivacyMask.text).joined(separator: "；")) }
        for petition in try LabelAnswer.sideBySide(pair, store: store, privacy: PrivacyFilter(reveal: false)) {
            terminal.print("── \(petition.id)　\(petition.receivedAt)　\(petition.petitioner ?? "")")
            if let title = petition.title { terminal.print("标题：" + title) }
            terminal.print(petition.content)
        }
    }

    /// The official's answer; nil to stop (q, or the end of input).
    private func ask(_ terminal: Terminal) -> PairLabel.Judgment? {
        while true {
            terminal.printError("判定（y 同一事项 / n 不同事项 / s 跳过 / q 结束）：")
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.lowercased() == "q" || answer == "结束" { return nil }
            if let judgment = LabelAnswer.judgment(answer) { return judgment }
            terminal.printError("无法识别「\(answer.prefix(20))」")
        }
    }

    private func importLabels(_ path: String, into store: any PetitionStorage, operatorName: String) throws {
        let judged: [JudgedPair]
        do {
            judged = try JudgedPair.load(path: path)
        } catch let error as JudgedPair.FileError {
            throw UserError(message: error.description)
        }
        let (labels, undecided) = LabelAnswer.labels(fromJudged: judged, operatorName: operatorName,
                                                    at: ISO8601DateFormatter().string(from: Date()))
        var missing: [String] = []
        for label in labels {
            for id in [label.first, label.second] where try store.storedPetition(id: id) == nil { missing.append(id) }
        }
        guard missing.isEmpty else {
            throw UserError(message: "判定样本 \(path)：库中没有信访件 \(missing.prefix(5).joined(separator: "、"))"
                                + (missing.count > 5 ? " 等 \(missing.count) 件" : "") + "，未保存任何判定")
        }
        try store.saveLabels(labels)
        try store.appendAudit(AuditEntry(operatorName: operatorName, command: "label",
                                         subject: "导入判定 \(path)：\(labels.count) 对",
                                         returned: labels.flatMap { [$0.first, $0.second] }, revealed: false, reason: nil))
        let same = labels.filter { $0.judgment == .sameMatter }.count
        if global.json {
            Terminal.current.print(jsonLine(["imported": labels.count, "same_matter": same,
                                             "different": labels.count - same, "undecided": undecided]))
        } else {
            Terminal.current.print("已导入 \(labels.count) 对判定：同一事项 \(same)，不同事项 \(labels.count - same)"
                                   + (undecided > 0 ? "；\(undecided) 对为 shared_issue（同一事物、不同信访人），不能判为同一事项或不同事项，未导入" : ""))
        }
    }
}
