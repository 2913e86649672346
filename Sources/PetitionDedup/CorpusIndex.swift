import Foundation
import PetitionModel

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
    private let store: any PetitionStorage
    private let builder: ProfileBuilder

    /// Lists longer than this say too little to be worth reading (``CandidateLimits/commonKey``).
    static let maximumPosting = CandidateLimits.commonKey
    /// Words kept per petition vector: the heaviest ones carry the similarity.
    static let vectorWords = 48
    /// Rare words per petition used as blocking keys (``CandidateLimits/rareWordKeysInRun``).
    static let rareWordKeys = CandidateLimits.rareWordKeysInRun
    /// Profiles read from the store per query.
    static let profileChunk = 1000

    /// Lists every petition in time order and indexes those already assigned
    /// (all but the new ones when `keepingAssignments`), with the vectors
    /// stored when they were assigned: from the records the last run stored
    /// while its state still holds, and the profiles of what was assigned
    /// since outside a run (saved checks); else from every profile.
    init(store: any PetitionStorage, keepingAssignments: Bool) throws {
        self.store = store
        builder = try ProfileBuilder()
        var assigned: [Int] = []
        for entry in try store.timeline() {
            if keepingAssignments, entry.isAssigned { assigned.append(entries.count) }
            entries.append(Entry(rowID: entry.rowID, id: entry.id))
        }
        guard keepingAssignments else {
            reset()
            return
        }
        let snapshot = try store.currentIndexState()
        adoptedRowIDs = snapshot.assignedSince
        reset()
        if let saved = snapshot.statistics.flatMap(IndexState.decode) {
            let since = Set(snapshot.assignedSince)
            let recorded = assigned.filter { !since.contains(entries[$0].rowID) }
            if try restoreRecords(of: recorded, statistics: saved) {
                try addProfiles(of: assigned.filter { since.contains(entries[$0].rowID) })
                return
            }
            reset()
        }
        try addProfiles(of: assigned)
    }

    /// Rows assigned outside a run that this index counts: the run adopts
    /// them when it finishes (``FinishedRun/adoptedRowIDs``).
    private(set) var adoptedRowIDs: [Int64] = []

    /// Indexes assigned entries from their profiles, with the vectors stored
    /// with their assignments, adding their words to the statistics.
    private func addProfiles(of offsets: [Int]) throws {
        var unrecorded: [(rowID: Int64, record: Data)] = []
        try forEachProfile(of: offsets) { offset, profile, storedVector, hasRecord in
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
        // Records for petitions assigned without one (a saved check, an older
        // store), so that the next incremental run can start from them.
        try store.saveIndexRecords(unrecorded)
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
        var restored = 0, complete = true
        try store.forEachIndexRecord { rowID, recordData, vectorData in
            guard rowID >= 0, rowID <= maximumRowID, offsetOfRow[Int(rowID)] >= 0 else { return true }
            let offset = Int(offsetOfRow[Int(rowID)])
            guard let record = recordData.flatMap(IndexRecord.init(decoding:)),
                  let vector = vectorData.flatMap(VectorCodec.decode),
                  let features = MatchFeatures(stored: record.scalars, lists: record.lists) else {
                complete = false
                return false
            }
            self.features[offset] = features
            entries[offset].levelRank = record.levelRank
            entries[offset].classSignatures = record.classSignatures.map(signatureHash)
            vectors.set(offset, vector.0.truncated(to: Self.vectorWords))
            file(offset, under: record.keys)
            restored += 1
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
            var missing: [(rowID: Int64, derived: DerivedPetitionData)] = []
            let rowIDs = chunk.map { entries[$0].rowID }
            for (rowID, stored) in try store.storedProfiles(of: rowIDs) {
                guard let profile = ProfileCodec.decode(stored.profile) else { continue }
                loaded[rowID] = (profile, stored.vector.flatMap(VectorCodec.decode), stored.hasIndexRecord)
            }
            for rowID in rowIDs where loaded[rowID] == nil {
                guard let petition = try store.petition(rowID: rowID) else { continue }
                let profile = builder.profile(of: petition)
                missing.append((rowID, ProfileCodec.derivedData(profile)))
                loaded[rowID] = (profile, nil, false)
            }
            try store.saveProfiles(missing)
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
