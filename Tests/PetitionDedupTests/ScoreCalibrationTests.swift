import Foundation
@testable import PetitionDedup
import PetitionText
import Testing

/// The probability a clerk reads is calibrated: fitted on judged pairs
/// (``CalibrationFit``), read from the score's parts (``CalibrationInputs``),
/// and checked decile by decile (``ReliabilityTable``).
@Suite("Score calibration")
struct ScoreCalibrationTests {
    private func inputs(identity: Double = 0, specifics: Double = 0, text: Double = 0.2, specificAgrees: Bool = false,
                        conceptAgrees: Bool = false, conceptDisagrees: Bool = false) -> CalibrationInputs {
        CalibrationInputs(identity: identity, specifics: specifics, textSimilarity: text, specificAgrees: specificAgrees,
                          conceptAgrees: conceptAgrees, conceptDisagrees: conceptDisagrees)
    }

    @Test("the bundled calibration is fitted, and says on what")
    func bundledIsFitted() {
        #expect(ScoreCalibration.bundled.coefficients != nil)
        #expect(ScoreCalibration.bundled.source.contains("judged pairs"))
    }

    @Test("one account with nothing specific in common and unlike texts is unlikely one matter")
    func sameAccountAnotherProblem() {
        let calibration = ScoreCalibration.bundled
        let another = calibration.probability(inputs(identity: 6, text: 0.1, conceptDisagrees: true), logOdds: 0)
        let again = calibration.probability(inputs(identity: 6, specifics: 2.5, text: 0.7, specificAgrees: true,
                                                   conceptAgrees: true), logOdds: 0)
        #expect(another < 0.2)
        #expect(again > 0.95)
    }

    @Test("without coefficients the probability is the log-odds' sigmoid")
    func uncalibratedIsSigmoid() {
        #expect(abs(ScoreCalibration.uncalibrated.probability(inputs(), logOdds: 0) - 0.5) < 1e-12)
        #expect(abs(ScoreCalibration.uncalibrated.probability(inputs(), logOdds: 2) - 1 / (1 + exp(-2))) < 1e-12)
    }

    @Test("the scorer's probability is the calibration of the score's parts")
    func scorerCalibrates() throws {
        let profile = try ProfileBuilder().profile(of: IndexRecordTests.petition)
        let scorer = MatchScorer()
        let score = scorer.score(profile, profile, textSimilarity: 0.4)
        #expect(score.probability == scorer.calibration.probability(score.calibrationInputs, logOdds: score.logOdds))
        #expect(score.calibrationInputs.textSimilarity == Double(Float(0.4)))
    }

    @Test("the fit recovers the coefficients that drew the labels")
    func fitRecoversCoefficients() {
        var generator = SplitMix64(seed: 7)
        let truth = ScoreCalibration(source: "truth", coefficients: .init([-1, 0.5, 0, 3, 0, 0, 0, 0]))
        var examples: [(inputs: CalibrationInputs, isRepeat: Bool)] = []
        for _ in 0..<4000 {
            let x = inputs(identity: Double(generator.next() % 7), text: Double(generator.next() % 1000) / 1000,
                           specificAgrees: true)
            let p = truth.probability(x, logOdds: 0)
            examples.append((x, Double(generator.next() % 10_000) / 10_000 < p))
        }
        var fit = CalibrationFit(examples: examples)
        fit.ridge = 0.01
        let fitted = fit.coefficients()
        #expect(abs(fitted.intercept + 1) < 0.25)
        #expect(abs(fitted.identity - 0.5) < 0.1)
        #expect(abs(fitted.textSimilarity - 3) < 0.4)
    }

    @Test("a decile whose share of repeats lies outside its interval is reported")
    func reliabilityFlagsOffDeciles() {
        let probabilities = [Double](repeating: 0.95, count: 40) + [Double](repeating: 0.15, count: 40)
        let isRepeat = (0..<40).map { $0 < 20 } + (0..<40).map { $0 < 6 }
        let table = ReliabilityTable(probabilities: probabilities, isRepeat: isRepeat)
        #expect(table.bins.count == 2)
        #expect(table.outsideInterval.map(\.lower) == [0.9])
        #expect(abs(table.worstGap() - 0.45) < 1e-9)
    }
}
