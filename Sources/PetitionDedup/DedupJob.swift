import Foundation
import PetitionModel
import PetitionText

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
    /// Its raw value is how the command line and the service name it (`--weights`, `weights=`).
    public enum WeightChoice: String, Sendable, CaseIterable {
        /// Estimated from the store's petitions before the run (``WeightCalibration``) and kept for later runs.
        case estimate
        /// The weights kept by the last estimation, else the hand-set ones.
        case stored
        /// The hand-set weights, kept for later runs.
        case handSet = "hand-set"
        /// The stored weights with a decision refitted on the officials'
        /// labelled pairs (``LabelLearner``), kept for later runs.
        case learn
    }

    public let store: any PetitionStorage
    public var scorer = MatchScorer()
    /// Every run scores with the stored weights (the hand-set ones until some
    /// are estimated or chosen), so that an incremental run scores new
    /// petitions as the full run scored the old. Estimation is asked for: on
    /// the real judged pairs and on the synthetic corpora the estimated
    /// weights still do worse than the hand-set ones (docs/DETECTION.md).
    public var weightChoice: WeightChoice = .stored
    public var batchSize = 2000
    /// Candidates scored per petition at most (``CandidateLimits/perPetitionInRun``).
    public var candidateLimit = CandidateLimits.perPetitionInRun
    /// Above any cosine of two stored vectors (unit length before their
    /// weights were rounded to 16 bits).
    static let similarityBound: Float = 1.01

    public init(store: any PetitionStorage) {
        self.store = store
    }

    /// Runs the job under the store's job lock: one run per store at a time,
    /// while clerks' checks and saves go on.
    public func run(full: Bool, progress: (Int, Int) -> Void = { _, _ in },
                    shouldStop: () -> Bool = { false }) throws -> DedupSummary {
        let lock = try store.acquireJobLock()
        defer { lock.release() }
        let started = Date()
        var summary = DedupSummary()
        summary.full = full
        summary.runID = try store.beginRun(full: full)
        var phaseStarted = started
        func finishPhase(_ name: String) {
            let now = Date()
            summary.phases.append(DedupSummary.Phase(name: name, seconds: now.timeIntervalSince(phaseStarted)))
            phaseStarted = now
        }
        switch weightChoice {
        case .estimate:
            scorer.weights = try WeightCalibration(store: store).estimate(source: "estimated by run \(summary.runID)")
            try WeightCalibration.save(scorer.weights, runID: summary.runID, in: store)
        case .stored:
            scorer.weights = try WeightCalibration.current(in: store) ?? .handSet
        case .handSet:
            scorer.weights = .handSet
            try WeightCalibration.save(scorer.weights, runID: summary.runID, in: store)
        case .learn:
            scorer.weights = try LabelLearner(store: store).learn(from: WeightCalibration.current(in: store) ?? .handSet)
            try WeightCalibration.save(scorer.weights, runID: summary.runID, in: store)
        }
        summary.weights = scorer.weights
        finishPhase("weights")
        let index = try CorpusIndex(store: store, keepingAssignments: !full)
        finishPhase("index")

        // Matter of each entry, from earlier runs.
        var matterOf = [String](repeating: "", count: index.entries.count)
        let assigned = try store.assignments()
        for (offset, entry) in index.entries.enumerated() {
            if let matter = assigned[entry.rowID] { matterOf[offset] = matter }
        }
        // The numbers this run proposes for the matters it opens; the store
        // settles them as each batch is written (``MatterRepository/commit(_:runID:)``).
        var nextSequence = try store.lastMatterSequence() + 1
        let pending = index.entries.indices.filter { matterOf[$0].isEmpty }
        summary.previouslyAssigned = index.entries.count - pending.count
        var batch = AssignmentBatch()
        var batchOffsets: [Int] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let moved = try store.commit(batch, runID: summary.runID)
            if !moved.isEmpty {
                for offset in batchOffsets { if let matter = moved[matterOf[offset]] { matterOf[offset] = matter } }
                nextSequence = (moved.values.compactMap(MatterID.sequence).max() ?? 0) + 1
            }
            batch = AssignmentBatch()
            batchOffsets.removeAll()
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
                batch.assignments.append(.init(rowID: entry.rowID, matterID: best.matter, score: best.score.probability,
                                               repeatOf: index.entries[best.other].id, vector: stored, indexRecord: record))
                summary.repeats += 1
            } else {
                let matter = MatterID.format(nextSequence)
                batch.newMatters.append(matter)
                nextSequence += 1
                matterOf[offset] = matter
                batch.assignments.append(.init(rowID: entry.rowID, matterID: matter, score: nil, repeatOf: nil,
                                               vector: stored, indexRecord: record))
                summary.newMatters += 1
            }
            batchOffsets.append(offset)
            index.add(offset, profile: profile, keys: prepared.keys)
            summary.scored += 1
            done += 1
            if batch.assignments.count >= batchSize {
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
        var derived = DerivedTables()
        for group in classes.groups {
            derived.classCases[group.classID] = .init(place: group.place, concept: group.concept, matters: group.matters.count)
        }
        derived.classOfMatter = classes.classOfMatter
        derived.backlogCaseOfMatter = links
        for escalation in escalations {
            derived.escalations[escalation.rowID] = .init(earlierID: escalation.earlierID, fromLevel: escalation.fromLevel,
                                                          toLevel: escalation.toLevel, skippedLevels: escalation.skippedLevels)
        }
        summary.seconds = Date().timeIntervalSince(started)
        summary.matters = try store.finish(FinishedRun(
            runID: summary.runID, scored: summary.scored, newMatters: summary.newMatters, repeats: summary.repeats,
            derived: derived, statistics: IndexState.encode(index.statistics), adoptedRowIDs: index.adoptedRowIDs))
        finishPhase("write")
        summary.classes = classes.groups.count
        summary.backlogLinks = links.count
        summary.escalations = escalations.count
        return summary
    }
}
