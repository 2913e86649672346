/// What the calibration reads from a scored pair: the score's parts rather than
/// its sum. The sum lets a sure identity (an account, +6) outweigh whatever the
/// two petitions say, and on real text the same account writing about another
/// problem is the commonest wrong join; kept apart, the parts say how much the
/// subject itself agrees.
public struct CalibrationInputs: Sendable, Equatable, Codable {
    /// The identity comparisons' summed weights (ID number, phone, account, birth year, name).
    public var identity: Double
    /// The specifics' and the problem's summed weights, text excepted.
    public var specifics: Double
    /// The texts' cosine similarity, 0…1.
    public var textSimilarity: Double
    /// A place, room, case number, amount or area is named alike on both sides.
    public var specificAgrees: Bool
    /// The problem kinds agree (one is about what the other mentions).
    public var conceptAgrees: Bool
    /// The problem kinds are disjoint.
    public var conceptDisagrees: Bool

    public init(identity: Double, specifics: Double, textSimilarity: Double, specificAgrees: Bool,
                conceptAgrees: Bool, conceptDisagrees: Bool) {
        self.identity = identity
        self.specifics = specifics
        self.textSimilarity = textSimilarity
        self.specificAgrees = specificAgrees
        self.conceptAgrees = conceptAgrees
        self.conceptDisagrees = conceptDisagrees
    }

    /// The petitioners agree and nothing specific about the subject does: the
    /// case where only the text can tell one matter from two.
    public var identityOnly: Bool { identity > 0 && !specificAgrees }

    static let regressorCount = 8

    /// The regressors in ``ScoreCalibration/Coefficients`` order, the intercept's 1 first.
    var regressors: [Double] {
        let only: Double = identityOnly ? 1 : 0
        return [1, identity, specifics, textSimilarity, only, only * textSimilarity,
                conceptAgrees ? 1 : 0, conceptDisagrees ? 1 : 0]
    }
}
