import Foundation
import PetitionModel
import PetitionText

public struct CheckResult: Sendable {
    public var verdict: Verdict
    public var matterID: String?
    public var classID: String?
    public var backlogCase: BacklogSummary?
    public var escalation: EscalationSummary?
    public var collective: Bool
    public var matches: [CheckMatch]
    /// Whether to accept it, under the acceptance rules, from the matter's handling history.
    public var acceptance: AcceptanceAdvice?

    /// How sure the best same-matter match is: what a decline needs.
    public var certainty: MatchCertainty {
        let best = matches.first { $0.relation == .sameMatter }
        return MatchCertainty(probability: best?.score ?? 0, identityAgrees: best?.identityAgrees ?? false)
    }
}
