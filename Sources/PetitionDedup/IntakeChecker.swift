import Foundation
import PetitionModel
import PetitionText

/// Checks one incoming petition against the store in milliseconds: candidates
/// from the blocking keys and from the full-text index over the petition's
/// rarest words, each scored by ``MatchScorer``; the best same-matter match
/// decides the verdict, its matter gives the backlog case and escalation.
public final class IntakeChecker {
    public let store: any PetitionStorage
    public var scorer = MatchScorer()
    /// The rules of the acceptance advice (the bundled ones unless a bureau gives its own).
    public var acceptanceRules: AcceptanceRules
    private let builder: ProfileBuilder
    private let segmenter: WordSegmenter
    private let statistics: WordStatistics
    /// Words used by more petitions than this do not find candidates through the full-text index.
    static let maximumWordFrequency: Int32 = 1000
    /// The shortest word looked up through the full-text index. The index
    /// finds a word wherever its characters stand together, across word
    /// boundaries too; the frequency that picks rare words counts the word as
    /// segmented. For three characters or more the two nearly agree; a
    /// two-character word is one bigram of the index, found in every petition
    /// with those characters side by side (很不 in 很不满意, 不平 in 不平等), so a
    /// "rare" one can match a tenth of the corpus, and the query ranks them all.
    static let minimumIndexedWordLength = 3

    public init(store: any PetitionStorage) throws {
        self.store = store
        builder = try ProfileBuilder()
        segmenter = try WordSegmenter()
        scorer = MatchScorer(weights: try WeightCalibration.current(in: store) ?? .handSet)
        acceptanceRules = try AcceptanceRules.bundled()
        statistics = try IndexState.lastStatistics(in: store)
    }

    public func check(_ petition: Petition) throws -> CheckResult {
        try check(petition, profile: builder.profile(of: petition))
    }

    private func check(_ petition: Petition, profile: PetitionProfile) throws -> CheckResult {
        // Score every candidate on numbers alone; explain only the ones shown.
        var scored = try scoredCandidates(of: petition, profile: profile).filter { $0.score.relation != .unrelated }
        scored.sort { a, b in
            let rankA = a.score.relation == .sameMatter ? 1 : 0, rankB = b.score.relation == .sameMatter ? 1 : 0
            if rankA != rankB { return rankA > rankB }
            return a.score.logOdds != b.score.logOdds ? a.score.logOdds > b.score.logOdds : a.candidate.id < b.candidate.id
        }
        var matches: [CheckMatch] = []
        for (candidate, _, similarity) in scored.prefix(10) {
            let score = scorer.score(profile, candidate.profile, textSimilarity: similarity)
            matches.append(CheckMatch(id: candidate.id, relation: score.relation, score: score.probability,
                                      reasons: score.reasons, evidence: score.evidence,
                                      identityAgrees: score.identityAgrees, matterID: candidate.matterID,
                                      receivedAt: candidate.receivedAt, level: candidate.level))
        }
        var result = CheckResult(verdict: .new, matterID: nil, classID: nil, backlogCase: nil, escalation: nil,
                                 collective: petition.isCollective, matches: matches)
        if let best = matches.first(where: { $0.relation == .sameMatter }) {
            result.verdict = .repeat
            result.matterID = best.matterID
            if let matter = best.matterID {
                result.escalation = try escalation(of: petition, in: matter)
            } else if let rank = petition.levelRank, let level = best.level,
                      let earlierRank = Petition.levels.firstIndex(of: level), earlierRank < rank {
                result.escalation = EscalationSummary(fromLevel: level, toLevel: petition.level!, earlierID: best.id,
                                                      skippedLevels: rank - earlierRank - 1)
            }
        } else {
            // A class case is many petitioners: the look-alike's matter must
            // already belong to a class, or two matters must look alike.
            let classMatters = Set(matches.filter { $0.relation == .sameClass }.compactMap(\.matterID))
            let inClass = try classMatters.contains { try store.matter($0)?.classID != nil }
            if inClass || classMatters.count >= 2 { result.verdict = .class }
        }
        let relatedMatters = matches.filter { $0.relation == (result.verdict == .repeat ? .sameMatter : .sameClass) }
            .compactMap(\.matterID)
        let matter = try (result.matterID ?? relatedMatters.first).flatMap(store.matter)
        result.classID = matter?.classID
        result.backlogCase = try backlogCase(of: result.matterID == nil ? nil : matter, classID: result.classID)
        // A repeat is advised on from its matter's petitions; anything else opens a matter of its own.
        let matterPetitions = result.verdict != .repeat ? []
            : try result.matterID.map(store.petitions(ofMatter:))
                ?? matches.filter { $0.relation == .sameMatter }.compactMap { try store.storedPetition(id: $0.id)?.petition }
                    .sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
        result.acceptance = AcceptanceAdvisor(rules: acceptanceRules)
            .advise(petition, matter: matterPetitions, certainty: result.certainty)
        return result
    }

    /// Every candidate the petition's keys and rarest words find, scored on
    /// numbers alone (no reasons), whatever its relation.
    func scoredCandidates(of petition: Petition, profile: PetitionProfile? = nil) throws
        -> [(candidate: Candidate, score: PairScore, similarity: Float)] {
        let profile = profile ?? builder.profile(of: petition)
        let vector = statistics.vector(profile).truncated(to: CorpusIndex.vectorWords)
        let features = MatchFeatures(profile)
        return try loadCandidates(try candidateRowIDs(for: petition, profile: profile), excluding: petition.id)
            .map { candidate in
                let similarity = vector.cosine(candidate.vector
                    ?? statistics.vector(candidate.profile).truncated(to: CorpusIndex.vectorWords))
                return (candidate, scorer.score(features, MatchFeatures(candidate.profile), textSimilarity: similarity),
                        similarity)
            }
    }

    /// Checks and stores the petition with its matter, in one transaction.
    public func checkAndSave(_ petition: Petition) throws -> CheckResult {
        // The profile is built once, for the check and for what is stored.
        let profile = builder.profile(of: petition)
        var result = try check(petition, profile: profile)
        let vector = statistics.vector(profile).truncated(to: CorpusIndex.vectorWords)
        let repeating = result.verdict == .repeat ? result.matterID : nil
        if let matter = try store.saveChecked(
            petition, derived: ProfileCodec.derivedData(profile), vector: VectorCodec.encode(vector, rareWords: []),
            repeating: repeating, score: result.matches.first?.score,
            repeatOf: result.verdict == .repeat ? result.matches.first?.id : nil) {
            result.matterID = matter
        }
        return result
    }

    private func candidateRowIDs(for petition: Petition, profile: PetitionProfile) throws -> [Int64] {
        var found: [Int64: Int] = [:]
        for key in profile.blockingKeys.sorted() {
            // One more than the limit, to know whether the list is longer.
            let rows = try store.rowIDs(filedUnder: key, limit: CandidateLimits.commonKey + 1)
            if rows.count > CandidateLimits.commonKey { continue }
            for row in rows { found[row, default: 0] += CandidateLimits.keyVote }
        }
        // The petition's rarest words, through the full-text index.
        let text = [petition.title, petition.content].compactMap { $0 }.joined(separator: "\n")
        var frequencies: [String: Int32] = [:]
        for word in segmenter.words(text) where word.range.count >= Self.minimumIndexedWordLength {
            let frequency = statistics.frequency(WordStatistics.hash(word.text))
            // Words shared by many petitions would make the OR query rank thousands of rows.
            if frequency >= 1 && frequency <= Self.maximumWordFrequency { frequencies[word.text] = frequency }
        }
        let words: [String] = frequencies.sorted { (a: (key: String, value: Int32), b: (key: String, value: Int32)) in
            a.value != b.value ? a.value < b.value : a.key < b.key
        }.prefix(CandidateLimits.rareWordsInCheck).map { $0.key }
        if !words.isEmpty, let query = try? SearchQuery(parsing: words.joined(separator: " OR ")) {
            for row in try store.rowIDs(matching: query, limit: CandidateLimits.textCandidatesInCheck) {
                found[row, default: 0] += CandidateLimits.wordVote
            }
        }
        return found.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(CandidateLimits.perPetitionInCheck).map(\.key)
    }

    struct Candidate {
        let id: String
        let receivedAt: String
        let level: String?
        let matterID: String?
        let profile: PetitionProfile
        /// The vector stored when the nightly job assigned it.
        let vector: WordVector?
    }

    private func loadCandidates(_ rowIDs: [Int64], excluding id: String) throws -> [Candidate] {
        try store.candidates(rowIDs).compactMap { record in
            guard record.id != id, let profile = ProfileCodec.decode(record.profile) else { return nil }
            return Candidate(id: record.id, receivedAt: record.receivedAt, level: record.level, matterID: record.matterID,
                             profile: profile, vector: record.vector.flatMap(VectorCodec.decode)?.0)
        }
    }

    /// The highest level the matter was filed at before, if below this petition's.
    private func escalation(of petition: Petition, in matter: String) throws -> EscalationSummary? {
        guard let rank = petition.levelRank else { return nil }
        var highest: (rank: Int, id: String)?
        for member in try store.members(ofMatter: matter).reversed()
        where member.id != petition.id && member.receivedAt <= petition.receivedAt.description {
            guard let level = member.level, let earlierRank = Petition.levels.firstIndex(of: level) else { continue }
            if highest == nil || earlierRank > highest!.rank { highest = (earlierRank, member.id) }
        }
        guard let highest, highest.rank < rank else { return nil }
        return EscalationSummary(fromLevel: Petition.levels[highest.rank], toLevel: Petition.levels[rank],
                                 earlierID: highest.id, skippedLevels: rank - highest.rank - 1)
    }

    /// The matter's backlog case, else the one most of its class case's matters are linked to.
    private func backlogCase(of matter: MatterRecord?, classID: String?) throws -> BacklogSummary? {
        var caseID = matter?.backlogCaseID
        if caseID == nil, let classID { caseID = try store.backlogCaseID(ofClass: classID) }
        guard let caseID, let backlog = try store.backlogCase(id: caseID) else { return nil }
        return BacklogSummary(caseID: caseID, title: backlog.title, leader: backlog.leader,
                              responsibleUnits: backlog.responsibleUnits, status: backlog.status)
    }
}
