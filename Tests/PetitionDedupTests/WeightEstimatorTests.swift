import Foundation
import Testing
@testable import PetitionDedup

/// The EM estimator on pairs drawn from a known model: it finds the weights
/// the pairs were drawn with.
@Suite("Weight estimation")
struct WeightEstimatorTests {
    /// A seeded generator, so that the drawn pairs are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    /// Draws a comparison vector: the account, estate and text comparisons say
    /// something, the rest never do.
    static func draw(match: Bool, _ generator: inout Generator) -> [UInt8] {
        var levels = [UInt8](repeating: 0, count: Comparison.allCases.count)
        // Account: shared by 70 % of matches, 1 % of others.
        if generator.uniform() < (match ? 0.7 : 0.01) { levels[Comparison.account.rawValue] = 1 }
        // Estate: same 80 % / 10 %, different 10 % / 60 %, else unnamed.
        let estate = generator.uniform()
        levels[Comparison.estate.rawValue] = match ? (estate < 0.8 ? 1 : estate < 0.9 ? 3 : 0)
            : (estate < 0.1 ? 1 : estate < 0.7 ? 3 : 0)
        // Text: high similarity for matches, low for others.
        let text = generator.uniform()
        levels[Comparison.text.rawValue] = UInt8(match ? 6 + Int(text * 5) : 1 + Int(text * 4))
        return levels
    }

    @Test("pairs drawn from a known model give back its account and estate weights and its share of matches")
    func recoversKnownModel() {
        var generator = Generator(state: 7)
        var candidates: [[UInt8]] = []
        for index in 0..<20_000 { candidates.append(Self.draw(match: index % 4 == 0, &generator)) }
        var random: [[UInt8]] = []
        for _ in 0..<20_000 { random.append(Self.draw(match: false, &generator)) }
        let estimated = WeightEstimator().estimate(candidates: candidates, random: random, from: .handSet, source: "test")
        #expect(abs((estimated.matchShare ?? 0) - 0.25) < 0.02)
        #expect(abs(estimated.weight(.account, 1) - log(0.7 / 0.01)) < 0.3)
        #expect(abs(estimated.weight(.estate, 1) - log(0.8 / 0.1)) < 0.3)
        #expect(abs(estimated.weight(.estate, 3) - log(0.1 / 0.6)) < 0.3)
    }

    @Test("text weights never fall as similarity grows")
    func textIsMonotone() {
        let smoothed = WeightEstimator.nonDecreasing([1, 3, 2, 2, 5, 4], weights: [1, 1, 1, 1, 1, 1])
        #expect(zip(smoothed, smoothed.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(abs(smoothed.reduce(0, +) - 17) < 1e-9)
    }

    @Test("too few candidate pairs leave the starting weights as they are")
    func tooFewPairs() {
        let estimated = WeightEstimator().estimate(candidates: [], random: [[UInt8](repeating: 0, count: 17)],
                                                   from: .handSet, source: "test")
        #expect(estimated == .handSet)
    }

    @Test("stored weights are what every later run and check scores with")
    func storedWeightsRoundTrip() throws {
        let data = try JSONEncoder().encode(MatchWeights.handSet)
        #expect(try JSONDecoder().decode(MatchWeights.self, from: data) == .handSet)
    }
}
