import Foundation
import GRDB
import PetitionStore

/// The corpus as the nightly job walks it, in the order petitions were
/// received: profiles in memory, and inverted lists that find a petition's
/// candidates without comparing it to everything (shared identity and entity
/// keys, shared rare words).
///
/// The index grows one petition at a time, and everything a decision depends
/// on — word frequencies, which words count as rare, how long a list is — is
/// what the petitions received before it make it. A petition's word vector and
/// rare words are fixed when it is assigned and stored with its assignment.
/// So a decision never depends on petitions received later: one full run
/// equals runs over successive halves, and the intake check sees what the
/// nightly job saw.
final class CorpusIndex {
    final class Entry {
        let rowID: Int64
        let id: String
        let receivedAt: String
        let level: String?
        /// The profile, without its word counts once the entry is indexed (the
        /// vector keeps what scoring needs of them).
        private(set) var profile: PetitionProfile
        let features: MatchFeatures
        /// Fixed when the petition is added to the index.
        var vector: WordVector?
        var rareWords: [UInt32] = []

        init(rowID: Int64, id: String, receivedAt: String, level: String?, profile: PetitionProfile) {
            self.rowID = rowID
            self.id = id
            self.receivedAt = receivedAt
            self.level = level
            self.profile = profile
            features = MatchFeatures(profile)
        }

        func dropWordCounts() {
            profile.words = []
            profile.counts = []
        }
    }

    private(set) var entries: [Entry] = []
    /// Frequencies over the petitions added so far.
    private(set) var statistics = WordStatistics()
    private var postings: [UInt64: [Int32]] = [:]
    private(set) var isIndexed: [Bool] = []

    /// Lists longer than this say too little to be worth reading (a key shared
    /// by hundreds of petitions, such as a big estate's name).
    static let maximumPosting = 400
    /// Words kept per petition vector: the heaviest ones carry the similarity.
    static let vectorWords = 48
    /// Rare words per petition used as blocking keys.
    static let rareWordKeys = 5

    /// Loads every petition in time order with its profile (computing any that
    /// are missing) and, for petitions already assigned, the vector stored then.
    init(store: PetitionStore, keepingAssignments: Bool) throws {
        let builder = try ProfileBuilder()
        var missing: [(Int64, PetitionProfile)] = []
        var stored: [Int: (WordVector, [UInt32])] = [:]
        var assigned: Set<Int> = []
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.rowid, p.id, p.received_at, p.level, pp.profile, pp.vector, a.matter_id IS NOT NULL AS assigned
                FROM petition p LEFT JOIN petition_profile pp ON pp.petition_rowid = p.rowid
                LEFT JOIN assignment a ON a.petition_rowid = p.rowid
                ORDER BY p.received_at, p.id
                """)
            while let row = try rows.next() {
                let rowID: Int64 = row[0]
                let profile: PetitionProfile
                if let data = row[4] as Data?, let decoded = ProfileCodec.decode(data) {
                    profile = decoded
                } else {
                    guard let petition = try PetitionStore.petition(rowID: rowID, in: db) else { continue }
                    profile = builder.profile(of: petition)
                    missing.append((rowID, profile))
                }
                if keepingAssignments, row[6] as Bool {
                    assigned.insert(entries.count)
                    if let data = row[5] as Data?, let decoded = VectorCodec.decode(data) { stored[entries.count] = decoded }
                }
                entries.append(Entry(rowID: rowID, id: row[1], receivedAt: row[2], level: row[3], profile: profile))
            }
        }
        if !missing.isEmpty {
            try store.write { db in
                for (rowID, profile) in missing { try ProfileCodec.save(profile, rowID: rowID, in: db) }
            }
        }
        isIndexed = Array(repeating: false, count: entries.count)
        for offset in entries.indices where assigned.contains(offset) {
            if let (vector, rare) = stored[offset] {
                add(offset, vector: vector, rareWords: rare)
            } else {
                prepare(offset)  // assigned at intake (check --save) without a stored vector
                add(offset)
            }
        }
    }

    /// Fixes the entry's vector and rare words from the frequencies so far.
    func prepare(_ offset: Int) {
        let profile = entries[offset].profile
        entries[offset].vector = statistics.vector(profile).truncated(to: Self.vectorWords)
        entries[offset].rareWords = rareWords(of: profile, minimumFrequency: 1, limit: Self.rareWordKeys)
    }

    /// Adds a prepared entry: its words count from now on and its keys find it.
    func add(_ offset: Int, vector: WordVector? = nil, rareWords: [UInt32]? = nil) {
        if let vector { entries[offset].vector = vector }
        if let rareWords { entries[offset].rareWords = rareWords }
        let entry = entries[offset]
        for word in entry.profile.words { statistics.documentFrequency[word, default: 0] += 1 }
        statistics.documentCount += 1
        for key in keys(of: entry) { postings[key, default: []].append(Int32(offset)) }
        entry.dropWordCounts()
        isIndexed[offset] = true
    }

    private func keys(of entry: Entry) -> [UInt64] {
        entry.profile.blockingKeys.map(Self.hashKey) + entry.rareWords.map(Self.wordKey)
    }

    /// Indexed entries sharing a key with a prepared entry, most keys shared first.
    func candidates(of offset: Int, limit: Int) -> [Int] {
        var shared: [Int32: Int] = [:]
        for key in keys(of: entries[offset]) {
            guard let list = postings[key], list.count <= Self.maximumPosting else { continue }
            for other in list where Int(other) != offset { shared[other, default: 0] += 1 }
        }
        // Most keys shared first; ties by index, so the choice never depends on hashing.
        guard shared.count > limit else { return shared.keys.map(Int.init).sorted() }
        return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { Int($0.key) }.sorted()
    }

    /// The rarest words of a profile among those seen at least `minimumFrequency` times.
    func rareWords(of profile: PetitionProfile, minimumFrequency: Int32, limit: Int) -> [UInt32] {
        // The `limit` smallest (frequency, word) pairs, kept sorted as they come.
        var rarest: [(frequency: Int32, word: UInt32)] = []
        rarest.reserveCapacity(limit + 1)
        for word in profile.words {
            let frequency: Int32 = statistics.documentFrequency[word] ?? 0
            guard frequency >= minimumFrequency && frequency <= Int32(Self.maximumPosting) else { continue }
            if rarest.count == limit, let last = rarest.last, (frequency, word) >= (last.frequency, last.word) { continue }
            let position = rarest.firstIndex { (frequency, word) < ($0.frequency, $0.word) } ?? rarest.count
            rarest.insert((frequency, word), at: position)
            if rarest.count > limit { rarest.removeLast() }
        }
        return rarest.map(\.word)
    }

    static func wordKey(_ word: UInt32) -> UInt64 { 0x8000_0000_0000_0000 | UInt64(word) }

    func posting(_ key: UInt64) -> [Int32]? { postings[key] }

    /// Blocking keys use the lower 63 bits; word keys set the top bit (``wordKey(_:)``).
    static func hashKey(_ key: String) -> UInt64 {
        MatchFeatures.hash(key) & 0x7FFF_FFFF_FFFF_FFFF
    }
}

/// A word vector and rare words as stored with an assignment: little-endian
/// word count, then (word, weight) pairs, then the rare words.
enum VectorCodec {
    static func encode(_ vector: WordVector, rareWords: [UInt32]) -> Data {
        var data = Data(capacity: 8 + vector.words.count * 8 + rareWords.count * 4)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append(UInt32(vector.words.count))
        for (word, weight) in zip(vector.words, vector.weights) {
            append(word)
            append(weight.bitPattern)
        }
        append(UInt32(rareWords.count))
        rareWords.forEach(append)
        return data
    }

    static func decode(_ data: Data) -> (WordVector, [UInt32])? {
        let bytes = [UInt8](data)
        var position = 0
        func read() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            defer { position += 4 }
            return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                | UInt32(bytes[position + 3]) << 24
        }
        guard let count = read() else { return nil }
        var words: [UInt32] = [], weights: [Float] = []
        for _ in 0..<count {
            guard let word = read(), let weight = read() else { return nil }
            words.append(word)
            weights.append(Float(bitPattern: weight))
        }
        guard let rareCount = read() else { return nil }
        var rare: [UInt32] = []
        for _ in 0..<rareCount {
            guard let word = read() else { return nil }
            rare.append(word)
        }
        return (WordVector(words: words, weights: weights), rare)
    }
}

extension WordVector {
    /// Keeps the heaviest words, renormalized, still sorted by word.
    func truncated(to count: Int) -> WordVector {
        guard words.count > count else { return self }
        let kept = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : words[$0] < words[$1] }
            .prefix(count).sorted { words[$0] < words[$1] }
        var norm: Float = 0
        for index in kept { norm += weights[index] * weights[index] }
        norm = norm.squareRoot()
        return WordVector(words: kept.map { words[$0] }, weights: kept.map { weights[$0] / max(norm, 1e-9) })
    }
}
