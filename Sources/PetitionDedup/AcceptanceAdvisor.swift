import PetitionStore
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

    /// The advice on `petition`, given the petitions of the matter it repeats
    /// (empty when it repeats none). The petition itself, if among them, is left out.
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
