import Foundation
import PetitionText

/// The verdict on one pair: a probability that both raise the same matter,
/// the relation, and the reasons in Chinese.
public struct PairScore: Sendable {
    /// The Fellegi–Sunter sum: what the relation is decided on.
    public var logOdds: Double
    /// The calibrated probability of one matter (``ScoreCalibration``): what
    /// a clerk reads and the acceptance advice's decision level is held to.
    public var probability: Double
    /// How far, in log-odds, the pair lies past the nearer of the scorer's two
    /// gates (negative when it is not one matter): how sure the decision is,
    /// whatever the probability says. The pairs nearest 0 are the ones an
    /// official's judgment teaches most (``LabelQueue``).
    public var margin: Double
    /// The score's parts, as the calibration reads them.
    public var calibrationInputs: CalibrationInputs
    public var relation: Relation
    public var reasons: [String]
    /// Every comparison that said something, with its weight (with reasons only).
    public var evidence: [Evidence] = []
    /// The petitioners are different people (different ID, phone or name, and
    /// nothing of theirs agrees), outside a group petition.
    public var identityConflict = false
    /// The petitioners are known to be the same: ID number (or one digit off),
    /// phone or account agree, or the first-named petitioners' full names are
    /// the same. What a decline needs besides a sure probability (``MatchCertainty``).
    public var identityAgrees = false
}
