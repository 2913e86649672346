import Foundation

/// Turns a pair's score into a calibrated probability that both petitions raise
/// one matter: among judged pairs given p, a share p are repeats. A logistic
/// regression on the score's parts (``CalibrationInputs``), fitted by
/// `petition-bench calibrate` on judged real pairs (``CalibrationFit``) and
/// bundled as `calibration.json`, which records what it was fitted on and how
/// well it held on pairs it was not fitted on.
///
/// Why a calibration and not the log-odds' own sigmoid: the hand-set weights
/// make an agreeing account alone worth even odds, and on judged real pairs
/// the same account with nothing specific in common is a repeat about half the
/// time, decided by how alike the texts read. The sigmoid of the sum called
/// such pairs 0.6 and sure repeats 0.99 alike; the acceptance advice's decision
/// level needs a probability it can trust.
public struct ScoreCalibration: Sendable, Codable, Equatable {
    /// One coefficient per regressor of ``CalibrationInputs``.
    public struct Coefficients: Sendable, Codable, Equatable {
        public var intercept: Double
        public var identity: Double
        public var specifics: Double
        public var textSimilarity: Double
        public var identityOnly: Double
        public var identityOnlyText: Double
        public var conceptAgrees: Double
        public var conceptDisagrees: Double

        public init(_ values: [Double]) {
            precondition(values.count == 8, "one coefficient per regressor")
            (intercept, identity, specifics, textSimilarity) = (values[0], values[1], values[2], values[3])
            (identityOnly, identityOnlyText, conceptAgrees, conceptDisagrees) = (values[4], values[5], values[6], values[7])
        }

        var values: [Double] {
            [intercept, identity, specifics, textSimilarity, identityOnly, identityOnlyText, conceptAgrees, conceptDisagrees]
        }
    }

    /// Where it came from: the command and the judged pairs it was fitted on.
    public var source: String
    public var coefficients: Coefficients?
    /// How it held out of fold, per decile, when it was fitted.
    public var crossValidated: [ReliabilityTable.Bin]?

    public init(source: String, coefficients: Coefficients?, crossValidated: [ReliabilityTable.Bin]? = nil) {
        self.source = source
        self.coefficients = coefficients
        self.crossValidated = crossValidated
    }

    /// The probability of one matter; the log-odds' own sigmoid when uncalibrated.
    public func probability(_ inputs: CalibrationInputs, logOdds: Double) -> Double {
        guard let c = coefficients else { return Self.sigmoid(logOdds) }
        // Written out rather than zipped with ``CalibrationInputs/regressors``:
        // the nightly job calibrates every pair it keeps, and an array is an allocation.
        let only: Double = inputs.identityOnly ? 1 : 0
        var x = c.intercept + c.identity * inputs.identity + c.specifics * inputs.specifics
        x += c.textSimilarity * inputs.textSimilarity + c.identityOnly * only + c.identityOnlyText * only * inputs.textSimilarity
        x += (inputs.conceptAgrees ? c.conceptAgrees : 0) + (inputs.conceptDisagrees ? c.conceptDisagrees : 0)
        return Self.sigmoid(x)
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-min(50, max(-50, x)))) }

    /// No calibration: the log-odds' sigmoid, as the scorer read before there was one.
    public static let uncalibrated = ScoreCalibration(source: "uncalibrated", coefficients: nil)

    /// The bundled calibration (`Resources/calibration.json`).
    public static let bundled: ScoreCalibration = {
        guard let url = Bundle.module.url(forResource: "calibration", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let calibration = try? JSONDecoder().decode(ScoreCalibration.self, from: data) else { return .uncalibrated }
        return calibration
    }()
}
