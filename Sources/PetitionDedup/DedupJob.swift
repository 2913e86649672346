import Foundation
import GRDB
import PetitionStore
import PetitionText

/// What one nightly run did.
public struct DedupSummary: Sendable {
    public var runID: Int64 = 0
    public var full = false
    public var scored = 0
    public var newMatters = 0
    public var repeats = 0
    public var matters = 0
    public var classes = 0
    public var backlogLinks = 0
    public var escalations = 0
    public var seconds = 0.0
    /// Stopped on request between two batches; the next run goes on from there.
    public var interrupted = false
    /// The weights the run scored with.
    public var weights: MatchWeights = .handSet
    /// Where the time went, in order: `weights` (choosing or estimating the
    /// match weights), `index` (reading the assigned petitions),
    /// `assign` (scoring the new ones, with their writes), `group` (class cases and
    /// escalations), `link` (backlog cases), `write` (the derived tables).
    public var phases: [Phase] = []

    public struct Phase: Sendable, Codable {
        public var name: String
        public var seconds: Double
    }
}

/// The nightly job: assigns every petition not yet assigned to a matter (all of
/// them with `full`), in the order they were received, then regroups matters
/// into class cases, links them to backlog cases and finds escalations.
///
/// Each petition joins the matter of its best-scoring earlier candidate when
/// that score passes the threshold, else opens a new matter (首接首办: the
/// first petition of a matter defines it). Assignment in time order is what
/// makes runs incremental: an old petition's matter never changes because of
/// a newer one, so a run over two halves equals one full run, a second run
/// changes nothing, and matter ids are never renumbered. A petition joins one
/// matter only, so one ambiguous link cannot chain two matters together.
public final class DedupJob {
    /// Where a run's match weights come from.
    public enum WeightChoice: Sendable {
        /// Estimated from the store's petitions before the run (``WeightCalibration``) and kept for later runs.
        case estimate
        /// The weights kept by the last estimation, else the hand-set ones.
        case stored
        /// The hand-set weights, kept for later runs.
        case handSet
    }

    public let store: PetitionStore
    public var scorer = MatchScorer()
    /// Every run scores with the stored weights (the hand-set ones until some
    /// are estimated or chosen), so that an incremental run scores new
    /// petitions as the full run scored the old. Estimation is asked for: on
    /// the real judged pairs and on the synthetic corpora the estimated
    /// weights still do worse than the hand-set ones (docs/DETECTION.md).
    public var weightChoice: WeightChoice = .stored
    public var batchSize = 2000
    /// Candidates scored per petition at most.
    public var candidateLimit = 120
    /// Above any cosine of two stored vectors (unit length before their
    /// weights were rounded to 16 bits).
    static let similarityBound: Float = 1.01

    public init(store: PetitionStore) {
        self.store = store
    }

    public func run(full: Bool, progress: (Int, Int) -> Void = { _, _ in },
                    shouldStop: () -> Bool = { false }) throws -> DedupSummary {
        let started = Date()
        var summary = DedupSummary()
        summary.full = full
        summary.runID = try store.write { db in
            if full {
                try db.execute(sql: "DELETE FROM assignment; DELETE FROM matter; DELETE FROM escalation; DELETE FROM class_case;")
                try IndexState.clear(in: db)
            }
            try db.cachedStatement(sql: "INSERT INTO dedup_run (started_at, full) VALUES (?, ?)").execute(
                           arguments: [ISO8601DateFormatter().string(from: started), full])
            return db.lastInsertedRowID
        }
        var phaseStarted = started
        func finishPhase(_ name: String) {
            let now = Date()
            summary.phases.append(DedupSummary.Phase(name: name, seconds: now.timeIntervalSince(phaseStarted)))
            phaseStarted = now
        }
        switch weightChoice {
        case .estimate:
            scorer.weights = try WeightCalibration(store: store).estimate(source: "estimated by run \(summary.runID)")
            try store.write { try WeightCalibration.save(scorer.weights, runID: summary.runID, in: $0) }
        case .stored:
            scorer.weights = try WeightCalibration.current(in: store) ?? .handSet
        case .handSet:
            scorer.weights = .handSet
            try store.write { try WeightCalibration.save(scorer.weights, runID: summary.runID, in: $0) }
        }
        summary.weights = scorer.weights
        finishPhase("weights")
        let index = try CorpusIndex(store: store, keepingAssignments: !full)
        finishPhase("index")

        // Matter of each entry, from earlier runs.
        var matterOf = [String](repeating: "", count: index.entries.count)
        var nextSequence = 1
        try store.read { db in
            let assigned = try Row.fetchAll(db, sql: "SELECT petition_rowid, matter_id FROM assignment")
            var position: [Int64: Int] = [:]
            for (offset, entry) in index.entries.enumerated() { position[entry.rowID] = offset }
            for row in assigned {
                if let offset = position[row[0]] { matterOf[offset] = row[1] }
            }
            nextSequence = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM matter") ?? 0) + 1
        }
        let pending = index.entries.indices.filter { matterOf[$0].isEmpty }
        var batch: [(offset: Int, rowID: Int64, matter: String, score: Double?, repeatOf: String?, vector: Data,
                     record: Data)] = []
        var newMatters: [(id: String, sequence: Int)] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            try store.write { db in
                // Matter numbers are settled here, inside the writing transaction: a
                // clerk's save (check --save) may have taken the next ones since the
                // batch was scored. The batch's new matters then move up, and so
                // does every petition of the batch that joined one of them.
                let taken = try Int.fetchOne(db, sql: "SELECT max(seq) FROM matter") ?? 0
                if let first = newMatters.first, first.sequence <= taken {
                    let shift = taken + 1 - first.sequence
                    var moved: [String: String] = [:]
                    for index in newMatters.indices {
                        let sequence = newMatters[index].sequence + shift
                        moved[newMatters[index].id] = MatterID.format(sequence)
                        newMatters[index] = (MatterID.format(sequence), sequence)
                    }
                    for index in batch.indices {
                        guard let matter = moved[batch[index].matter] else { continue }
                        batch[index].matter = matter
                        matterOf[batch[index].offset] = matter
                    }
                    nextSequence += shift
                }
                for matter in newMatters {
                    try db.cachedStatement(sql: "INSERT INTO matter (matter_id, seq, run_id) VALUES (?, ?, ?)").execute(
                                   arguments: [matter.id, matter.sequence, summary.runID])
                }
                for item in batch {
                    try db.cachedStatement(sql: """
                        INSERT OR REPLACE INTO assignment (petition_rowid, matter_id, score, repeat_of, run_id)
                        VALUES (?, ?, ?, ?, ?)
                        """).execute(arguments: [item.rowID, item.matter, item.score, item.repeatOf, summary.runID])
                    try db.cachedStatement(sql: "UPDATE petition_profile SET vector = ?, indexed = ? WHERE petition_rowid = ?")
                        .execute(arguments: [item.vector, item.record, item.rowID])
                }
            }
            batch.removeAll()
            newMatters.removeAll()
        }
        var done = 0
        try index.forEachProfile(of: pending) { offset, profile, _, _ in
            if shouldStop() {
                summary.interrupted = true
                return false
            }
            let prepared = index.prepare(offset, profile: profile)
            let entry = index.entries[offset]
            let features = index.features[offset]!
            // The best matter among those none of whose scored members is
            // someone else: one ambiguous link does not pull a petition into a
            // matter whose petitioner it contradicts.
            var bestOfMatter: [String: (score: PairScore, other: Int)] = [:]
            var conflicting: Set<String> = []
            for other in index.candidates(of: offset, keys: prepared.keys, limit: candidateLimit) {
                let matter = matterOf[other]
                guard !matter.isEmpty, let candidateFeatures = index.features[other] else { continue }
                // Most candidates cannot be the same matter even with identical
                // texts (the score only grows with the similarity): they are
                // decided without comparing texts, and identity does not depend on text.
                let hopeful = scorer.score(features, candidateFeatures, textSimilarity: Self.similarityBound)
                if hopeful.identityConflict { conflicting.insert(matter) }
                guard hopeful.relation == .sameMatter else { continue }
                let score = scorer.score(features, candidateFeatures, textSimilarity: index.similarity(offset, other))
                guard score.relation == .sameMatter else { continue }
                if let current = bestOfMatter[matter], current.score.logOdds >= score.logOdds { continue }
                bestOfMatter[matter] = (score, other)
            }
            let best = bestOfMatter.filter { !conflicting.contains($0.key) }
                .max { $0.value.score.logOdds != $1.value.score.logOdds
                    ? $0.value.score.logOdds < $1.value.score.logOdds : $0.key > $1.key }
                .map { (matter: $0.key, score: $0.value.score, other: $0.value.other) }
            let stored = VectorCodec.encode(prepared.vector, rareWords: prepared.rareWords)
            let record = index.record(of: offset, keys: prepared.keys).encoded()
            if let best {
                matterOf[offset] = best.matter
                batch.append((offset, entry.rowID, best.matter, best.score.probability, index.entries[best.other].id, stored,
                              record))
                summary.repeats += 1
            } else {
                let matter = MatterID.format(nextSequence)
                newMatters.append((matter, nextSequence))
                nextSequence += 1
                matterOf[offset] = matter
                batch.append((offset, entry.rowID, matter, nil, nil, stored, record))
                summary.newMatters += 1
            }
            index.add(offset, profile: profile, keys: prepared.keys)
            summary.scored += 1
            done += 1
            if batch.count >= batchSize {
                try flush()
                progress(done, pending.count)
            }
            return true
        }
        try flush()
        progress(done, pending.count)

        finishPhase("assign")
        let grouping = MatterGrouping(index: index, matterOf: matterOf)
        let classes = grouping.classes()
        let escalations = grouping.escalations()
        finishPhase("group")
        let links = try BacklogLinker(index: index, grouping: grouping, classes: classes)
            .links(for: try store.backlogCases())
        finishPhase("link")
        try store.write { db in
            try DerivedTables(classes: classes, links: links, escalations: escalations).write(in: db)
            summary.matters = try Int.fetchOne(db, sql: "SELECT count(*) FROM matter") ?? 0
            try IndexState.save(runID: summary.runID, assigned: try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0,
                                statistics: index.statistics, in: db)
            summary.seconds = Date().timeIntervalSince(started)
            try db.cachedStatement(sql: """
                UPDATE dedup_run SET finished_at = ?, scored = ?, new_matters = ?, repeats = ? WHERE run_id = ?
                """).execute(arguments: [ISO8601DateFormatter().string(from: Date()), summary.scored, summary.newMatters,
                                 summary.repeats, summary.runID])
        }
        finishPhase("write")
        summary.classes = classes.groups.count
        summary.backlogLinks = links.count
        summary.escalations = escalations.count
        return summary
    }
}

enum MatterID {
    /// The sequence number of a matter id written by ``format(_:)``.
    static func sequence(_ matter: String) -> Int? {
        guard matter.hasPrefix("M-"), let sequence = Int(matter.dropFirst(2)), sequence > 0 else { return nil }
        return sequence
    }

    static func format(_ sequence: Int) -> String {
        let digits = String(sequence)
        return "M-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
