import Foundation
import PetitionModel

/// The pairs an official's judgment would teach the scorer most: those lying
/// nearest the gates that decide one matter (the smallest ``PairScore/margin``),
/// where the scorer is least sure (uncertainty sampling, as the dedupe library
/// asks its user). Each of the most recent petitions is scored against its
/// candidates as the intake check scores it; a petition gives at most one pair
/// on each side of the gates, so that one account's twenty messages do not
/// fill the queue, and a pair
/// already labelled (skipped included) is not asked again.
public struct LabelQueue {
    public let store: any PetitionStorage
    /// The most recent petitions whose candidates are scored: about 6 ms
    /// each, so the default takes some seconds on two cores.
    public var recentPetitions = 2_000

    public init(store: any PetitionStorage) {
        self.store = store
    }

    public func pairs(limit: Int, shouldStop: () -> Bool = { false }) throws -> [QueuedPair] {
        let checker = try IntakeChecker(store: store)
        let labelled = Set(try store.pairLabels().map { [$0.first, $0.second] })
        let rows = try store.profiledRowIDs().suffix(recentPetitions)
        // Each side of the gates is asked about alike: joins just past them
        // (is one wrong?) and pairs just short (is one a repeat?), so that the
        // labels can move a gate either way.
        var joined: [String: QueuedPair] = [:], apart: [String: QueuedPair] = [:]
        for row in rows.reversed() {
            if shouldStop() { break }
            guard let petition = try store.petition(rowID: row) else { continue }
            let scored = try checker.scoredCandidates(of: petition)
                .filter { !labelled.contains([min(petition.id, $0.candidate.id), max(petition.id, $0.candidate.id)]) }
            for side in [true, false] {
                guard let best = scored.filter({ ($0.score.margin >= 0) == side })
                    .min(by: { abs($0.score.margin) < abs($1.score.margin) }) else { continue }
                let key = min(petition.id, best.candidate.id) + "\u{1F}" + max(petition.id, best.candidate.id)
                let pair = QueuedPair(a: best.candidate.id, b: petition.id, probability: best.score.probability,
                                      margin: best.score.margin, relation: best.score.relation, reasons: [])
                if side { joined[key] = joined[key] ?? pair } else { apart[key] = apart[key] ?? pair }
            }
        }
        func nearestFirst(_ pairs: [String: QueuedPair]) -> [QueuedPair] {
            pairs.values.sorted {
                let (x, y) = (abs($0.margin), abs($1.margin))
                return x != y ? x < y : ($0.a, $0.b) < ($1.a, $1.b)
            }
        }
        var chosen: [QueuedPair] = []
        var seen = Set<String>()
        var sides = (nearestFirst(joined)[...], nearestFirst(apart)[...])
        while chosen.count < limit, !(sides.0.isEmpty && sides.1.isEmpty) {
            for pair in [sides.0.popFirst(), sides.1.popFirst()].compactMap({ $0 }) where chosen.count < limit {
                if seen.insert(min(pair.a, pair.b) + "\u{1F}" + max(pair.a, pair.b)).inserted { chosen.append(pair) }
            }
        }
        // Reasons only for the pairs shown: explaining names what the two share.
        return try chosen.map { pair in
            var explained = pair
            explained.reasons = try PairExplanation.explain(pair.a, pair.b, in: store)?.score.reasons ?? []
            return explained
        }
    }
}
