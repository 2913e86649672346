import Foundation

/// How well probabilities match what was judged: pairs grouped by decile of
/// their probability, each decile's mean probability against its share of
/// repeats, with a 95 % Wilson interval for that share (a decile of twenty pairs
/// cannot be held to ±0.05; the interval says how far it can be).
public struct ReliabilityTable: Sendable, Codable, Equatable {
    public struct Bin: Sendable, Codable, Equatable {
        public var lower: Double
        public var count: Int
        public var meanProbability: Double
        public var repeatShare: Double
        public var intervalLow: Double
        public var intervalHigh: Double

        /// How far the decile's share of repeats lies from its mean probability.
        public var gap: Double { abs(repeatShare - meanProbability) }
    }

    public var bins: [Bin]

    public init(probabilities: [Double], isRepeat: [Bool]) {
        precondition(probabilities.count == isRepeat.count)
        var grouped = [[Int]](repeating: [], count: 10)
        for (index, p) in probabilities.enumerated() { grouped[min(9, max(0, Int(p * 10)))].append(index) }
        bins = grouped.enumerated().compactMap { decile, members in
            guard !members.isEmpty else { return nil }
            let n = Double(members.count)
            let share = Double(members.filter { isRepeat[$0] }.count) / n
            let (low, high) = Self.wilson(share, n)
            return Bin(lower: Double(decile) / 10, count: members.count,
                       meanProbability: members.map { probabilities[$0] }.reduce(0, +) / n,
                       repeatShare: share, intervalLow: low, intervalHigh: high)
        }
    }

    /// The largest gap over deciles holding at least `minimumCount` pairs.
    public func worstGap(minimumCount: Int = 10) -> Double {
        bins.filter { $0.count >= minimumCount }.map(\.gap).max() ?? 0
    }

    /// Deciles whose mean probability lies outside their share's 95 % interval.
    public var outsideInterval: [Bin] {
        bins.filter { $0.meanProbability < $0.intervalLow || $0.meanProbability > $0.intervalHigh }
    }

    static func wilson(_ share: Double, _ n: Double, z: Double = 1.96) -> (Double, Double) {
        let centre = (share + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * ((share * (1 - share) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
        return (max(0, centre - half), min(1, centre + half))
    }

    /// The table as docs/DETECTION.md shows it.
    public var markdown: String {
        var lines = ["| 概率 | 配对数 | 平均概率 | 重复占比 | 95 % 区间 |", "|---|---|---|---|---|"]
        for bin in bins {
            lines.append(String(format: "| %.1f–%.1f | %d | %.2f | %.2f | %.2f–%.2f |", bin.lower, bin.lower + 0.1,
                                bin.count, bin.meanProbability, bin.repeatShare, bin.intervalLow, bin.intervalHigh))
        }
        return lines.joined(separator: "\n")
    }
}
