import Foundation

/// The log-likelihood ratio of every level of every ``Comparison``, and the
/// prior log-odds that two candidate petitions raise one matter: what the
/// scorer adds up. One named set is set by hand (``handSet``); the nightly job
/// estimates another from the corpus at hand (``WeightEstimator``) and stores
/// it with the run, and the intake check uses the stored one.
public struct MatchWeights: Sendable, Codable, Equatable {
    /// Where the weights came from: `hand-set`, or `estimated` with the run that estimated them.
    public var source: String
    public var prior: Double
    /// `levels[comparison.rawValue][level]`; level 0 ("no evidence") is always 0.
    public private(set) var levels: [[Double]]
    /// What estimation saw, when estimated: candidate and random pairs, and the
    /// share of candidate pairs it judged one matter.
    public var candidatePairs: Int?
    public var randomPairs: Int?
    public var matchShare: Double?
    /// What the bureau's labelled pairs taught (`dedup --weights learn`):
    /// when present, the scorer's gates and the text's weight are moved by it
    /// and its calibration gives the probability (``LearnedDecision``).
    public var learned: LearnedDecision?

    /// The levels in one array, comparison after comparison (``Comparison/firstLevel``):
    /// the scorer reads it for every pair, and an array of arrays costs a
    /// retain and a release per read.
    private var flat: [Double]

    private enum CodingKeys: String, CodingKey {
        case source, prior, levels, candidatePairs, randomPairs, matchShare, learned
    }

    public init(source: String, prior: Double, levels: [[Double]]) {
        self.source = source
        self.prior = prior
        self.levels = levels
        flat = Self.flatten(levels)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        prior = try container.decode(Double.self, forKey: .prior)
        levels = try container.decode([[Double]].self, forKey: .levels)
        candidatePairs = try container.decodeIfPresent(Int.self, forKey: .candidatePairs)
        randomPairs = try container.decodeIfPresent(Int.self, forKey: .randomPairs)
        matchShare = try container.decodeIfPresent(Double.self, forKey: .matchShare)
        learned = try container.decodeIfPresent(LearnedDecision.self, forKey: .learned)
        guard levels.count == Comparison.allCases.count,
              zip(levels, Comparison.allCases).allSatisfy({ $0.count == $1.levelCount }) else {
            throw DecodingError.dataCorruptedError(forKey: .levels, in: container,
                                                   debugDescription: "权重表的比较项或取值个数不符")
        }
        flat = Self.flatten(levels)
    }

    private static func flatten(_ levels: [[Double]]) -> [Double] {
        levels.flatMap { $0 } + [Double](repeating: 0, count: max(0, Comparison.levelTotal - levels.map(\.count).reduce(0, +)))
    }

    @inline(__always)
    public func weight(_ comparison: Comparison, _ level: Int) -> Double {
        flat[comparison.firstLevel + level]
    }

    /// The weight of a text similarity: interpolated between the centres of
    /// the levels it lies between, flat beyond the first and last centres.
    @inline(__always)
    public func textWeight(_ similarity: Float) -> Double {
        let text = Comparison.text
        let position = Double(similarity) * Double(TextSimilarityLevels.count) - 0.5
        guard position > 0 else { return weight(text, 1) }
        guard position < Double(TextSimilarityLevels.count - 1) else { return weight(text, TextSimilarityLevels.count) }
        let lower = Int(position), fraction = position - Double(lower)
        return weight(text, lower + 1) * (1 - fraction) + weight(text, lower + 2) * fraction
    }

    /// Every level of every comparison at weight 0: no evidence.
    static var emptyLevels: [[Double]] { Comparison.allCases.map { [Double](repeating: 0, count: $0.levelCount) } }

    /// Sets a comparison's weights, its levels after "no evidence" in order.
    static func setLevels(_ levels: inout [[Double]], _ comparison: Comparison, _ weights: [Double]) {
        precondition(weights.count == comparison.levels.count, "\(comparison.key): one weight per level")
        levels[comparison.rawValue] = [0] + weights
    }

    /// The hand-set weights: the rates at which each feature agrees and
    /// disagrees within and across matters of the bundled corpus (seed 42),
    /// adjusted by hand on its pairwise F1. Disagreement on a specific counts
    /// as strongly against as agreement counts for. Text similarity s weighs
    /// 9 × (s − 0.25). The starting point of estimation, and what a corpus too
    /// small to estimate from is scored with.
    public static let handSet: MatchWeights = {
        var levels = emptyLevels
        func set(_ comparison: Comparison, _ weights: [Double]) { setLevels(&levels, comparison, weights) }
        set(.idNumber, [9.0, 6.0, -8.0])
        set(.phone, [6.0, -3.0])
        // One account of an online board or hotline: as telling as one phone.
        set(.account, [6.0])
        set(.birthYear, [-4.0])
        set(.name, [2.5, 1.0, -6.0, 0.8, -6.0])
        set(.region, [0.8, -4.0, -5.0])
        set(.estate, [2.5, 1.5, -4.0])
        set(.organization, [2.5, 1.5, -3.0])
        set(.place, [1.5, 1.0, -1.5])
        set(.room, [3.0, -5.0])
        set(.caseNumber, [4.0, -4.0])
        set(.amount, [2.0, -2.0])
        set(.area, [1.0, -1.0])
        set(.year, [0.5, -0.5])
        set(.concept, [1.0, -3.0])
        set(.category, [-1.0])
        set(.text, (1...TextSimilarityLevels.count).map { 9 * (TextSimilarityLevels.centre($0) - 0.25) })
        return MatchWeights(source: "hand-set", prior: -6.0, levels: levels)
    }()

    /// Backlog case against petition: a case is an official's summary of a
    /// matter, so it names the place, the problem and the specifics, at most a
    /// surname, never an ID number or a phone, and it reads unlike any
    /// petition: text s weighs 8 × (s − 0.15) above 0.15 and nothing below,
    /// since a one-line summary (X小区业主办证问题) shares few words with any
    /// petition of its matter (counting them against left 30 % of the second
    /// style's backlog petitions unlinked, 18 % without, and linked none
    /// wrongly on any corpus). Set by hand on the bundled
    /// corpus's backlog cases; the scorer's gates do not apply, only its sum.
    public static let backlogLink: MatchWeights = {
        var levels = emptyLevels
        func set(_ comparison: Comparison, _ weights: [Double]) { setLevels(&levels, comparison, weights) }
        set(.name, [1.5, 1.0, -0.5, 1.5, -0.5])
        set(.region, [1.0, -4.0, -6.0])
        set(.estate, [3.0, 2.0, -3.0])
        set(.organization, [2.5, 1.5, -1.0])
        set(.place, [2.0, 1.3, -1.0])
        set(.room, [2.0, -2.0])
        set(.caseNumber, [3.0, -2.0])
        set(.amount, [2.0, -0.5])
        set(.area, [1.5, -0.5])
        set(.concept, [1.5, -3.0])
        set(.category, [-1.0])
        set(.text, (1...TextSimilarityLevels.count).map { 8 * max(0, TextSimilarityLevels.centre($0) - 0.15) })
        return MatchWeights(source: "backlog-link", prior: -4.0, levels: levels)
    }()
}
