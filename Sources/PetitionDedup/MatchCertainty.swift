/// How sure the detector is that a new petition repeats the matter it was put
/// in: what the acceptance advice needs before it may advise declining. A wrong
/// 不予受理 turns a citizen's new complaint away, so a decline needs the best
/// match's probability to reach the rules' decision level *and* the
/// petitioners' identity to agree; anything less is advised `verify`.
public struct MatchCertainty: Sendable, Equatable {
    /// The best same-matter match's probability.
    public var probability: Double
    /// Whether that match shares the petitioner's ID number, phone or account,
    /// or the first-named petitioner's full name (``PairScore/identityAgrees``).
    public var identityAgrees: Bool

    public init(probability: Double, identityAgrees: Bool) {
        self.probability = probability
        self.identityAgrees = identityAgrees
    }

    /// Whether a decline may be advised at `decisionLevel`.
    public func isSure(at decisionLevel: Double) -> Bool {
        identityAgrees && probability >= decisionLevel
    }
}
