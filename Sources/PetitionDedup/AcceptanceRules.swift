import Foundation
import PetitionModel

/// The acceptance rules (受理规则) and time limits, read from a rule file: the
/// bundled `Resources/acceptance-rules.txt`, whose header documents the format,
/// the condition vocabulary and where each default comes from, or a bureau's
/// own copy. Limits live only there, so a bureau changes them without a build.
///
/// A file is refused whole, with the line and rule at fault, when anything in
/// it is unknown, missing or negative, when a condition can never hold, when
/// two rules with different advice can hold at once, or when some case has no
/// rule: checked over every case ``AcceptanceFacts/all`` lists.
public struct AcceptanceRules: Sendable {
    /// Time limits in days, and the most representatives a collective visit may send.
    public struct Limits: Sendable, Equatable {
        public var handlingDays: Int
        public var extensionDays: Int
        public var reviewRequestDays: Int
        public var reviewAnswerDays: Int
        public var recheckRequestDays: Int
        public var recheckAnswerDays: Int
        public var collectiveRepresentatives: Int

        /// The names in the `[limits]` section, in the order they are documented.
        static let names = ["handling_days", "extension_days", "review_request_days", "review_answer_days",
                            "recheck_request_days", "recheck_answer_days", "collective_representatives"]

        public init(handlingDays: Int, extensionDays: Int, reviewRequestDays: Int, reviewAnswerDays: Int,
                    recheckRequestDays: Int, recheckAnswerDays: Int, collectiveRepresentatives: Int) {
            self.handlingDays = handlingDays
            self.extensionDays = extensionDays
            self.reviewRequestDays = reviewRequestDays
            self.reviewAnswerDays = reviewAnswerDays
            self.recheckRequestDays = recheckRequestDays
            self.recheckAnswerDays = recheckAnswerDays
            self.collectiveRepresentatives = collectiveRepresentatives
        }

        init(values: [String: Int]) {
            handlingDays = values["handling_days"]!
            extensionDays = values["extension_days"]!
            reviewRequestDays = values["review_request_days"]!
            reviewAnswerDays = values["review_answer_days"]!
            recheckRequestDays = values["recheck_request_days"]!
            recheckAnswerDays = values["recheck_answer_days"]!
            collectiveRepresentatives = values["collective_representatives"]!
        }

        public var named: [(name: String, value: Int)] {
            zip(Self.names, [handlingDays, extensionDays, reviewRequestDays, reviewAnswerDays, recheckRequestDays,
                             recheckAnswerDays, collectiveRepresentatives]).map { ($0, $1) }
        }

        /// The limits as the 信访工作条例 words them, for an official.
        public var chineseDescription: String {
            "办理 \(handlingDays) 天，可延长 \(extensionDays) 天；请求复查 \(reviewRequestDays) 天内，复查答复 \(reviewAnswerDays) 天；"
                + "请求复核 \(recheckRequestDays) 天内，复核答复 \(recheckAnswerDays) 天；走访代表不超过 \(collectiveRepresentatives) 人"
        }
    }

    /// A conjunction of possibly negated terms of the condition vocabulary.
    public struct Condition: Sendable, CustomStringConvertible {
        enum Term: Sendable {
            case sameMatter, withinLimit, overdue, windowOpen, levelAboveHandling, visit, moreThanRepresentatives
            case stage(Set<Handling.Stage?>)

            static let named: [String: Term] = [
                "same_matter": .sameMatter, "within_limit": .withinLimit, "overdue": .overdue,
                "window_open": .windowOpen, "level_above_handling": .levelAboveHandling, "visit": .visit,
                "more_than_representatives": .moreThanRepresentatives,
            ]

            /// The term as an official reads it.
            var chinese: String {
                switch self {
                case .sameMatter: "同一事项"
                case .withinLimit: "尚在办理期限内"
                case .overdue: "已超过办理期限"
                case .windowOpen: "请求复查、复核的期限未过"
                case .levelAboveHandling: "向办理机关的上级机关提出"
                case .visit: "走访"
                case .moreThanRepresentatives: "人数超过代表人数"
                case let .stage(stages):
                    "办理阶段为" + stages.map { $0?.chineseName ?? "无办理记录" }.sorted().joined(separator: "或")
                }
            }

            /// Its negation, worded as an official would word it.
            var negatedChinese: String {
                switch self {
                case .sameMatter: "不是同一事项"
                case .withinLimit: "不在办理期限内"
                case .overdue: "未超过办理期限"
                case .windowOpen: "请求复查、复核的期限已过"
                case .levelAboveHandling: "未向办理机关的上级机关提出"
                case .visit: "不是走访"
                case .moreThanRepresentatives: "人数未超过代表人数"
                case .stage: "不是" + chinese
                }
            }

            func holds(_ facts: AcceptanceFacts) -> Bool {
                switch self {
                case .sameMatter: facts.sameMatter
                case .withinLimit: facts.withinLimit
                case .overdue: facts.overdue
                case .windowOpen: facts.windowOpen
                case .levelAboveHandling: facts.levelAboveHandling
                case .visit: facts.visit
                case .moreThanRepresentatives: facts.moreThanRepresentatives
                case let .stage(stages): stages.contains(facts.stage)
                }
            }
        }

        let literals: [(term: Term, negated: Bool)]
        public let description: String

        /// The condition as an official reads it: its terms in Chinese, joined by 且.
        public var chineseDescription: String {
            literals.map { $0.negated ? $0.term.negatedChinese : $0.term.chinese }.joined(separator: "，且")
        }

        public func holds(_ facts: AcceptanceFacts) -> Bool {
            literals.allSatisfy { $0.term.holds(facts) != $0.negated }
        }

        /// Parses `same_matter & stage=in_handling,under_review & !level_above_handling`;
        /// the message says what is wrong.
        static func parse(_ text: String) -> Result<Condition, Message> {
            var literals: [(Term, Bool)] = []
            for piece in text.split(separator: "&", omittingEmptySubsequences: false) {
                var word = piece.trimmingCharacters(in: .whitespaces)
                let negated = word.hasPrefix("!")
                if negated { word = String(word.dropFirst()).trimmingCharacters(in: .whitespaces) }
                guard !word.isEmpty else { return .failure(Message("条件中有空的条件词（& 前后须有条件词）")) }
                if word.hasPrefix("stage") {
                    let parts = word.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, parts[0] == "stage", !parts[1].isEmpty else {
                        return .failure(Message("条件词 \(word) 应写作 stage=阶段[,阶段…]"))
                    }
                    var stages = Set<Handling.Stage?>()
                    for name in parts[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                        if name == "none" {
                            stages.insert(nil)
                        } else if let stage = Handling.Stage(rawValue: name) {
                            stages.insert(stage)
                        } else {
                            let known = (["none"] + Handling.Stage.allCases.map(\.rawValue)).joined(separator: "、")
                            return .failure(Message("未知阶段 \(name)（可用：\(known)）"))
                        }
                    }
                    literals.append((.stage(stages), negated))
                } else if let term = Term.named[word] {
                    literals.append((term, negated))
                } else {
                    let known = (Term.named.keys.sorted() + ["stage=…"]).joined(separator: "、")
                    return .failure(Message("未知条件词 \(word)（可用：\(known)）"))
                }
            }
            return .success(Condition(literals: literals, description: text))
        }
    }

    /// A Chinese text with `{placeholder}`s, each filled from the matter's stage.
    public struct Template: Sendable {
        public let text: String
        let placeholders: [String]

        /// Every placeholder, and the facts under which it has a value.
        static let availability: [String: @Sendable (AcceptanceFacts) -> Bool] = [
            "organ": { $0.stage != nil }, "level": { $0.stage != nil }, "step": { $0.stage != nil },
            "started_at": { $0.stage.map(AcceptanceFacts.stagesInProgress.contains) ?? false },
            "due_at": { $0.stage.map(AcceptanceFacts.stagesInProgress.contains) ?? false },
            "replied_at": { $0.stage == .answered }, "window_ends_at": { $0.stage == .answered },
            "next_step": { $0.stage == .answered },
            "recheck_organ": { $0.stage == .concluded }, "recheck_replied_at": { $0.stage == .concluded },
            "headcount": { _ in true }, "representatives": { _ in true },
        ]

        static func parse(_ text: String) -> Result<Template, Message> {
            var placeholders: [String] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else {
                    return .failure(Message("占位符缺少右括号 }"))
                }
                let name = String(rest[rest.index(after: open)..<close])
                guard availability[name] != nil else {
                    return .failure(Message("未知占位符 {\(name)}（可用：\(availability.keys.sorted().map { "{\($0)}" }.joined(separator: " "))）"))
                }
                placeholders.append(name)
                rest = rest[rest.index(after: close)...]
            }
            return .success(Template(text: text, placeholders: placeholders))
        }

        /// The text with every placeholder replaced; a value the record lacks reads as 未登记.
        func filled(_ values: [String: String]) -> String {
            var result = text
            for name in Set(placeholders) {
                result = result.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "未登记")
            }
            return result
        }
    }

    public struct Rule: Sendable {
        public let id: String
        /// Where its `[rule …]` header is in the file.
        public let line: Int
        public let condition: Condition
        public let advice: AcceptanceAdvice.Advice
        public let reason: Template
    }

    public struct Note: Sendable {
        public let id: String
        public let line: Int
        public let condition: Condition
        public let text: Template
    }

    /// Why a rule file was refused.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The file, or 内置规则.
        public var source: String
        public var line: Int?
        public var rule: String?
        public var message: String

        public var description: String {
            var place = "受理规则 \(source)"
            if let line { place += " 第 \(line) 行" }
            if let rule { place += "（规则 \(rule)）" }
            return place + "：" + message
        }
    }

    /// A reason without its place, which the parser adds.
    struct Message: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// The file the rules came from, or 内置规则.
    public let source: String
    public let limits: Limits
    /// The probability a same-matter match must reach, with the petitioners'
    /// identity agreeing, before a decline is advised (`[decision]
    /// decision_level`); below it the advice is `verify`.
    public let decisionLevel: Double
    /// When a file has no `[decision]` section: declines only on near-certain matches.
    public static let defaultDecisionLevel = 0.99
    /// In file order: among rules with the same advice, the first that holds gives the reason.
    public let rules: [Rule]
    public let notes: [Note]
    /// The file as read, so that a bureau can start from it.
    public let text: String

    public static let bundledSource = "内置规则"
    /// Ten years: a larger limit is a typing error, not a policy.
    static let largestLimit = 3650

    /// The rules bundled with the program (the 条例's defaults).
    public static func bundled() throws(LoadError) -> AcceptanceRules {
        guard let url = Bundle.module.url(forResource: "acceptance-rules", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError(source: bundledSource, message: "找不到内置规则文件 acceptance-rules.txt")
        }
        return try AcceptanceRules(text: text, source: bundledSource)
    }

    /// A bureau's rule file.
    public static func load(path: String) throws(LoadError) -> AcceptanceRules {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(source: path, message: "无法读取文件")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LoadError(source: path, message: "不是 UTF-8 文本")
        }
        return try AcceptanceRules(text: text, source: path)
    }

    /// Parses and checks a rule file's text.
    public init(text: String, source: String) throws(LoadError) {
        func failure(_ line: Int?, _ rule: String?, _ message: String) -> LoadError {
            LoadError(source: source, line: line, rule: rule, message: message)
        }
        enum Section {
            case limits
            case decision
            case rule(id: String, line: Int, values: [String: (value: String, line: Int)])
            case note(id: String, line: Int, values: [String: (value: String, line: Int)])
        }
        var sections: [Section] = []
        var limitValues: [String: Int] = [:]
        var decisionLevel: Double?
        var sawDecision = false
        var seenIDs: Set<String> = []
        var sawLimits = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r\u{FEFF}")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw failure(number, nil, "节标题应写作 [limits]、[rule 编号] 或 [note 编号]") }
                let words = line.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                switch (words.first, words.count) {
                case ("limits", 1):
                    if sawLimits { throw failure(number, nil, "[limits] 节重复") }
                    sawLimits = true
                    sections.append(.limits)
                case ("decision", 1):
                    if sawDecision { throw failure(number, nil, "[decision] 节重复") }
                    sawDecision = true
                    sections.append(.decision)
                case ("rule", 2), ("note", 2):
                    let id = words[1]
                    guard id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") })
                    else { throw failure(number, id, "编号只能由字母、数字、下划线、连字符组成") }
                    guard seenIDs.insert(id).inserted else { throw failure(number, id, "编号重复") }
                    sections.append(words[0] == "rule" ? .rule(id: id, line: number, values: [:])
                                                       : .note(id: id, line: number, values: [:]))
                default:
                    throw failure(number, nil, "未知的节 \(line)（应为 [limits]、[decision]、[rule 编号] 或 [note 编号]）")
                }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw failure(number, nil, "应写作「键 = 值」：\(line.prefix(40))")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let current = sections.popLast() else {
                throw failure(number, nil, "键 \(key) 不在任何节内（先写 [limits]、[rule 编号] 或 [note 编号]）")
            }
            switch current {
            case .limits:
                guard Limits.names.contains(key) else {
                    throw failure(number, nil, "未知键 \(key)（[limits] 可用：\(Limits.names.joined(separator: "、"))）")
                }
                guard limitValues[key] == nil else { throw failure(number, nil, "期限 \(key) 重复") }
                guard let amount = Int(value) else { throw failure(number, nil, "期限 \(key) 应为整数，实为 \(value.prefix(20))") }
                guard amount >= 0 else { throw failure(number, nil, "期限 \(key) 不能为负数：\(amount)") }
                guard amount <= Self.largestLimit else {
                    throw failure(number, nil, "期限 \(key) 过大：\(amount)（上限 \(Self.largestLimit)）")
                }
                limitValues[key] = amount
                sections.append(.limits)
            case .decision:
                guard key == "decision_level" else {
                    throw failure(number, nil, "未知键 \(key)（[decision] 可用：decision_level）")
                }
                guard decisionLevel == nil else { throw failure(number, nil, "decision_level 重复") }
                guard let level = Double(value), level > 0.5, level <= 1 else {
                    throw failure(number, nil, "decision_level 应为大于 0.5、不大于 1 的小数，实为 \(value.prefix(20))")
                }
                decisionLevel = level
                sections.append(.decision)
            case .rule(let id, let header, var values):
                guard ["condition", "advice", "reason"].contains(key) else {
                    throw failure(number, id, "未知键 \(key)（规则可用：condition、advice、reason）")
                }
                guard values[key] == nil else { throw failure(number, id, "键 \(key) 重复") }
                values[key] = (value, number)
                sections.append(.rule(id: id, line: header, values: values))
            case .note(let id, let header, var values):
                guard ["condition", "text"].contains(key) else {
                    throw failure(number, id, "未知键 \(key)（提示可用：condition、text）")
                }
                guard values[key] == nil else { throw failure(number, id, "键 \(key) 重复") }
                values[key] = (value, number)
                sections.append(.note(id: id, line: header, values: values))
            }
        }
        if let missing = Limits.names.first(where: { limitValues[$0] == nil }) {
            throw failure(nil, nil, "[limits] 缺少期限 \(missing)")
        }

        func required(_ values: [String: (value: String, line: Int)], _ key: String, id: String, header: Int) throws(LoadError) -> (value: String, line: Int) {
            guard let entry = values[key], !entry.value.isEmpty else { throw failure(header, id, "缺少键 \(key)") }
            return entry
        }
        func condition(_ entry: (value: String, line: Int), id: String) throws(LoadError) -> Condition {
            switch Condition.parse(entry.value) {
            case let .success(condition):
                guard AcceptanceFacts.all.contains(where: condition.holds) else {
                    throw failure(entry.line, id, "条件 \(condition) 不可能成立")
                }
                return condition
            case let .failure(message): throw failure(entry.line, id, message.text)
            }
        }
        func template(_ entry: (value: String, line: Int), id: String, condition: Condition) throws(LoadError) -> Template {
            switch Template.parse(entry.value) {
            case let .success(template):
                for name in template.placeholders {
                    if let facts = AcceptanceFacts.all.first(where: { condition.holds($0) && !Template.availability[name]!($0) }) {
                        throw failure(entry.line, id, "占位符 {\(name)} 在 \(facts) 时没有取值")
                    }
                }
                return template
            case let .failure(message): throw failure(entry.line, id, message.text)
            }
        }

        var rules: [Rule] = []
        var notes: [Note] = []
        for section in sections {
            switch section {
            case .limits, .decision: break
            case let .rule(id, header, values):
                let condition = try condition(try required(values, "condition", id: id, header: header), id: id)
                let adviceEntry = try required(values, "advice", id: id, header: header)
                guard let advice = AcceptanceAdvice.Advice(rawValue: adviceEntry.value),
                      AcceptanceAdvice.ruleAdvices.contains(advice) else {
                    throw failure(adviceEntry.line, id, "未知建议 \(adviceEntry.value)（可用：\(AcceptanceAdvice.ruleAdvices.map(\.rawValue).joined(separator: "、"))；verify 由决定水平自动给出，不写在规则中）")
                }
                let reason = try template(try required(values, "reason", id: id, header: header), id: id, condition: condition)
                rules.append(Rule(id: id, line: header, condition: condition, advice: advice, reason: reason))
            case let .note(id, header, values):
                let condition = try condition(try required(values, "condition", id: id, header: header), id: id)
                let text = try template(try required(values, "text", id: id, header: header), id: id, condition: condition)
                notes.append(Note(id: id, line: header, condition: condition, text: text))
            }
        }
        for (index, first) in rules.enumerated() {
            for second in rules[(index + 1)...] where second.advice != first.advice {
                if let facts = AcceptanceFacts.all.first(where: { first.condition.holds($0) && second.condition.holds($0) }) {
                    throw failure(second.line, second.id,
                                  "与规则 \(first.id)（第 \(first.line) 行）矛盾：两者在 \(facts) 时同时成立，建议却不同（\(first.advice.rawValue) 与 \(second.advice.rawValue)）")
                }
            }
        }
        if let uncovered = AcceptanceFacts.all.first(where: { facts in !rules.contains { $0.condition.holds(facts) } }) {
            throw failure(nil, nil, "没有规则适用于 \(uncovered)（每种情形都须有一条规则）")
        }
        self.source = source
        self.limits = Limits(values: limitValues)
        self.decisionLevel = decisionLevel ?? Self.defaultDecisionLevel
        self.rules = rules
        self.notes = notes
        self.text = text
    }

    /// The first rule that holds: every case has one (checked at load).
    public func rule(for facts: AcceptanceFacts) -> Rule {
        rules.first { $0.condition.holds(facts) }!
    }

    public func notes(for facts: AcceptanceFacts) -> [Note] {
        notes.filter { $0.condition.holds(facts) }
    }
}
