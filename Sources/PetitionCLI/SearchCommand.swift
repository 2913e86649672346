import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
import PetitionText

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "中文全文检索：空格分隔表示同时包含，\"...\" 为短语，-词 表示排除，OR 表示任一")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var privacy: PrivacyOptions

    @Argument(parsing: .allUnrecognized, help: "检索词（-词 表示排除）")
    var query: [String]

    @Option(help: "地区：省、市、区县名称或行政区划代码前缀") var region: String?
    @Option(help: "问题类别") var category: String?
    @Option(help: "信访层级：县级 市级 省级 国家级") var level: String?
    @Option(help: "渠道：来信 来访 网上信访 电话") var channel: String?
    @Option(help: "起始日期（含）") var from: String?
    @Option(help: "截止日期（含）") var to: String?
    @Option(help: "信访人姓名、身份证号或电话") var petitioner: String?
    @Option(help: "办理阶段（该件办理记录所至）：办理中 已答复 复查中 复核中 复核终结（或 in_handling answered under_review under_recheck concluded）") var stage: String?
    @Option(help: "返回条数") var limit = 20
    @Option(help: "跳过条数") var offset = 0

    func run() throws {
        if let option = query.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw UserError(message: "未知选项 \(option)（查看 petition search --help）")
        }
        let text = query.filter { $0 != "--" }.joined(separator: " ")
        var request: SearchRequest
        do {
            request = SearchRequest(query: try SearchQuery(parsing: text))
        } catch .noSearchableTerm {
            throw UserError(message: "查询「\(text)」中没有可检索的字词")
        } catch .onlyExclusions {
            throw UserError(message: "查询「\(text)」只有排除词，至少需要一个检索词")
        } catch let .tooLong(limit) {
            throw UserError(message: "查询过长：最多 \(limit) 个字符")
        } catch let .tooManyTerms(limit) {
            throw UserError(message: "查询的检索词过多：最多 \(limit) 个（含排除词和 OR 连接的词）")
        }
        if let level, !Petition.levels.contains(level) {
            throw UserError(message: "--level 应为 \(Petition.levels.joined(separator: "、"))")
        }
        if let channel, !Petition.channels.contains(channel) {
            throw UserError(message: "--channel 应为 \(Petition.channels.joined(separator: "、"))")
        }
        if let stage, Handling.Stage(named: stage) == nil {
            throw UserError(message: "--stage 应为 "
                            + Handling.Stage.allCases.map { "\($0.chineseName)（\($0.rawValue)）" }.joined(separator: "、"))
        }
        guard limit >= 0, offset >= 0 else { throw UserError(message: "--limit 与 --offset 不能为负数") }
        request.region = region
        request.category = category
        request.level = level
        request.channel = channel
        request.from = try parseDate(from, option: "--from")
        request.to = try parseDate(to, option: "--to")
        request.petitioner = petitioner
        request.stage = stage.flatMap(Handling.Stage.init(named:))
        request.limit = limit
        request.offset = offset
        let store = try openStore(global, readReplica: replica.readReplica)
        let result = try store.search(request)
        let subject = request.auditSubject(query: text)
        try privacy.audit(store, command: "search", subject: subject, returned: result.hits.map(\.id))
        let terminal = Terminal.current
        if global.json {
            for hit in result.hits {
                terminal.print(jsonLine(AnswerJSON.searchHit(hit, total: result.total, privacy: privacy.filter)))
            }
            return
        }
        let (start, end) = terminal.isInteractive ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("【", "】")
        guard result.total > 0 else {
            terminal.print("未找到匹配的信访件" + (request.hasFilters ? "（已按筛选条件过滤，可放宽条件再试）" : ""))
            return
        }
        guard !result.hits.isEmpty else {
            terminal.print("共找到 \(result.total) 件，第 \(offset + 1) 件起已无结果（--offset 过大）")
            return
        }
        terminal.print("共找到 \(result.total) 件，显示第 \(offset + 1)–\(offset + result.hits.count) 件")
        let rows = result.hits.map { hit in
            [hit.id, hit.receivedAt, hit.level ?? "", hit.channel ?? "", hit.region, privacy.text(AnswerJSON.plain(hit.title))]
        }
        let lines = table(header: ["编号", "受理日期", "层级", "渠道", "地区", "标题"], rows: rows,
                          maxWidths: [16, 10, 6, 8, 24, 40], fitting: terminal.width)
        terminal.print(lines[0])
        terminal.print(lines[1])
        for (line, hit) in zip(lines.dropFirst(2), result.hits) {
            terminal.print(line)
            terminal.print("    " + AnswerJSON.marked(privacy.text(hit.snippet), start: start, end: end))
        }
    }
}

func parseDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(parsing: text) else {
        throw UserError(message: "\(option) 不是有效日期：\(text)")
    }
    return date
}
