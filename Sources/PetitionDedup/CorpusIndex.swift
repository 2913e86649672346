import Foundation
import GRDB
import PetitionStore

/// Every petition's profile in memory, with the inverted lists that find a
/// petition's candidates without comparing it to everything: shared identity
/// and entity keys, and shared rare words.
final class CorpusIndex {
    struct Entry {
        let rowID: Int64
        let id: String
        let receivedAt: String
        let level: String?
        let profile: PetitionProfile
        var vector: WordVector
    }

    private(set) var entries: [Entry] = []
    private(set) var statistics = WordStatistics()
    private var postings: [UInt64: [Int32]] = [:]

    /// Lists longer than this say too little to be worth reading (a key shared
    /// by hundreds of petitions, such as a big estate's name).
    static let maximumPosting = 400
    /// Words kept per petition vector: the heaviest ones carry the similarity.
    static let vectorWords = 64
    /// Rare words per petition used as blocking keys.
    static let rareWordKeys = 5

    /// Loads profiles (computing any that are missing) and builds the index.
    init(store: PetitionStore) throws {
        let builder = try ProfileBuilder()
        var loaded: [(Int64, String, String, String?, PetitionProfile)] = []
        var missing: [(Int64, PetitionProfile)] = []
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.rowid, p.id, p.received_at, p.level, pp.profile
                FROM petition p LEFT JOIN petition_profile pp ON pp.petition_rowid = p.rowid
                ORDER BY p.received_at, p.id
                """)
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let rowID: Int64 = row[0]
                let profile: PetitionProfile
                if let data = row[4] as Data? {
                    profile = try decoder.decode(PetitionProfile.self, from: data)
                } else {
                    guard let petition = try PetitionStore.petition(rowID: rowID, in: db) else { continue }
                    profile = builder.profile(of: petition)
                    missing.append((rowID, profile))
                }
                loaded.append((rowID, row[1], row[2], row[3], profile))
            }
        }
        if !missing.isEmpty {
            try store.write { db in
                for (rowID, profile) in missing { try ProfileCodec.save(profile, rowID: rowID, in: db) }
            }
        }
        var frequencies: [UInt32: Int32] = [:]
        for item in loaded {
            for word in item.4.words { frequencies[word, default: 0] += 1 }
        }
        statistics = WordStatistics(documentCount: loaded.count, documentFrequency: frequencies)
        entries.reserveCapacity(loaded.count)
        for item in loaded {
            let vector = statistics.vector(item.4).truncated(to: Self.vectorWords)
            entries.append(Entry(rowID: item.0, id: item.1, receivedAt: item.2, level: item.3, profile: item.4, vector: vector))
        }
        for (index, entry) in entries.enumerated() {
            for key in keys(of: entry.profile, vector: entry.vector) {
                postings[key, default: []].append(Int32(index))
            }
        }
    }

    private func keys(of profile: PetitionProfile, vector: WordVector) -> [UInt64] {
        var keys = profile.blockingKeys.map(Self.hashKey)
        // The rarest words that more than one petition uses.
        keys += rareWords(of: profile, minimumFrequency: 2, limit: Self.rareWordKeys).map(Self.wordKey)
        return keys
    }

    /// Candidates of entry `index`: entries sharing a key, most keys shared first.
    func candidates(of index: Int, limit: Int, where include: (Int) -> Bool) -> [Int] {
        var shared: [Int32: Int] = [:]
        let entry = entries[index]
        for key in keys(of: entry.profile, vector: entry.vector) {
            guard let list = postings[key], list.count <= Self.maximumPosting else { continue }
            for other in list where Int(other) != index && include(Int(other)) {
                shared[other, default: 0] += 1
            }
        }
        return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { Int($0.key) }
    }

    /// The rarest words of a profile among those used at least `minimumFrequency` times.
    func rareWords(of profile: PetitionProfile, minimumFrequency: Int32, limit: Int) -> [UInt32] {
        var candidates: [(word: UInt32, frequency: Int32)] = []
        for word in profile.words {
            let frequency: Int32 = statistics.documentFrequency[word] ?? 0
            if frequency >= minimumFrequency && frequency <= Int32(Self.maximumPosting) {
                candidates.append((word, frequency))
            }
        }
        candidates.sort { (a: (word: UInt32, frequency: Int32), b: (word: UInt32, frequency: Int32)) -> Bool in
            a.frequency != b.frequency ? a.frequency < b.frequency : a.word < b.word
        }
        return candidates.prefix(limit).map(\.word)
    }

    static func wordKey(_ word: UInt32) -> UInt64 { 0x8000_0000_0000_0000 | UInt64(word) }

    func posting(_ key: UInt64) -> [Int32]? { postings[key] }

    static func hashKey(_ key: String) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for byte in key.utf8 { value = (value ^ UInt64(byte)) &* 0x100000001b3 }
        return value & 0x7FFF_FFFF_FFFF_FFFF
    }
}

extension WordVector {
    /// Keeps the heaviest words, renormalized, still sorted by word.
    func truncated(to count: Int) -> WordVector {
        guard words.count > count else { return self }
        let kept = weights.indices.sorted { weights[$0] > weights[$1] }.prefix(count).sorted { words[$0] < words[$1] }
        var norm: Float = 0
        for index in kept { norm += weights[index] * weights[index] }
        norm = norm.squareRoot()
        return WordVector(words: kept.map { words[$0] }, weights: kept.map { weights[$0] / max(norm, 1e-9) })
    }
}
