import Foundation
import PetitionModel

/// Why two stored petitions are, or are not, one matter: the scorer's verdict
/// with its reasons, computed as the intake check would compute it now.
public struct PairExplanation: Sendable {
    public var a: String
    public var b: String
    public var titles: (String, String)
    public var score: PairScore
    public var textSimilarity: Float

    /// Explains a pair of stored petitions; nil when either is not stored.
    public static func explain(_ a: String, _ b: String, in store: any PetitionStorage) throws -> PairExplanation? {
        let builder = try ProfileBuilder()
        guard let first = try store.storedPetition(id: a)?.petition,
              let second = try store.storedPetition(id: b)?.petition else { return nil }
        let statistics = try IndexState.lastStatistics(in: store)
        let profiles = (builder.profile(of: first), builder.profile(of: second))
        let similarity = statistics.vector(profiles.0).truncated(to: CorpusIndex.vectorWords)
            .cosine(statistics.vector(profiles.1).truncated(to: CorpusIndex.vectorWords))
        let weights = try WeightCalibration.current(in: store) ?? .handSet
        let score = MatchScorer(weights: weights).score(profiles.0, profiles.1, textSimilarity: similarity)
        return PairExplanation(a: a, b: b, titles: (first.title ?? "", second.title ?? ""), score: score,
                               textSimilarity: similarity)
    }

    /// One line for reading: both titles, the log-odds, the relation and the reasons.
    public var line: String {
        String(format: "%@ 「%@」 ~ %@ 「%@」 %.2f %@ 相似度 %.2f：", a, titles.0, b, titles.1, score.logOdds,
               score.relation.rawValue, textSimilarity) + score.reasons.joined(separator: "；")
    }
}

extension PairExplanation {
    /// Explains how a stored petition fits a backlog case, as the nightly job
    /// scores it (``MatchWeights/backlogLink``); nil when either is not stored.
    public static func explain(backlogCase caseID: String, petition id: String,
                               in store: any PetitionStorage) throws -> PairExplanation? {
        let builder = try ProfileBuilder()
        guard let backlogCase = try store.backlogCase(id: caseID),
              let petition = try store.storedPetition(id: id)?.petition else { return nil }
        let statistics = try IndexState.lastStatistics(in: store)
        let profiles = (BacklogLinker.profile(of: backlogCase, builder: builder).profile, builder.profile(of: petition))
        let similarity = statistics.vector(profiles.0).truncated(to: CorpusIndex.vectorWords)
            .cosine(statistics.vector(profiles.1).truncated(to: CorpusIndex.vectorWords))
        let score = MatchScorer(weights: .backlogLink).score(profiles.0, profiles.1, textSimilarity: similarity)
        return PairExplanation(a: caseID, b: id, titles: (backlogCase.title, petition.title ?? ""), score: score,
                               textSimilarity: similarity)
    }

    /// The waterfall: each piece of evidence with its weight.
    public var waterfall: String {
        score.evidence.map { String(format: "%@ %+.1f", $0.reason, $0.weight) }.joined(separator: "，")
    }
}
