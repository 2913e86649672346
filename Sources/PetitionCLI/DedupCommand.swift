import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionDashboard
import PetitionDedup
import PetitionModel

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "夜间查重：把新信访件归入事项，识别类案、越级访，关联信访积案")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var acceptanceRules: RulesOptions

    @Flag(name: .long, help: "全部重新计算（默认只处理上次以来的新件）")
    var full = false

    @Option(name: .long, help: ArgumentHelp("匹配权重：stored（沿用库中保存的，默认）、estimate（由本库信访件以 EM 估计并保存）、hand-set（人工设定并保存）、learn（以 petition label 的判定重新拟合合并判断并保存）",
                                            valueName: "来源"))
    var weights: WeightSource = .stored

    enum WeightSource: String, ExpressibleByArgument, CaseIterable {
        case stored, estimate, handSet = "hand-set", learn

        var choice: DedupJob.WeightChoice { DedupJob.WeightChoice(rawValue: rawValue)! }
    }

    @Option(name: .long, help: ArgumentHelp("只处理一个城市（六位地区代码，如 370100）：读、写与任务锁都限于该市分区，不同城市可同时运行（仅 PostgreSQL）",
                                            valueName: "地区代码"))
    var region: String?

    @Option(name: .long, help: "写出事项聚类（JSON Lines，每行一个事项）")
    var clusters: String?

    @Option(name: .long, help: "写出报告目录（Markdown、CSV 与挂图作战页 report.html，加 --json 另写 JSON）")
    var report: String?

    @Option(name: .long, help: "操作人（默认 $PETITION_OPERATOR 或系统用户名），记入审计")
    var `operator`: String?

    func run() throws {
        let rules = try acceptanceRules.load()
        var store = try openStore(global)
        if let region {
            // A city's run sees only the city's partition.
            guard let partitioned = store as? any CityPartitionedStorage else {
                throw UserError(message: "--region 仅适用于 PostgreSQL 数据库（--db postgres://…）；SQLite 库请不加 --region 运行")
            }
            do {
                store = try partitioned.cityScoped(region)
            } catch let error as any StoreFailure {
                throw UserError(message: error.description)
            }
        }
        if weights == .learn {
            do {
                try LabelLearner.requireEnoughLabels(in: store)
            } catch let error as LabelLearner.TooFewLabels {
                throw UserError(message: error.description)
            }
        }
        let interruption = Interruption()
        let bar = ProgressBar(label: "查重")
        let job = DedupJob(store: store)
        job.weightChoice = weights.choice
        let summary = try job.run(full: full, progress: bar.update, shouldStop: { interruption.isRequested })
        bar.finish()
        if summary.interrupted {
            Terminal.current.printError("已中断：已归入事项的 \(summary.scored) 件已保存。运行 petition dedup（不加 --full）即可继续。")
            throw ExitCode(130)
        }
        do {
            if let clusters { try ClusterExport.write(store: store, to: clusters) }
            if let report {
                var dedupReport = DedupReport(store: store, summary: summary)
                dedupReport.acceptanceRules = rules
                try dedupReport.write(to: report, json: global.json)
                let figures = try DashboardBuilder(store: store, rules: rules, placeNamer: dedupReport.placeNamer).build()
                if let view = DashboardView(figures: figures, scope: DashboardScope()) {
                    try PrivateFile.write(DashboardPage(view: view, mode: .file(regions: figures.root)).html(),
                                          to: report + "/report.html")
                }
            }
        } catch let error as PrivateFile.WriteError {
            throw UserError(message: error.description + "（查重结果已保存在数据库中）")
        }
        // The run reads every petition and may write a report of them: who ran it, and where the report went, is audited.
        try store.appendAudit(AuditEntry(operatorName: OperatorIdentity.name(given: `operator`), command: "dedup",
                                         subject: AuditSubject.dedup(full: full, weights: weights.choice, region: region,
                                                                     report: report, clusters: clusters),
                                         returned: [], revealed: false, reason: nil))
        let terminal = Terminal.current
        if global.json {
            terminal.print(jsonLine(AnswerJSON.dedupSummary(summary)))
        } else {
            terminal.print(String(format: "本次处理 %d 件：新事项 %d 个，重复信访 %d 件；共 %d 个事项、%d 个类案、%d 个积案关联、%d 次越级（%.1f 秒）",
                                  summary.scored, summary.newMatters, summary.repeats, summary.matters,
                                  summary.classes, summary.backlogLinks, summary.escalations, summary.seconds))
        }
    }
}
