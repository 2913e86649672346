import Foundation
import GRDB

/// What the nightly job keeps of an assigned petition, stored with its
/// assignment: its features, the keys that find it, its class signatures and
/// level. An incremental run reads these instead of decoding every profile
/// and building every key again, which was most of its time.
struct IndexRecord: Equatable {
    var scalars: [UInt64]
    var lists: [UInt64]
    var keys: [UInt64]
    var levelRank: Int8
    var classSignatures: [String]

    static let version: UInt8 = 1

    func encoded() -> Data {
        var data = Data(capacity: 16 + 8 * (scalars.count + lists.count + keys.count) + 32 * classSignatures.count)
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append(_ values: [UInt64]) {
            append(UInt64(values.count))
            values.forEach(append)
        }
        data.append(Self.version)
        data.append(UInt8(bitPattern: levelRank))
        append(scalars)
        append(lists)
        append(keys)
        append(UInt64(classSignatures.count))
        for signature in classSignatures {
            let bytes = Array(signature.utf8)
            append(UInt64(bytes.count))
            data.append(contentsOf: bytes)
        }
        return data
    }

    /// Nil for a record of another version or a damaged one: the job then reads the profile.
    init?(decoding data: Data) {
        guard let decoded = data.withUnsafeBytes({ IndexRecord(decoding: $0) }) else { return nil }
        self = decoded
    }

    private init?(decoding bytes: UnsafeRawBufferPointer) {
        var position = 0
        func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }
        func word() -> UInt64? {
            guard position + 8 <= bytes.count else { return nil }
            defer { position += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        }
        func words() -> [UInt64]? {
            guard let count = word(), count <= UInt64(bytes.count - position) / 8 else { return nil }
            return (0..<Int(count)).map { _ in word()! }
        }
        guard byte() == Self.version, let level = byte(), let scalars = words(), let lists = words(),
              let keys = words(), let signatureCount = word(), signatureCount <= UInt64(bytes.count) else { return nil }
        var signatures: [String] = []
        for _ in 0..<signatureCount {
            guard let length = word(), length <= UInt64(bytes.count - position) else { return nil }
            signatures.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + Int(length)]),
                                     as: UTF8.self))
            position += Int(length)
        }
        guard position == bytes.count else { return nil }
        self.init(scalars: scalars, lists: lists, keys: keys, levelRank: Int8(bitPattern: level),
                  classSignatures: signatures)
    }

    init(scalars: [UInt64], lists: [UInt64], keys: [UInt64], levelRank: Int8, classSignatures: [String]) {
        self.scalars = scalars
        self.lists = lists
        self.keys = keys
        self.levelRank = levelRank
        self.classSignatures = classSignatures
    }
}

/// The word frequencies over the assigned petitions when the last run ended,
/// and how many petitions were assigned then. An incremental run starts from
/// them only while they still describe the store: no assignment has been
/// dropped (a petition imported again with new text) or made outside a run
/// (`check --save`) since.
struct IndexState {
    let runID: Int64
    let assigned: Int
    let statistics: WordStatistics

    static func save(runID: Int64, assigned: Int, statistics: WordStatistics, in db: Database) throws {
        var data = Data(capacity: 8 + statistics.documentFrequency.count * 8)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append(UInt32(statistics.documentCount))
        for (word, frequency) in statistics.documentFrequency.sorted(by: { $0.key < $1.key }) {
            append(word)
            append(UInt32(bitPattern: frequency))
        }
        try db.execute(sql: "INSERT OR REPLACE INTO index_state (id, run_id, assigned, statistics) VALUES (1, ?, ?, ?)",
                       arguments: [runID, assigned, data])
    }

    static func clear(in db: Database) throws {
        try db.execute(sql: "DELETE FROM index_state")
    }

    /// The state, if it still describes the store's assignments. (Whether
    /// every assigned petition has its record is found out when they are read.)
    static func current(in db: Database) throws -> IndexState? {
        guard let row = try Row.fetchOne(db, sql: "SELECT run_id, assigned, statistics FROM index_state WHERE id = 1"),
              let data = row["statistics"] as Data? else { return nil }
        let runID: Int64 = row["run_id"], assigned: Int = row["assigned"]
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
        guard count == assigned else { return nil }
        let outside = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM assignment WHERE run_id IS NULL OR run_id > ?)
            """, arguments: [runID]) ?? true
        guard !outside else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= 4, (bytes.count - 4) % 8 == 0 else { return nil }
        func read(_ position: Int) -> UInt32 {
            UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                | UInt32(bytes[position + 3]) << 24
        }
        var frequencies: [UInt32: Int32] = [:]
        frequencies.reserveCapacity((bytes.count - 4) / 8)
        for position in stride(from: 4, to: bytes.count, by: 8) {
            frequencies[read(position)] = Int32(bitPattern: read(position + 4))
        }
        return IndexState(runID: runID, assigned: assigned,
                          statistics: WordStatistics(documentCount: Int(read(0)), documentFrequency: frequencies))
    }
}
