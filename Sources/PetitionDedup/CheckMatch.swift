import Foundation
import PetitionModel
import PetitionText

public struct CheckMatch: Sendable {
    public var id: String
    public var relation: Relation
    public var score: Double
    public var reasons: [String]
    /// Every piece of evidence with its weight (the waterfall of the score).
    public var evidence: [Evidence] = []
    /// The petitioners are known to be the same (``PairScore/identityAgrees``).
    public var identityAgrees = false
    public var matterID: String?
    public var receivedAt: String
    public var level: String?
}
