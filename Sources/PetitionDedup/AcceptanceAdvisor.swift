import PetitionModel
import PetitionText

/// Advises whether to accept a petition that may repeat a known matter, under
/// the acceptance rules: from the matter's petitions it derives where the
/// matter stood on the new petition's date (``MatterStage``), states the facts
/// the rules ask about, and returns the advice of the rule that holds, with its
/// reason filled in and any notes.
///
/// "Now" is the new petition's `received_at`, never the clock, so a check gives
/// the same advice whenever it is run. Used by ``IntakeChecker`` and the
/// nightly report; a service can call it with the same inputs.
public struct AcceptanceAdvisor: Sendable {
    public let rules: AcceptanceRules

    public init(rules: AcceptanceRules) {
        self.rules = rules
    }

    /// The id of the advice given instead of a decline when the match is not sure.
    public static let verifyRuleID = "verify_uncertain_match"

    /// The advice on `petition`, given the petitions of the matter it repeats
    /// (empty when it repeats none) and how sure the match is. The petition
    /// itself, if among them, is left out. A decline the rules would give is
    /// advised only on a sure match (``MatchCertainty/isSure(at:)`` at the rules'
    /// decision level); otherwise the advice is `verify`, naming the same organ and
    /// due date so that the clerk can check with them.
    public func advise(_ petition: Petition, matter: [Petition], certainty: MatchCertainty) -> AcceptanceAdvice {
        let advice = advise(petition, matter: matter)
        guard advice.isDecline, !certainty.isSure(at: rules.decisionLevel) else { return advice }
        var verify = advice
        verify.advice = .verify
        verify.rule = Self.verifyRuleID
        let why = certainty.identityAgrees
            ? String(format: "同一事项的概率 %.2f，低于决定水平 %.2f", certainty.probability, rules.decisionLevel)
            : "信访人身份（身份证号、电话、账号或姓名）未能核实一致"
        verify.reason = "疑似重复信访：\(why)，不足以作出\(advice.advice.chineseName)的建议。请人工核对是否与所列事项为同一事项；"
            + "核实为同一事项的，按规则 \(advice.rule) 处理：" + advice.reason
        return verify
    }

    /// The advice the rules give for a match taken as sure: for the rules' own
    /// tests and for reading a rule file, never for a live petition.
    public func advise(_ petition: Petition, matter: [Petition]) -> AcceptanceAdvice {
        let earlier = matter.filter { $0.id != petition.id }
        let date = petition.receivedAt
        let stage = MatterStage.derive(from: earlier, asOf: date, limits: rules.limits)
        let facts = facts(petition, sameMatter: !earlier.isEmpty, stage: stage)
        let values = placeholderValues(petition, stage: stage)
        let rule = rules.rule(for: facts)
        return AcceptanceAdvice(
            advice: rule.advice, rule: rule.id, reason: rule.reason.filled(values),
            handlingOrgan: stage?.organ, dueAt: stage?.isInProgress == true ? stage?.dueAt : nil,
            overdue: stage?.overdue ?? false, notes: rules.notes(for: facts).map { $0.text.filled(values) },
            stage: stage)
    }

    func facts(_ petition: Petition, sameMatter: Bool, stage: MatterStage?) -> AcceptanceFacts {
        var above = false
        if let rank = petition.levelRank, let handlingRank = stage?.levelRank { above = rank > handlingRank }
        return AcceptanceFacts(
            sameMatter: sameMatter, stage: stage?.stage, withinLimit: stage?.isWithinLimit ?? false,
            overdue: stage?.overdue ?? false, windowOpen: stage?.isWindowOpen ?? false, levelAboveHandling: above,
            visit: petition.channel == "来访",
            moreThanRepresentatives: (petition.headcount ?? 1) > rules.limits.collectiveRepresentatives)
    }

    /// What each placeholder reads; a value missing from the record is left out (read as 未登记).
    func placeholderValues(_ petition: Petition, stage: MatterStage?) -> [String: String] {
        var values: [String: String] = ["representatives": String(rules.limits.collectiveRepresentatives)]
        values["headcount"] = petition.headcount.map(String.init)
        guard let stage else { return values }
        values["organ"] = stage.organ
        values["level"] = stage.level
        values["step"] = stage.step.chineseName
        values["started_at"] = stage.startedAt?.description
        values["due_at"] = stage.dueAt?.description
        values["replied_at"] = stage.repliedAt?.description
        values["window_ends_at"] = stage.windowEndsAt?.description
        values["next_step"] = stage.nextStep?.chineseName
        if stage.stage == .concluded {
            values["recheck_organ"] = stage.organ
            values["recheck_replied_at"] = stage.repliedAt?.description
        }
        return values
    }
}
