@testable import PetitionDedup
import PetitionModel
import PetitionStore
import Testing

private typealias F = AcceptanceFixtures

private let handledAtCounty = [F.petition("XF-1", "2021-03-10", handling: F.inHandling)]
private let sure = MatchCertainty(probability: 0.999, identityAgrees: true)

/// A wrong 不予受理 turns a citizen's new complaint away: the rules may
/// decline only on a sure match, and anything less is `verify`.
@Suite("Acceptance advice on uncertain matches")
struct UncertainMatchAdviceTests {
    @Test("a sure match with agreeing identity is declined as the rules say")
    func sureMatchDeclines() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: handledAtCounty,
                                      certainty: sure)
        #expect(advice.advice == .declineInProgress)
        #expect(advice.isDecline)
    }

    @Test("a match below the decision level is advised verify, naming the organ and its due date, and declines nothing")
    func belowDecisionLevelVerifies() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: handledAtCounty,
                                      certainty: MatchCertainty(probability: 0.9, identityAgrees: true))
        #expect(advice.advice == .verify)
        #expect(!advice.isDecline)
        #expect(advice.rule == AcceptanceAdvisor.verifyRuleID)
        #expect(advice.handlingOrgan == "历城区人民政府")
        #expect(advice.reason.contains("0.90"))
        #expect(advice.reason.contains("请人工核对"))
    }

    @Test("a certain text match whose petitioners' identity does not agree is advised verify")
    func identityMustAgree() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: handledAtCounty,
                                      certainty: MatchCertainty(probability: 1.0, identityAgrees: false))
        #expect(advice.advice == .verify)
        #expect(advice.reason.contains("身份"))
    }

    @Test("an uncertain match the rules would accept anyway stays accepted")
    func acceptStaysAccept() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "县级"), matter: handledAtCounty,
                                      certainty: MatchCertainty(probability: 0.6, identityAgrees: false))
        #expect(advice.advice == .accept)
    }

    @Test("the bundled rules set the decision level at 0.99")
    func bundledDecisionLevel() {
        #expect(F.rules.decisionLevel == 0.99)
    }

    @Test("a bureau's decision level is read, and one at or below even odds is refused")
    func bureauDecisionLevel() throws {
        let text = F.rules.text.replacingOccurrences(of: "decision_level = 0.99", with: "decision_level = 0.995")
        #expect(try AcceptanceRules(text: text, source: "规则.txt").decisionLevel == 0.995)
        let low = F.rules.text.replacingOccurrences(of: "decision_level = 0.99", with: "decision_level = 0.4")
        #expect(throws: AcceptanceRules.LoadError.self) { try AcceptanceRules(text: low, source: "规则.txt") }
    }

    @Test("a file without a [decision] section declines only at 0.99")
    func missingSectionDefaults() throws {
        let text = F.rules.text.replacingOccurrences(of: "[decision]\n", with: "")
            .replacingOccurrences(of: "decision_level = 0.99\n", with: "")
        #expect(try AcceptanceRules(text: text, source: "规则.txt").decisionLevel == AcceptanceRules.defaultDecisionLevel)
    }

    @Test("verify cannot be written as a rule's advice: it is given by the decision level only")
    func verifyIsNotARuleAdvice() {
        let text = F.rules.text.replacingOccurrences(of: "advice = decline_concluded", with: "advice = verify")
        #expect(throws: AcceptanceRules.LoadError.self) { try AcceptanceRules(text: text, source: "规则.txt") }
    }
}

/// The nightly report counts each repeat as the check would have advised it,
/// at the probability its match was given.
@Suite("Report: repeats below the decision level")
struct ReportVerifyCountTests {
    private func history(score: Double?) -> (MatterHistory, Petition) {
        var history = MatterHistory(matterID: "M-1")
        let first = F.petition("XF-1", "2021-03-01", handling: F.inHandling)
        let again = F.petition("XF-2", "2021-04-01", level: "市级")
        history.petitions = [first, again]
        history.repeats = ["XF-2"]
        if let score { history.scores["XF-2"] = score }
        return (history, again)
    }

    @Test("a repeat matched below the decision level is counted verify, not declinable")
    func belowLevelIsVerify() {
        let (history, again) = history(score: 0.9)
        #expect(AcceptanceReport.advice(for: again, in: history, advisor: F.advisor) == .verify)
    }

    @Test("a repeat matched at the decision level is counted declinable")
    func atLevelIsDecline() {
        let (history, again) = history(score: 0.995)
        #expect(AcceptanceReport.advice(for: again, in: history, advisor: F.advisor) == .declineInProgress)
    }

    @Test("a repeat with no stored probability is not counted declinable")
    func noScoreIsVerify() {
        let (history, again) = history(score: nil)
        #expect(AcceptanceReport.advice(for: again, in: history, advisor: F.advisor) == .verify)
    }
}
