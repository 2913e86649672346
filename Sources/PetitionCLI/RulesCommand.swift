import ArgumentParser
import Foundation
import PetitionDedup

/// `petition rules`: the acceptance rules in effect, checked as `check` and
/// `dedup` check them, or the bundled file as a bureau's starting point.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "受理规则：检查并列出生效的期限与规则（--print 输出规则文件全文）")

    /// `--db` is accepted like every command's, and unused: rules are not in the database.
    @OptionGroup var global: GlobalOptions
    @OptionGroup var rulesOptions: RulesOptions

    @Flag(name: .long, help: "输出规则文件全文（未指定 --rules 时为内置规则），可另存后修改")
    var print = false

    func run() throws {
        let rules = try rulesOptions.load()
        let terminal = Terminal.current
        if print {
            terminal.print(rules.text.hasSuffix("\n") ? String(rules.text.dropLast()) : rules.text)
            return
        }
        if global.json {
            terminal.print(jsonLine([
                "source": rules.source,
                "decision_level": rules.decisionLevel,
                "limits": Dictionary(uniqueKeysWithValues: rules.limits.named.map { ($0.name, $0.value) }),
                "rules": rules.rules.map { ["id": $0.id, "condition": $0.condition.description, "advice": $0.advice.rawValue,
                                            "reason": $0.reason.text] },
                "notes": rules.notes.map { ["id": $0.id, "condition": $0.condition.description, "text": $0.text.text] },
            ]))
            return
        }
        terminal.print("受理规则：\(rules.source)（检查通过）")
        terminal.print(String(format: "决定水平：%.3g（低于此值或身份未核实的，改为建议人工核对）",
                              rules.decisionLevel))
        for line in wrapped("期限：" + rules.limits.chineseDescription, width: terminal.width) { terminal.print(line) }
        // The rule's id is what `check` cites; the condition is in Chinese (`--json` and `--print` keep the file's words).
        for rule in rules.rules {
            let text = "规则 \(rule.id)（第 \(rule.line) 行）：\(rule.condition.chineseDescription) → \(rule.advice.chineseName)"
            for line in wrapped(text, width: terminal.width) { terminal.print(line) }
        }
        for note in rules.notes {
            for line in wrapped("提示 \(note.id)（第 \(note.line) 行）：\(note.condition.chineseDescription)", width: terminal.width) {
                terminal.print(line)
            }
        }
    }
}
