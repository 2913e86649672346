import Foundation
import PetitionDedup
import Testing

/// The bundled rule file with one edit, and the line the edit lands on.
private func edited(_ old: String, _ new: String) -> (text: String, line: Int) {
    let text = AcceptanceFixtures.rules.text
    let range = text.range(of: old)!
    let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    return (text.replacingCharacters(in: range, with: new), line)
}

private func refusal(_ text: String) -> AcceptanceRules.LoadError? {
    do {
        _ = try AcceptanceRules(text: text, source: "局规则.txt")
        return nil
    } catch {
        return error
    }
}

@Suite("Acceptance rules")
struct AcceptanceRulesTests {
    @Test("the bundled rules hold the 信访工作条例's limits: 60 days + 30, review and recheck 30 + 30, five representatives")
    func bundledDefaults() throws {
        let rules = try AcceptanceRules.bundled()
        #expect(rules.source == AcceptanceRules.bundledSource)
        #expect(rules.limits == AcceptanceRules.Limits(
            handlingDays: 60, extensionDays: 30, reviewRequestDays: 30, reviewAnswerDays: 30,
            recheckRequestDays: 30, recheckAnswerDays: 30, collectiveRepresentatives: 5))
        #expect(Set(rules.rules.map(\.advice)) == Set(AcceptanceAdvice.ruleAdvices))
        #expect(rules.rules.map(\.id).contains("decline_in_progress"))
        #expect(rules.rules.map(\.id).contains("decline_concluded"))
        #expect(rules.notes.map(\.id) == ["collective_representatives"])
    }

    @Test("a bureau's file with other limits is read as written")
    func bureauLimits() throws {
        let rules = try AcceptanceRules(text: edited("handling_days = 60", "handling_days = 45").text, source: "局规则.txt")
        #expect(rules.limits.handlingDays == 45)
        #expect(rules.source == "局规则.txt")
    }

    @Test("an unknown key is refused, naming the rule and the line")
    func unknownKey() throws {
        let (text, line) = edited("advice = decline_concluded", "advice = decline_concluded\npriority = 1")
        let error = try #require(refusal(text))
        #expect(error.line == line + 1)
        #expect(error.rule == "decline_concluded")
        #expect(error.description.contains("未知键 priority"))
        #expect(error.description.contains("局规则.txt 第 \(line + 1) 行（规则 decline_concluded）"))
    }

    @Test("an unknown limit is refused")
    func unknownLimit() throws {
        let (text, line) = edited("handling_days = 60", "handling_days = 60\nacceptance_days = 15")
        let error = try #require(refusal(text))
        #expect(error.line == line + 1)
        #expect(error.message.contains("未知键 acceptance_days"))
    }

    @Test("an unknown condition term is refused, naming the rule and the line")
    func unknownCondition() throws {
        let (text, line) = edited("condition = same_matter & stage=concluded", "condition = same_matter & stage=concluded & 情绪激动")
        let error = try #require(refusal(text))
        #expect(error.line == line)
        #expect(error.rule == "decline_concluded")
        #expect(error.message.contains("未知条件词 情绪激动"))
    }

    @Test("an unknown stage is refused")
    func unknownStage() throws {
        let (text, _) = edited("condition = same_matter & stage=concluded", "condition = same_matter & stage=closed")
        #expect(try #require(refusal(text)).message.contains("未知阶段 closed"))
    }

    @Test("an unknown advice is refused")
    func unknownAdvice() throws {
        let (text, line) = edited("advice = decline_concluded", "advice = refuse")
        let error = try #require(refusal(text))
        #expect(error.line == line)
        #expect(error.message.contains("未知建议 refuse"))
    }

    @Test("a negative limit is refused")
    func negativeLimit() throws {
        let (text, line) = edited("review_answer_days = 30", "review_answer_days = -30")
        let error = try #require(refusal(text))
        #expect(error.line == line)
        #expect(error.message.contains("不能为负数"))
    }

    @Test("a missing limit is refused: limits have no defaults outside the file")
    func missingLimit() throws {
        let (text, _) = edited("extension_days = 30\n", "")
        #expect(try #require(refusal(text)).message.contains("缺少期限 extension_days"))
    }

    @Test("two rules that can hold at once with different advice are refused as contradictory, naming both")
    func contradictoryRules() throws {
        let (text, _) = edited("[rule accept_new_matter]", """
            [rule accept_concluded_at_same_level]
            condition = stage=concluded & !level_above_handling
            advice = accept
            reason = 同级受理。

            [rule accept_new_matter]
            """)
        let error = try #require(refusal(text))
        #expect(error.rule == "accept_concluded_at_same_level")
        #expect(error.message.contains("与规则 decline_concluded"))
        #expect(error.message.contains("矛盾"))
        #expect(error.message.contains("stage=concluded"))
    }

    @Test("a case no rule covers is refused")
    func uncoveredCase() throws {
        let (text, _) = edited("condition = !same_matter", "condition = !same_matter & !visit")
        let error = try #require(refusal(text))
        #expect(error.message.contains("没有规则适用于 !same_matter"))
    }

    @Test("a condition that can never hold is refused")
    func impossibleCondition() throws {
        let (text, line) = edited("condition = same_matter & stage=concluded", "condition = same_matter & stage=concluded & overdue")
        let error = try #require(refusal(text))
        #expect(error.line == line)
        #expect(error.message.contains("不可能成立"))
    }

    @Test("a placeholder without a value in the rule's cases is refused")
    func placeholderWithoutValue() throws {
        let (text, _) = edited("按新的信访事项受理。", "按新的信访事项受理，期限至{due_at}。")
        let error = try #require(refusal(text))
        #expect(error.rule == "accept_new_matter")
        #expect(error.message.contains("{due_at}"))
    }
}
