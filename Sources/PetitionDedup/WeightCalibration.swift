import Foundation
import PetitionModel

/// Estimates the match weights of a store (``WeightEstimator``) and keeps the
/// current set in it, so that every run and every intake check scores with
/// the same weights until the next estimation.
///
/// Pairs are drawn without the nightly job's index, so that weights can be
/// estimated before a run assigns anything: candidate pairs are petitions
/// sharing a blocking key (an ID number, phone, account, place or room of one
/// region) among an even sample of petitions, random pairs are drawn with a
/// fixed seed, and word frequencies come from the petitions drawn.
public struct WeightCalibration {
    public let store: any PetitionStorage
    /// Petitions whose blocking-key partners become candidate pairs.
    public var sampledPetitions = 20_000
    /// Keys shared by more petitions than this are not sampled. Smaller than
    /// ``CandidateLimits/commonKey`` on purpose: estimation wants pairs that a
    /// key makes likely to match, not every pair the job would score, and a
    /// key of 400 petitions would give 80,000 pairs of mostly strangers.
    public var maximumKeyList = 50
    public var maximumCandidatePairs = 200_000
    public var randomPairs = 50_000
    public var estimator = WeightEstimator()

    public init(store: any PetitionStorage) {
        self.store = store
    }

    /// Estimates weights starting from `start`; `source` names them (the run that estimated them).
    public func estimate(from start: MatchWeights = .handSet, source: String) throws -> MatchWeights {
        let (candidates, random) = try samplePairs()
        var rows = Set<Int64>()
        for (a, b) in candidates + random {
            rows.insert(a)
            rows.insert(b)
        }
        let profiles = try loadProfiles(Array(rows))
        var statistics = WordStatistics()
        for profile in profiles.values {
            for word in profile.words { statistics.count(word) }
            statistics.documentCount += 1
        }
        var features: [Int64: MatchFeatures] = [:], vectors: [Int64: WordVector] = [:]
        for (row, profile) in profiles {
            features[row] = MatchFeatures(profile)
            vectors[row] = statistics.vector(profile).truncated(to: CorpusIndex.vectorWords)
        }
        let scorer = MatchScorer(weights: start)
        func levels(_ pairs: [(Int64, Int64)]) -> [WeightEstimator.Levels] {
            pairs.compactMap { a, b in
                guard let x = features[a], let y = features[b], let v = vectors[a], let w = vectors[b] else { return nil }
                var found = scorer.compare(x, y)
                found[.text] = TextSimilarityLevels.level(v.cosine(w))
                return found.levels
            }
        }
        return estimator.estimate(candidates: levels(candidates), random: levels(random), from: start, source: source)
    }

    /// Candidate pairs (sharing a blocking key) and random pairs, as row ids.
    func samplePairs() throws -> (candidates: [(Int64, Int64)], random: [(Int64, Int64)]) {
        let rows = try store.profiledRowIDs()
        guard rows.count >= 2 else { return ([], []) }
        let step = max(1, rows.count / sampledPetitions)
        var candidates = Set<[Int64]>()
        sampling: for position in stride(from: 0, to: rows.count, by: step) {
            let row = rows[position]
            for key in try store.keys(of: row) {
                let list = try store.rowIDs(filedUnder: key, limit: maximumKeyList + 1)
                guard list.count <= maximumKeyList else { continue }
                for other in list where other != row {
                    candidates.insert([min(row, other), max(row, other)])
                    if candidates.count >= maximumCandidatePairs { break sampling }
                }
            }
        }
        var generator = SplitMix64(seed: 0x5EED)
        var random: [(Int64, Int64)] = []
        while random.count < min(randomPairs, rows.count * (rows.count - 1) / 2) {
            let a = rows[Int(generator.next() % UInt64(rows.count))]
            let b = rows[Int(generator.next() % UInt64(rows.count))]
            if a != b { random.append((a, b)) }
        }
        return (candidates.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }, random)
    }

    private func loadProfiles(_ rows: [Int64]) throws -> [Int64: PetitionProfile] {
        var profiles: [Int64: PetitionProfile] = [:]
        for start in stride(from: 0, to: rows.count, by: 1000) {
            for (row, stored) in try store.storedProfiles(of: Array(rows[start..<min(start + 1000, rows.count)])) {
                if let profile = ProfileCodec.decode(stored.profile) { profiles[row] = profile }
            }
        }
        return profiles
    }

    /// The weights every run and check uses: the last estimated or chosen, else the hand-set ones.
    public static func current(in store: any PetitionStorage) throws -> MatchWeights? {
        guard let text = try store.matchWeights() else { return nil }
        return try? JSONDecoder().decode(MatchWeights.self, from: Data(text.utf8))
    }

    public static func save(_ weights: MatchWeights, runID: Int64?, in store: any PetitionStorage) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try store.saveMatchWeights(String(decoding: try encoder.encode(weights), as: UTF8.self), runID: runID)
    }
}

