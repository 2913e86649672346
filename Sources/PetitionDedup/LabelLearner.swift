import Foundation
import PetitionModel

/// Fits a ``LearnedDecision`` on the officials' labelled pairs of a store.
///
/// Each labelled pair is scored as the intake check would score it with the
/// weights in force (set by hand or estimated by EM, which the labels leave
/// as they are). Then two fits, each cross-validated on the labels:
/// - the decision: where the two gates stand and how much the text weighs,
///   searched on a grid for the fewest errors, a wrong join costing
///   ``falseJoinCost`` missed repeats, ties going to the setting nearest the
///   one in force, so that labels move the gates only as far as they show;
/// - the calibration: a logistic regression on the score's parts, its ridge
///   (chosen by cross-validation) pulling toward the calibration in force.
///
/// Labels drawn by ``LabelQueue`` lie near the gates, which is where a few of
/// them say most; they say little about the calibration far from the gates,
/// which is why the ridge holds it there.
public struct LabelLearner {
    public let store: any PetitionStorage
    /// Fewer labels than this, or fewer than ``minimumPerJudgment`` of either
    /// judgment, cannot be cross-validated into anything a clerk should trust.
    public static let minimumLabels = 20
    public static let minimumPerJudgment = 5
    /// A wrong join can get a citizen's new complaint declined; a missed
    /// repeat opens a second file that the next run or a clerk joins. Three
    /// to one is the bureau's precision-first stance, not a measured rate.
    static let falseJoinCost = 3.0
    /// The grid searched: each gate moved by up to 4 in log-odds (an ID
    /// number's agreement is 9, an estate's 2.5), the text's weight scaled by half to double.
    static let gateShifts: [Double] = stride(from: -4.0, through: 4.0, by: 0.5).map { $0 }
    static let textScales: [Double] = [0.5, 0.7, 0.85, 1, 1.2, 1.4, 1.7, 2]
    /// The ridges tried for the calibration, in units of the log-likelihood:
    /// from letting the labels speak (1) to holding it nearly where it was (100).
    static let ridges: [Double] = [1, 3, 10, 30, 100]
    static let folds = 5

    public init(store: any PetitionStorage) {
        self.store = store
    }

    /// Too few labels to learn from.
    public struct TooFewLabels: Error, CustomStringConvertible {
        public var sameMatter: Int
        public var different: Int
        public var description: String {
            "已有判定 \(sameMatter + different) 对（同一事项 \(sameMatter)、不同事项 \(different)），"
                + "学习至少需要 \(LabelLearner.minimumLabels) 对，且两种判定各至少 \(LabelLearner.minimumPerJudgment) 对；"
                + "请先用 petition label 判定"
        }
    }

    /// Throws ``TooFewLabels`` unless the stored labels are enough to learn
    /// from: asked before a run starts, so that a run is not begun in vain.
    public static func requireEnoughLabels(in store: any PetitionStorage) throws {
        let labels = try store.pairLabels()
        try requireEnough(sameMatter: labels.filter { $0.judgment == .sameMatter }.count,
                          different: labels.filter { $0.judgment == .different }.count)
    }

    static func requireEnough(sameMatter: Int, different: Int) throws(TooFewLabels) {
        guard sameMatter + different >= minimumLabels, sameMatter >= minimumPerJudgment, different >= minimumPerJudgment
        else { throw TooFewLabels(sameMatter: sameMatter, different: different) }
    }

    /// The weights `base` with what the labels teach; `base`'s own learned
    /// decision, if any, is refitted, not built upon.
    public func learn(from base: MatchWeights) throws -> MatchWeights {
        var start = base
        start.learned = nil
        let examples = try scoredLabels(with: start)
        let same = examples.filter(\.isRepeat).count, different = examples.count - same
        try Self.requireEnough(sameMatter: same, different: different)
        let isRepeat = examples.map(\.isRepeat)
        let before = LabelFigures(joins: examples.map(\.joinedBefore), probabilities: examples.map(\.probabilityBefore),
                                  isRepeat: isRepeat)

        // Out of fold: each label decided and calibrated by fits that did not see it.
        var joinsOutOfFold = [Bool](repeating: false, count: examples.count)
        for fold in 0..<Self.folds {
            let held = Array(stride(from: fold, to: examples.count, by: Self.folds))
            let heldSet = Set(held)
            let gates = Self.bestGates(examples.indices.filter { !heldSet.contains($0) }.map { examples[$0] })
            for index in held { joinsOutOfFold[index] = gates.joins(examples[index]) }
        }
        let (ridge, probabilitiesOutOfFold) = Self.bestRidge(examples)
        var fit = CalibrationFit(examples: examples.map { ($0.inputs, $0.isRepeat) })
        fit.prior = ScoreCalibration.bundled.coefficients
        fit.ridge = ridge
        let calibration = ScoreCalibration(
            source: "learned from \(examples.count) labelled pairs (\(same) same matter, \(different) different), "
                + "ridge \(ridge) toward \(ScoreCalibration.bundled.source)",
            coefficients: fit.coefficients(),
            crossValidated: ReliabilityTable(probabilities: probabilitiesOutOfFold, isRepeat: isRepeat).bins)
        let gates = Self.bestGates(examples)
        start.learned = LearnedDecision(
            matterShift: gates.matterShift, subjectShift: gates.subjectShift, textScale: gates.textScale,
            calibration: calibration, sameMatterLabels: same, differentLabels: different, before: before,
            after: LabelFigures(joins: joinsOutOfFold, probabilities: probabilitiesOutOfFold, isRepeat: isRepeat))
        return start
    }

    /// One setting of the gates and the text's weight.
    struct Gates {
        var matterShift = 0.0, subjectShift = 0.0, textScale = 1.0

        func joins(_ label: ScoredLabel) -> Bool {
            let text = label.textWeight * textScale
            return label.totalWithoutText + text >= label.matterThreshold + matterShift
                && label.specifics + text >= label.subjectThreshold + subjectShift
        }

        /// How far from the setting in force: what breaks a tie.
        var distance: Double { abs(matterShift) + abs(subjectShift) + abs(log(textScale)) }
    }

    static func bestGates(_ labels: [ScoredLabel]) -> Gates {
        var best = Gates(), bestCost = Double.infinity
        for textScale in textScales {
            for matterShift in gateShifts {
                for subjectShift in gateShifts {
                    let gates = Gates(matterShift: matterShift, subjectShift: subjectShift, textScale: textScale)
                    var cost = 0.0
                    for label in labels {
                        let joins = gates.joins(label)
                        if joins && !label.isRepeat { cost += falseJoinCost }
                        if !joins && label.isRepeat { cost += 1 }
                    }
                    // A hundredth of an error per unit moved: only ties are decided by it.
                    cost += 0.01 * gates.distance
                    if cost < bestCost { (best, bestCost) = (gates, cost) }
                }
            }
        }
        return best
    }

    /// The ridge whose out-of-fold probabilities lose least, with those probabilities.
    static func bestRidge(_ labels: [ScoredLabel]) -> (Double, [Double]) {
        let isRepeat = labels.map(\.isRepeat)
        var best: (ridge: Double, probabilities: [Double], loss: Double)?
        for ridge in ridges {
            var fit = CalibrationFit(examples: labels.map { ($0.inputs, $0.isRepeat) })
            fit.prior = ScoreCalibration.bundled.coefficients
            fit.ridge = ridge
            let probabilities = fit.outOfFold(folds: folds)
            let loss = LabelFigures(joins: probabilities.map { $0 >= 0.5 }, probabilities: probabilities,
                                    isRepeat: isRepeat).logLoss
            if best == nil || loss < best!.loss { best = (ridge, probabilities, loss) }
        }
        return (best!.ridge, best!.probabilities)
    }

    struct ScoredLabel {
        var inputs: CalibrationInputs
        var isRepeat: Bool
        /// The prior, identity and specifics: the log-odds but for the text.
        var totalWithoutText: Double
        var specifics: Double
        /// The text similarity's weight, unscaled.
        var textWeight: Double
        var matterThreshold: Double
        var subjectThreshold: Double
        var joinedBefore: Bool
        var probabilityBefore: Double
    }

    /// The labelled pairs (skipped ones and pairs no longer stored left out),
    /// scored with `weights` as the intake check scores them.
    func scoredLabels(with weights: MatchWeights) throws -> [ScoredLabel] {
        let builder = try ProfileBuilder()
        let statistics = try IndexState.lastStatistics(in: store)
        let scorer = MatchScorer(weights: weights)
        var profiles: [String: PetitionProfile] = [:]
        func profile(_ id: String) throws -> PetitionProfile? {
            if let known = profiles[id] { return known }
            guard let petition = try store.storedPetition(id: id)?.petition else { return nil }
            let built = builder.profile(of: petition)
            profiles[id] = built
            return built
        }
        var scored: [ScoredLabel] = []
        for label in try store.pairLabels() where label.judgment != .skipped {
            guard let a = try profile(label.first), let b = try profile(label.second) else { continue }
            let similarity = statistics.vector(a).truncated(to: CorpusIndex.vectorWords)
                .cosine(statistics.vector(b).truncated(to: CorpusIndex.vectorWords))
            let score = scorer.score(MatchFeatures(a), MatchFeatures(b), textSimilarity: similarity)
            let textWeight = weights.textWeight(similarity)
            scored.append(ScoredLabel(inputs: score.calibrationInputs, isRepeat: label.judgment == .sameMatter,
                                      totalWithoutText: score.logOdds - textWeight,
                                      specifics: score.calibrationInputs.specifics, textWeight: textWeight,
                                      matterThreshold: scorer.matterThreshold, subjectThreshold: scorer.subjectThreshold,
                                      joinedBefore: score.relation == .sameMatter,
                                      probabilityBefore: score.probability))
        }
        return scored
    }
}
