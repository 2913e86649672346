import Foundation
import GRDB
import PetitionStore
import PetitionText

/// The intake verdict of DOMAIN.md.
public enum Verdict: String, Sendable {
    case `repeat`, `class`, new
}

public struct CheckMatch: Sendable {
    public var id: String
    public var relation: Relation
    public var score: Double
    public var reasons: [String]
    /// Every piece of evidence with its weight (the waterfall of the score).
    public var evidence: [Evidence] = []
    public var matterID: String?
    public var receivedAt: String
    public var level: String?
}

public struct BacklogSummary: Sendable {
    public var caseID: String
    public var title: String
    public var leader: String?
    public var responsibleUnits: [String]
    public var status: String?
}

public struct EscalationSummary: Sendable {
    public var fromLevel: String
    public var toLevel: String
    public var earlierID: String
    public var skippedLevels: Int
}

public struct CheckResult: Sendable {
    public var verdict: Verdict
    public var matterID: String?
    public var classID: String?
    public var backlogCase: BacklogSummary?
    public var escalation: EscalationSummary?
    public var collective: Bool
    public var matches: [CheckMatch]
    /// Whether to accept it, under the acceptance rules, from the matter's handling history.
    public var acceptance: AcceptanceAdvice?
}

/// Checks one incoming petition against the store in milliseconds: candidates
/// from the blocking keys and from the full-text index over the petition's
/// rarest words, each scored by ``MatchScorer``; the best same-matter match
/// decides the verdict, its matter gives the backlog case and escalation.
public final class IntakeChecker {
    public let store: PetitionStore
    public var scorer = MatchScorer()
    /// The rules of the acceptance advice (the bundled ones unless a bureau gives its own).
    public var acceptanceRules: AcceptanceRules
    private let builder: ProfileBuilder
    private let segmenter: WordSegmenter
    private let statistics: WordStatistics
    /// Candidates read per blocking key at most: a key shared by more says little.
    static let keyLimit = 400
    static let textCandidates = 60
    /// Words used by more petitions than this do not find candidates through the full-text index.
    static let maximumWordFrequency: Int32 = 1000

    public init(store: PetitionStore) throws {
        self.store = store
        builder = try ProfileBuilder()
        segmenter = try WordSegmenter()
        scorer = MatchScorer(weights: try WeightCalibration.current(in: store) ?? .handSet)
        acceptanceRules = try AcceptanceRules.bundled()
        statistics = try store.read { db in
            if let saved = try IndexState.lastStatistics(in: db) { return saved }
            // No nightly run yet: every word counts as rare.
            return WordStatistics(documentCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM petition") ?? 0)
        }
    }

    public func check(_ petition: Petition) throws -> CheckResult {
        let profile = builder.profile(of: petition)
        let vector = statistics.vector(profile).truncated(to: CorpusIndex.vectorWords)
        return try store.read { db in
            let candidates = try candidateRowIDs(for: petition, profile: profile, in: db)
            // Score every candidate on numbers alone; explain only the ones shown.
            let features = MatchFeatures(profile)
            var scored: [(candidate: Candidate, score: PairScore, similarity: Float)] = []
            for candidate in try loadCandidates(candidates, excluding: petition.id, in: db) {
                let candidateVector = candidate.vector
                    ?? statistics.vector(candidate.profile).truncated(to: CorpusIndex.vectorWords)
                let similarity = vector.cosine(candidateVector)
                let score = scorer.score(features, MatchFeatures(candidate.profile), textSimilarity: similarity)
                guard score.relation != .unrelated else { continue }
                scored.append((candidate, score, similarity))
            }
            scored.sort { a, b in
                let rankA = a.score.relation == .sameMatter ? 1 : 0, rankB = b.score.relation == .sameMatter ? 1 : 0
                if rankA != rankB { return rankA > rankB }
                return a.score.logOdds != b.score.logOdds ? a.score.logOdds > b.score.logOdds : a.candidate.id < b.candidate.id
            }
            var matches: [CheckMatch] = []
            for (candidate, _, similarity) in scored.prefix(10) {
                let score = scorer.score(profile, candidate.profile, textSimilarity: similarity)
                matches.append(CheckMatch(id: candidate.id, relation: score.relation, score: score.probability,
                                          reasons: score.reasons, evidence: score.evidence, matterID: candidate.matterID,
                                          receivedAt: candidate.receivedAt, level: candidate.level))
            }
            var result = CheckResult(verdict: .new, matterID: nil, classID: nil, backlogCase: nil, escalation: nil,
                                     collective: profile.collective, matches: matches)
            if let best = matches.first(where: { $0.relation == .sameMatter }) {
                result.verdict = .repeat
                result.matterID = best.matterID
                if let matter = best.matterID {
                    result.escalation = try escalation(of: petition, in: matter, db: db)
                } else if let rank = petition.levelRank, let level = best.level,
                          let earlierRank = Petition.levels.firstIndex(of: level), earlierRank < rank {
                    result.escalation = EscalationSummary(fromLevel: level, toLevel: petition.level!, earlierID: best.id,
                                                          skippedLevels: rank - earlierRank - 1)
                }
            } else {
                // A class case is many petitioners: the look-alike's matter must
                // already belong to a class, or two matters must look alike.
                let classMatters = Set(matches.filter { $0.relation == .sameClass }.compactMap(\.matterID))
                let inClass = try classMatters.contains { matter in
                    try String.fetchOne(db, sql: "SELECT class_id FROM matter WHERE matter_id = ?", arguments: [matter]) != nil
                }
                if inClass || classMatters.count >= 2 { result.verdict = .class }
            }
            let relatedMatters = matches.filter { $0.relation == (result.verdict == .repeat ? .sameMatter : .sameClass) }
                .compactMap(\.matterID)
            if let matter = result.matterID ?? relatedMatters.first {
                result.classID = try String.fetchOne(db, sql: "SELECT class_id FROM matter WHERE matter_id = ?", arguments: [matter])
            }
            result.backlogCase = try backlogCase(matter: result.matterID, classID: result.classID, in: db)
            // A repeat is advised on from its matter's petitions; anything else opens a matter of its own.
            let matter = result.verdict != .repeat ? []
                : try result.matterID.map { try MatterPetitions.load(matterID: $0, in: db) }
                    ?? MatterPetitions.load(ids: matches.filter { $0.relation == .sameMatter }.map(\.id), in: db)
            result.acceptance = AcceptanceAdvisor(rules: acceptanceRules).advise(petition, matter: matter)
            return result
        }
    }

    /// Checks and stores the petition with its matter, in one transaction.
    public func checkAndSave(_ petition: Petition) throws -> CheckResult {
        var result = try check(petition)
        let profile = builder.profile(of: petition)
        try store.write { db in
            var summary = ImportSummary()
            let now = ISO8601DateFormatter().string(from: Date())
            guard let rowID = try Importer.upsert(petition, at: now, in: db, into: &summary) else { return }
            try ProfileCodec.save(profile, rowID: rowID, in: db)
            let vector = statistics.vector(profile).truncated(to: CorpusIndex.vectorWords)
            try db.execute(sql: "UPDATE petition_profile SET vector = ? WHERE petition_rowid = ?",
                           arguments: [VectorCodec.encode(vector, rareWords: []), rowID])
            let matter: String
            if result.verdict == .repeat, let existing = result.matterID {
                matter = existing
            } else {
                let sequence = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM matter") ?? 0) + 1
                matter = MatterID.format(sequence)
                try db.execute(sql: "INSERT INTO matter (matter_id, seq) VALUES (?, ?)", arguments: [matter, sequence])
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO assignment (petition_rowid, matter_id, score, repeat_of) VALUES (?, ?, ?, ?)
                """, arguments: [rowID, matter, result.matches.first?.score, result.verdict == .repeat ? result.matches.first?.id : nil])
            result.matterID = matter
        }
        return result
    }

    private func candidateRowIDs(for petition: Petition, profile: PetitionProfile, in db: Database) throws -> [Int64] {
        var found: [Int64: Int] = [:]
        for key in profile.blockingKeys.sorted() {
            let rows = try Int64.fetchAll(db.cachedStatement(
                sql: "SELECT petition_rowid FROM block_key WHERE key = ? LIMIT \(Self.keyLimit + 1)"), arguments: [key])
            if rows.count > Self.keyLimit { continue }
            for row in rows { found[row, default: 0] += 2 }
        }
        // The petition's rarest words, through the full-text index.
        let text = [petition.title, petition.content].compactMap { $0 }.joined(separator: "\n")
        var frequencies: [String: Int32] = [:]
        for word in segmenter.words(text) where word.range.count >= 2 {
            let frequency = statistics.frequency(WordStatistics.hash(word.text))
            // Words shared by many petitions would make the OR query rank thousands of rows.
            if frequency >= 1 && frequency <= Self.maximumWordFrequency { frequencies[word.text] = frequency }
        }
        let words: [String] = frequencies.sorted { (a: (key: String, value: Int32), b: (key: String, value: Int32)) in
            a.value != b.value ? a.value < b.value : a.key < b.key
        }.prefix(8).map { $0.key }
        if !words.isEmpty, let query = try? SearchQuery(parsing: words.joined(separator: " OR ")) {
            let rows = try Int64.fetchAll(db, sql: """
                SELECT rowid FROM petition_fts WHERE petition_fts MATCH ? ORDER BY bm25(petition_fts) LIMIT \(Self.textCandidates)
                """, arguments: [FTS5Expression.compile(query)])
            for row in rows { found[row, default: 0] += 1 }
        }
        return found.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(200).map(\.key)
    }

    private struct Candidate {
        let id: String
        let receivedAt: String
        let level: String?
        let matterID: String?
        let profile: PetitionProfile
        /// The vector stored when the nightly job assigned it.
        let vector: WordVector?
    }

    private func loadCandidates(_ rowIDs: [Int64], excluding id: String, in db: Database) throws -> [Candidate] {
        guard !rowIDs.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, p.received_at, p.level, a.matter_id, pp.profile, pp.vector
            FROM petition p JOIN petition_profile pp ON pp.petition_rowid = p.rowid
            LEFT JOIN assignment a ON a.petition_rowid = p.rowid
            WHERE p.rowid IN (\(rowIDs.map(String.init).joined(separator: ",")))
            """)
        return rows.compactMap { row in
            let candidateID: String = row[0]
            guard candidateID != id, let profile = ProfileCodec.decode(row[4] as Data) else { return nil }
            let vector = (row[5] as Data?).flatMap(VectorCodec.decode)?.0
            return Candidate(id: candidateID, receivedAt: row[1], level: row[2], matterID: row[3], profile: profile,
                             vector: vector)
        }
    }

    private func escalation(of petition: Petition, in matter: String, db: Database) throws -> EscalationSummary? {
        guard let rank = petition.levelRank else { return nil }
        let earlier = try Row.fetchAll(db, sql: """
            SELECT p.id, p.level FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
            WHERE a.matter_id = ? AND p.id != ? AND p.received_at <= ? ORDER BY p.received_at DESC, p.id DESC
            """, arguments: [matter, petition.id, petition.receivedAt.description])
        var highest: (rank: Int, id: String)?
        for row in earlier {
            guard let level: String = row["level"], let earlierRank = Petition.levels.firstIndex(of: level) else { continue }
            if highest == nil || earlierRank > highest!.rank { highest = (earlierRank, row["id"]) }
        }
        guard let highest, highest.rank < rank else { return nil }
        return EscalationSummary(fromLevel: Petition.levels[highest.rank], toLevel: Petition.levels[rank],
                                 earlierID: highest.id, skippedLevels: rank - highest.rank - 1)
    }

    private func backlogCase(matter: String?, classID: String?, in db: Database) throws -> BacklogSummary? {
        var caseID: String?
        if let matter {
            caseID = try String.fetchOne(db, sql: "SELECT backlog_case_id FROM matter WHERE matter_id = ?", arguments: [matter])
        }
        if caseID == nil, let classID {
            caseID = try String.fetchOne(db, sql: """
                SELECT backlog_case_id FROM matter WHERE class_id = ? AND backlog_case_id IS NOT NULL
                GROUP BY backlog_case_id ORDER BY count(*) DESC LIMIT 1
                """, arguments: [classID])
        }
        guard let caseID, let backlog = try PetitionStore.backlogCase(caseID: caseID, in: db) else { return nil }
        return BacklogSummary(caseID: caseID, title: backlog.title, leader: backlog.leader,
                              responsibleUnits: backlog.responsibleUnits, status: backlog.status)
    }
}
