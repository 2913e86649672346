import Foundation

/// Estimates the Fellegi–Sunter weights from the corpus at hand, in the
/// manner of Splink: the u probabilities (how often a level occurs between
/// unrelated petitions) start from random pairs, then the m probabilities (how
/// often it occurs within one matter), the u probabilities and the share of
/// matches are estimated by expectation–maximisation over the candidate pairs
/// blocking finds, the pairs the weights will score.
///
/// A weight is ln(m / u). Every level starts from the weights it is given
/// (the hand-set ones) and keeps some pull towards them: a level that the
/// corpus seldom shows keeps its starting weight, one it shows often gets the
/// corpus's. Text similarity must not weigh less as it grows (the nightly job
/// relies on that to skip hopeless candidates), so its levels are made
/// non-decreasing after estimation.
public struct WeightEstimator: Sendable {
    /// A compared pair: one level per ``Comparison`` (text as its ``TextSimilarityLevels`` level).
    public typealias Levels = [UInt8]

    public var iterations = 30
    /// Stop when no m probability moves by more than this in one iteration.
    public var tolerance = 1e-5
    /// Pairs' worth of the starting weights in every m and u estimate.
    public var pseudoPairs = 20.0
    /// No level weighs more than this either way: a level never seen between
    /// random pairs would otherwise weigh infinitely.
    public var bound = 10.0
    /// Fewer candidate pairs than this leave the starting weights as they are.
    public var minimumPairs = 200

    public init() {}

    public func estimate(candidates: [Levels], random: [Levels], from start: MatchWeights,
                         source: String) -> MatchWeights {
        guard candidates.count >= minimumPairs, !random.isEmpty else { return start }
        let comparisons = Comparison.allCases
        // Probabilities run over every outcome of a comparison, "no evidence"
        // (level 0) included: for an account, not sharing one is the usual
        // outcome, and without it sharing one would be certain either way.
        func zeros() -> [[Double]] { comparisons.map { [Double](repeating: 0, count: $0.levelCount) } }
        // u from random pairs, smoothed towards every outcome equally likely.
        var randomU = zeros()
        for comparison in comparisons {
            let c = comparison.rawValue, outcomes = Double(comparison.levelCount)
            var counts = [Double](repeating: 0, count: comparison.levelCount)
            for pair in random { counts[Int(pair[c])] += 1 }
            for level in 0..<comparison.levelCount {
                randomU[c][level] = (counts[level] + 1) / (Double(random.count) + outcomes)
            }
        }
        // m starts where u and the starting weights put it (m = u·e^w, normalised).
        var startM = zeros()
        for comparison in comparisons {
            let c = comparison.rawValue
            let raw = (0..<comparison.levelCount).map { randomU[c][$0] * exp(start.weight(comparison, $0)) }
            let total = raw.reduce(0, +)
            for level in 0..<comparison.levelCount { startM[c][level] = raw[level] / total }
        }
        // Both m and u are re-estimated on the candidate pairs, each pulled
        // towards its start: the pairs scored are candidates, and unrelated
        // candidates (one estate, two households) share far more than random pairs.
        var m = startM, u = randomU
        var share = 0.1
        for _ in 0..<iterations {
            var logRatio = zeros()
            for comparison in comparisons {
                let c = comparison.rawValue
                for level in 0..<comparison.levelCount { logRatio[c][level] = log(m[c][level] / u[c][level]) }
            }
            var matchMass = zeros(), otherMass = zeros()
            var totalMatch = 0.0
            let priorOdds = log(share / (1 - share))
            for pair in candidates {
                var odds = priorOdds
                for c in 0..<pair.count { odds += logRatio[c][Int(pair[c])] }
                let probability = 1 / (1 + exp(-min(50, max(-50, odds))))
                totalMatch += probability
                for c in 0..<pair.count {
                    matchMass[c][Int(pair[c])] += probability
                    otherMass[c][Int(pair[c])] += 1 - probability
                }
            }
            var moved = 0.0
            let totalOther = Double(candidates.count) - totalMatch
            for comparison in comparisons {
                let c = comparison.rawValue
                for level in 0..<comparison.levelCount {
                    let newM = (matchMass[c][level] + pseudoPairs * startM[c][level]) / (totalMatch + pseudoPairs)
                    let newU = (otherMass[c][level] + pseudoPairs * randomU[c][level]) / (totalOther + pseudoPairs)
                    moved = max(moved, abs(newM - m[c][level]), abs(newU - u[c][level]))
                    m[c][level] = newM
                    u[c][level] = newU
                }
            }
            share = min(0.99, max(1e-4, totalMatch / Double(candidates.count)))
            if moved < tolerance { break }
        }
        // "No evidence" keeps weight 0: a different account or no estate named
        // is not held against a pair.
        var levels = zeros()
        for comparison in comparisons {
            let c = comparison.rawValue
            for level in 1..<comparison.levelCount {
                levels[c][level] = min(bound, max(-bound, log(m[c][level] / u[c][level])))
            }
        }
        let text = Comparison.text.rawValue
        var textCounts = [Double](repeating: 1, count: Comparison.text.levelCount)
        for pair in candidates { textCounts[Int(pair[text])] += 1 }
        levels[text] = [0] + Self.nonDecreasing(Array(levels[text].dropFirst()), weights: Array(textCounts.dropFirst()))
        var estimated = MatchWeights(source: source, prior: log(share / (1 - share)), levels: levels)
        estimated.candidatePairs = candidates.count
        estimated.randomPairs = random.count
        estimated.matchShare = share
        return estimated
    }

    /// The closest non-decreasing sequence (pool adjacent violators, weighted).
    static func nonDecreasing(_ values: [Double], weights: [Double]) -> [Double] {
        var blocks: [(value: Double, weight: Double, count: Int)] = []
        for (value, weight) in zip(values, weights) {
            blocks.append((value, weight, 1))
            while blocks.count >= 2, blocks[blocks.count - 2].value > blocks[blocks.count - 1].value {
                let last = blocks.removeLast(), previous = blocks.removeLast()
                let weight = previous.weight + last.weight
                blocks.append(((previous.value * previous.weight + last.value * last.weight) / weight, weight,
                               previous.count + last.count))
            }
        }
        return blocks.flatMap { Array(repeating: $0.value, count: $0.count) }
    }
}
