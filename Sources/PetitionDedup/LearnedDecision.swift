import Foundation

/// What a bureau's own judgments taught the scorer (``LabelLearner``).
///
/// The comparisons' weights stay as they were, set by hand or estimated by EM
/// over the whole corpus, which a few dozen labels could not improve on. The
/// labels move what they can speak to: where the two gates of
/// ``MatchScorer`` stand (how sure the whole must be, and how much the subject
/// must agree on its own), how much the texts' similarity weighs against the
/// specifics, and the calibration that turns a score into the probability a
/// clerk reads. Kept with the weights, so that every run and every check
/// decides alike.
public struct LearnedDecision: Sendable, Codable, Equatable {
    /// Added to the log-odds a pair must reach to be one matter.
    public var matterShift: Double
    /// Added to what the subject (everything but identity) must reach on its own.
    public var subjectShift: Double
    /// The text similarity's weight is multiplied by this.
    public var textScale: Double
    /// The refitted calibration; its source names the labels it was fitted on.
    public var calibration: ScoreCalibration
    /// The labelled pairs fitted on: one matter, two matters.
    public var sameMatterLabels: Int
    public var differentLabels: Int
    /// On the labels, each decided by a fit that did not see it (five folds):
    /// the scorer as it was, and as learned.
    public var before: LabelFigures
    public var after: LabelFigures

    public init(matterShift: Double, subjectShift: Double, textScale: Double, calibration: ScoreCalibration,
                sameMatterLabels: Int, differentLabels: Int, before: LabelFigures, after: LabelFigures) {
        self.matterShift = matterShift
        self.subjectShift = subjectShift
        self.textScale = textScale
        self.calibration = calibration
        self.sameMatterLabels = sameMatterLabels
        self.differentLabels = differentLabels
        self.before = before
        self.after = after
    }
}
