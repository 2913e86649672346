import Foundation
import GRDB
import PetitionStore

/// The corpus as the nightly job walks it, in the order petitions were
/// received: what scoring needs of each petition, and inverted lists that find
/// a petition's candidates without comparing it to everything (shared identity
/// and entity keys, shared rare words).
///
/// The index grows one petition at a time, and everything a decision depends
/// on — word frequencies, which words count as rare, how long a list is — is
/// what the petitions received before it make it. A petition's word vector and
/// rare words are fixed when it is assigned and stored with its assignment.
/// So a decision never depends on petitions received later: one full run
/// equals runs over successive halves, and the intake check sees what the
/// nightly job saw.
///
/// Profiles are not held: they are read from the store a chunk at a time as
/// the job reaches them, and each entry keeps only its compact features, its
/// vector and what grouping needs. That keeps a run of a million petitions
/// within a gigabyte, where holding every profile took about three.
final class CorpusIndex {
    /// What the job keeps of one petition once its profile is gone.
    struct Entry {
        let rowID: Int64
        let id: String
        /// Index into ``Petition/levels``, or -1 when the level is unknown.
        var levelRank: Int8 = -1
        /// Hashes of the petition's class signatures (``MatterGrouping/classSignatures(of:)``).
        var classSignatures: [UInt64] = []
    }

    private(set) var entries: [Entry] = []
    /// Frequencies over the petitions added so far.
    private(set) var statistics = WordStatistics()
    /// Each entry's features, set when its profile is first read; apart from
    /// the entries so that the scoring loop copies no entry.
    private(set) var features: [MatchFeatures?] = []
    private var postings = PostingLists()
    /// Per entry, how many keys it shares with the petition being scored (``candidates(of:keys:limit:)``).
    private var sharedKeys: [UInt16] = []
    private let vectors = VectorArena()
    private(set) var isIndexed: [Bool] = []
    /// The text of each class signature hash the entries hold.
    private(set) var signatureText: [UInt64: String] = [:]
    private let store: PetitionStore
    private let builder: ProfileBuilder

    /// Lists longer than this say too little to be worth reading (a key shared
    /// by hundreds of petitions, such as a big estate's name).
    static let maximumPosting = 400
    /// Words kept per petition vector: the heaviest ones carry the similarity.
    static let vectorWords = 48
    /// Rare words per petition used as blocking keys.
    static let rareWordKeys = 5
    /// Profiles read from the store per query.
    static let profileChunk = 1000

    /// Lists every petition in time order and indexes those already assigned
    /// (all but the new ones when `keepingAssignments`), with the vectors
    /// stored when they were assigned: from their stored records when the
    /// last run's state still holds, else from their profiles.
    init(store: PetitionStore, keepingAssignments: Bool) throws {
        self.store = store
        builder = try ProfileBuilder()
        var assigned: [Int] = []
        var state: IndexState?
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.rowid, p.id, a.matter_id IS NOT NULL AS assigned
                FROM petition p LEFT JOIN assignment a ON a.petition_rowid = p.rowid
                ORDER BY p.received_at, p.id
                """)
            while let row = try rows.next() {
                if keepingAssignments, row[2] as Bool { assigned.append(entries.count) }
                entries.append(Entry(rowID: row[0], id: row[1]))
            }
            if keepingAssignments { state = try IndexState.current(in: db) }
        }
        reset()
        if let state, try restoreRecords(of: assigned, statistics: state.statistics) { return }
        reset()
        var unrecorded: [(rowID: Int64, record: Data)] = []
        try forEachProfile(of: assigned) { offset, profile, storedVector, hasRecord in
            let keys: [UInt64]
            if let (vector, rare) = storedVector {
                keys = restore(offset, profile: profile, vector: vector, rareWords: rare)
            } else {
                // Assigned at intake (check --save) without a stored vector.
                keys = prepare(offset, profile: profile).keys
                add(offset, profile: profile, keys: keys)
            }
            if !hasRecord { unrecorded.append((entries[offset].rowID, record(of: offset, keys: keys).encoded())) }
            return true
        }
        // Records for petitions assigned before they were kept (an older store),
        // so that the next incremental run can start from them.
        if !unrecorded.isEmpty {
            try store.write { db in
                for (rowID, record) in unrecorded {
                    try db.cachedStatement(sql: "UPDATE petition_profile SET indexed = ? WHERE petition_rowid = ?")
                        .execute(arguments: [record, rowID])
                }
            }
        }
    }

    /// Empties the index over the listed entries.
    private func reset() {
        statistics = WordStatistics()
        postings = PostingLists()
        signatureText = [:]
        isIndexed = Array(repeating: false, count: entries.count)
        features = Array(repeating: nil, count: entries.count)
        vectors.reserve(entries: entries.count)
    }

    /// Indexes assigned entries from their stored records and vectors, with
    /// the word frequencies saved when the last run ended. False if a record
    /// is missing or cannot be read: the caller then reads the profiles.
    ///
    /// One pass over the table in storage order, not lookups in time order:
    /// what an entry contributes (features, vector, postings) does not depend
    /// on the order entries are restored in.
    private func restoreRecords(of offsets: [Int], statistics saved: WordStatistics) throws -> Bool {
        let maximumRowID = entries.map(\.rowID).max() ?? 0
        var offsetOfRow = [Int32](repeating: -1, count: Int(maximumRowID) + 1)
        for offset in offsets { offsetOfRow[Int(entries[offset].rowID)] = Int32(offset) }
        var restored = 0
        let complete = try store.read { db -> Bool in
            let rows = try Row.fetchCursor(db, sql: "SELECT petition_rowid, indexed, vector FROM petition_profile")
            while let row = try rows.next() {
                let rowID: Int64 = row[0]
                guard rowID >= 0, rowID <= maximumRowID, offsetOfRow[Int(rowID)] >= 0 else { continue }
                let offset = Int(offsetOfRow[Int(rowID)])
                guard let record = try row.withUnsafeData(atIndex: 1, { $0.flatMap(IndexRecord.init(decoding:)) }),
                      let vector = try row.withUnsafeData(atIndex: 2, { $0.flatMap(VectorCodec.decode) }),
                      let features = MatchFeatures(stored: record.scalars, lists: record.lists) else { return false }
                self.features[offset] = features
                entries[offset].levelRank = record.levelRank
                entries[offset].classSignatures = record.classSignatures.map(signatureHash)
                vectors.set(offset, vector.0.truncated(to: Self.vectorWords))
                file(offset, under: record.keys)
                restored += 1
            }
            return true
        }
        guard complete, restored == offsets.count else { return false }
        statistics = saved
        return true
    }

    /// What is stored with an entry's assignment (``IndexRecord``).
    func record(of offset: Int, keys: [UInt64]) -> IndexRecord {
        let stored = features[offset]!.stored
        return IndexRecord(scalars: stored.scalars, lists: stored.lists, keys: keys, levelRank: entries[offset].levelRank,
                           classSignatures: entries[offset].classSignatures.map { signatureText[$0]! })
    }

    /// Calls `body` with the profile of each entry, in the order given, reading
    /// them a chunk at a time, until it returns false; a profile missing or
    /// unreadable in the store is computed from its petition and stored. Also
    /// gives the vector stored with the assignment and whether its record is stored.
    func forEachProfile(of offsets: [Int],
                        _ body: (Int, PetitionProfile, (WordVector, [UInt32])?, Bool) throws -> Bool) throws {
        var start = 0
        while start < offsets.count {
            let chunk = offsets[start..<min(start + Self.profileChunk, offsets.count)]
            start = chunk.endIndex
            var loaded: [Int64: (PetitionProfile, (WordVector, [UInt32])?, Bool)] = [:]
            var missing: [(Int64, PetitionProfile)] = []
            try store.read { db in
                let rowIDs = chunk.map { entries[$0].rowID }
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT petition_rowid, profile, vector, indexed IS NOT NULL FROM petition_profile
                    WHERE petition_rowid IN (\(rowIDs.map(String.init).joined(separator: ",")))
                    """)
                while let row = try rows.next() {
                    guard let data = row[1] as Data?, let profile = ProfileCodec.decode(data) else { continue }
                    loaded[row[0]] = (profile, (row[2] as Data?).flatMap(VectorCodec.decode), row[3])
                }
                for rowID in rowIDs where loaded[rowID] == nil {
                    guard let petition = try PetitionStore.petition(rowID: rowID, in: db) else { continue }
                    let profile = builder.profile(of: petition)
                    missing.append((rowID, profile))
                    loaded[rowID] = (profile, nil, false)
                }
            }
            if !missing.isEmpty {
                try store.write { db in
                    for (rowID, profile) in missing { try ProfileCodec.save(profile, rowID: rowID, in: db) }
                }
            }
            for offset in chunk {
                guard let (profile, vector, hasRecord) = loaded[entries[offset].rowID] else { continue }
                guard try body(offset, profile, vector, hasRecord) else { return }
            }
        }
    }

    /// What ``prepare(_:profile:)`` fixed for a petition: stored with its assignment.
    struct Prepared {
        let vector: WordVector
        let rareWords: [UInt32]
        /// The keys that find its candidates and, once it is added, find it.
        let keys: [UInt64]
    }

    /// Fixes the entry's vector, rare words and features from its profile and
    /// the frequencies so far.
    func prepare(_ offset: Int, profile: PetitionProfile) -> Prepared {
        describe(offset, profile: profile)
        let vector = statistics.vector(profile).truncated(to: Self.vectorWords)
        vectors.set(offset, vector)
        let rare = rareWords(of: profile, minimumFrequency: 1, limit: Self.rareWordKeys)
        return Prepared(vector: vector, rareWords: rare, keys: keys(of: profile, rareWords: rare))
    }

    /// Cosine similarity of two prepared entries.
    func similarity(_ a: Int, _ b: Int) -> Float {
        vectors.cosine(a, b)
    }

    /// Cosine similarity of a vector from outside the corpus and a prepared entry.
    func similarity(_ vector: WordVector, _ offset: Int) -> Float {
        vectors.cosine(vector, offset)
    }

    /// Adds a prepared entry: its words count from now on and its keys find it.
    func add(_ offset: Int, profile: PetitionProfile, keys: [UInt64]) {
        for word in profile.words { statistics.count(word) }
        statistics.documentCount += 1
        file(offset, under: keys)
    }

    /// From now on the entry's keys find it.
    private func file(_ offset: Int, under keys: [UInt64]) {
        for key in keys { postings.append(Int32(offset), to: key, keepingAtMost: Self.maximumPosting) }
        isIndexed[offset] = true
    }

    /// Adds an entry assigned by an earlier run with the vector and rare words
    /// fixed then; returns its keys.
    private func restore(_ offset: Int, profile: PetitionProfile, vector: WordVector, rareWords: [UInt32]) -> [UInt64] {
        describe(offset, profile: profile)
        vectors.set(offset, vector.truncated(to: Self.vectorWords))
        let keys = keys(of: profile, rareWords: rareWords)
        add(offset, profile: profile, keys: keys)
        return keys
    }

    /// Keeps what scoring and grouping need of the profile.
    private func describe(_ offset: Int, profile: PetitionProfile) {
        features[offset] = MatchFeatures(profile)
        entries[offset].levelRank = Int8(profile.levelRank ?? -1)
        entries[offset].classSignatures = MatterGrouping.classSignatures(of: profile).map(signatureHash)
    }

    private func signatureHash(_ signature: String) -> UInt64 {
        let hash = MatchFeatures.hash(signature)
        if signatureText[hash] == nil { signatureText[hash] = signature }
        return hash
    }

    private func keys(of profile: PetitionProfile, rareWords: [UInt32]) -> [UInt64] {
        profile.blockingKeys.map(Self.hashKey) + rareWords.map(Self.wordKey)
    }

    /// Indexed entries sharing one of `keys`, most keys shared first.
    func candidates(of offset: Int, keys: [UInt64], limit: Int) -> [Int] {
        // Counted in an array over all entries rather than a dictionary: no
        // hashing, and only the touched counters are reset afterwards.
        if sharedKeys.count < entries.count { sharedKeys = Array(repeating: 0, count: entries.count) }
        var touched: [Int32] = []
        for key in keys {
            postings.forEach(in: key, ifAtMost: Self.maximumPosting) { other in
                guard Int(other) != offset else { return }
                if sharedKeys[Int(other)] == 0 { touched.append(other) }
                sharedKeys[Int(other)] &+= 1
            }
        }
        defer { for other in touched { sharedKeys[Int(other)] = 0 } }
        // Most keys shared first; ties by index, so the choice never depends on hashing.
        guard touched.count > limit else { return touched.map(Int.init).sorted() }
        return touched.sorted { a, b in
            let x = sharedKeys[Int(a)], y = sharedKeys[Int(b)]
            return x != y ? x > y : a < b
        }.prefix(limit).map(Int.init).sorted()
    }

    /// Indexed entries sharing any blocking key or rare word with a profile from outside the corpus.
    func entries(sharingKeysWith profile: PetitionProfile) -> [Int] {
        var keys = profile.blockingKeys.map(Self.hashKey)
        keys += rareWords(of: profile, minimumFrequency: 1, limit: Self.rareWordKeys * 2).map(Self.wordKey)
        var found = Set<Int32>()
        for key in keys {
            postings.forEach(in: key, ifAtMost: Self.maximumPosting) { found.insert($0) }
        }
        return found.map(Int.init).sorted()
    }

    /// The rarest words of a profile among those seen at least `minimumFrequency` times.
    func rareWords(of profile: PetitionProfile, minimumFrequency: Int32, limit: Int) -> [UInt32] {
        // The `limit` smallest (frequency, word) pairs, kept sorted as they come.
        var rarest: [(frequency: Int32, word: UInt32)] = []
        rarest.reserveCapacity(limit + 1)
        for word in profile.words {
            let frequency = statistics.frequency(word)
            guard frequency >= minimumFrequency && frequency <= Int32(Self.maximumPosting) else { continue }
            if rarest.count == limit, let last = rarest.last, (frequency, word) >= (last.frequency, last.word) { continue }
            let position = rarest.firstIndex { (frequency, word) < ($0.frequency, $0.word) } ?? rarest.count
            rarest.insert((frequency, word), at: position)
            if rarest.count > limit { rarest.removeLast() }
        }
        return rarest.map(\.word)
    }

    static func wordKey(_ word: UInt32) -> UInt64 { 0x8000_0000_0000_0000 | UInt64(word) }

    /// Blocking keys use the lower 63 bits; word keys set the top bit (``wordKey(_:)``).
    static func hashKey(_ key: String) -> UInt64 {
        MatchFeatures.hash(key) & 0x7FFF_FFFF_FFFF_FFFF
    }
}

/// Inverted lists of entry offsets under 64-bit keys, each a chain of nodes in
/// two flat arrays, newest first. A dictionary of arrays spent about a
/// kilobyte per petition on array headers and spare capacity; this spends
/// eight bytes per posting and about twenty per key. A list past its cap keeps
/// counting but stores nothing more: it will never be read again.
struct PostingLists {
    /// Key → number of postings appended (upper half) and first node + 1 (lower half).
    private var heads = KeyTable()
    private var nextNode: [Int32] = []
    private var values: [Int32] = []

    mutating func append(_ value: Int32, to key: UInt64, keepingAtMost cap: Int) {
        heads.update(key) { head in
            let count = head >> 32
            guard count < UInt64(cap) else {
                head = (count + 1) << 32 | (head & 0xFFFF_FFFF)
                return
            }
            nextNode.append(Int32(truncatingIfNeeded: Int64(head & 0xFFFF_FFFF)) - 1)
            values.append(value)
            head = (count + 1) << 32 | UInt64(values.count)
        }
    }

    /// Calls `body` with each posting of `key`, unless it has more than `limit`.
    func forEach(in key: UInt64, ifAtMost limit: Int, _ body: (Int32) -> Void) {
        let head = heads[key]
        guard head != 0, head >> 32 <= UInt64(limit) else { return }
        var node = Int(head & 0xFFFF_FFFF) - 1
        while node >= 0 {
            body(values[node])
            node = Int(nextNode[node])
        }
    }
}

/// A map from 64-bit keys to nonzero 64-bit values by open addressing. The
/// keys are hashes already, so a multiply mixes them enough; Dictionary's
/// seeded SipHash was a tenth of the nightly job's time at a million petitions.
struct KeyTable {
    private var keys: [UInt64] = Array(repeating: 0, count: 1024)
    private var values: [UInt64] = Array(repeating: 0, count: 1024)
    private var count = 0
    /// The value of key 0, which marks empty slots in `keys`.
    private var zeroKeyValue: UInt64 = 0

    /// The key's value, 0 when absent.
    subscript(key: UInt64) -> UInt64 {
        guard key != 0 else { return zeroKeyValue }
        var slot = Self.slot(key, mask: keys.count - 1)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Changes the key's value (0 when absent) in place.
    mutating func update(_ key: UInt64, _ change: (inout UInt64) -> Void) {
        guard key != 0 else { return change(&zeroKeyValue) }
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != key && keys[slot] != 0 { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            count += 1
        }
        change(&values[slot])
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Self.slot(key, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
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
    /// Weights are kept as multiples of 1/65535: the nightly job holds a
    /// million vectors as 16-bit weights, and the same value comes back from
    /// the store, so a resumed run scores exactly as a full one.
    static let weightScale: Float = 65535

    /// Keeps the heaviest words, renormalized and quantized, still sorted by word.
    func truncated(to count: Int) -> WordVector {
        let kept = words.count <= count ? Array(words.indices)
            : weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : words[$0] < words[$1] }
                .prefix(count).sorted { words[$0] < words[$1] }
        var norm: Float = 0
        for index in kept { norm += weights[index] * weights[index] }
        norm = max(norm.squareRoot(), 1e-9)
        return WordVector(words: kept.map { words[$0] }, weights: kept.map { index in
            (min(weights[index] / norm, 1) * Self.weightScale).rounded() / Self.weightScale
        })
    }
}

/// Every entry's vector in two flat arrays: words and 16-bit weights. Two
/// arrays per petition cost about 480 bytes in headers and rounding; this
/// costs 6 bytes per word.
final class VectorArena {
    private var words: [UInt32] = []
    private var weights: [UInt16] = []
    /// Where each entry's vector starts and how many words it has.
    private var starts: [UInt32] = []
    private var counts: [UInt8] = []

    func reserve(entries: Int) {
        starts = Array(repeating: 0, count: entries)
        counts = Array(repeating: 0, count: entries)
    }

    /// Stores an entry's vector of ``WordVector/truncated(to:)`` (at most 255 words, quantized weights).
    func set(_ entry: Int, _ vector: WordVector) {
        let count = min(vector.words.count, Int(UInt8.max))
        starts[entry] = UInt32(words.count)
        counts[entry] = UInt8(count)
        words += vector.words.prefix(count)
        weights += vector.weights.prefix(count).map { UInt16(($0 * WordVector.weightScale).rounded()) }
    }

    /// The dot product of two stored vectors, in integers: exact, so no
    /// order of summation can change a decision.
    func cosine(_ a: Int, _ b: Int) -> Float {
        var i = Int(starts[a]), j = Int(starts[b])
        let endA = i + Int(counts[a]), endB = j + Int(counts[b])
        var sum: UInt64 = 0
        words.withUnsafeBufferPointer { words in
            weights.withUnsafeBufferPointer { weights in
                while i < endA && j < endB {
                    let x = words[i], y = words[j]
                    if x == y {
                        sum += UInt64(weights[i]) * UInt64(weights[j])
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        return Float(Double(sum) / Double(WordVector.weightScale * WordVector.weightScale))
    }

    /// The dot product of a vector from outside the corpus and a stored one.
    func cosine(_ vector: WordVector, _ entry: Int) -> Float {
        var i = 0, j = Int(starts[entry])
        let end = j + Int(counts[entry])
        var sum: Float = 0
        while i < vector.words.count && j < end {
            let x = vector.words[i], y = words[j]
            if x == y {
                sum += vector.weights[i] * Float(weights[j]) / WordVector.weightScale
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
