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

    /// 2: written with the profile codec's ``BinaryWriter``; 3: accounts and the name's sound in the features;
    /// 4: class signatures from the concepts a petition is about, only with a region.
    static let version: UInt8 = 4

    func encoded() -> Data {
        var writer = BinaryWriter()
        writer.byte(Self.version)
        writer.byte(UInt8(bitPattern: levelRank))
        writer.words(scalars)
        writer.words(lists)
        writer.words(keys)
        writer.strings(classSignatures)
        return writer.data
    }
}

extension IndexRecord {
    /// Nil for a record of another version or a damaged one: the job then reads the profile.
    init?(decoding data: Data) {
        var reader = BinaryReader(data)
        guard reader.byte() == Self.version, let level = reader.byte(), let scalars = reader.words(),
              let lists = reader.words(), let keys = reader.words(), let signatures = reader.strings(),
              reader.isAtEnd else { return nil }
        self.init(scalars: scalars, lists: lists, keys: keys, levelRank: Int8(bitPattern: level),
                  classSignatures: signatures)
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
        var data = Data(capacity: 8 + statistics.savedCountBound * 8)
        withUnsafeBytes(of: UInt64(statistics.documentCount).littleEndian) { data.append(contentsOf: $0) }
        statistics.forEachSaved { value in withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
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
        guard let statistics = decode(data) else { return nil }
        return IndexState(runID: runID, assigned: assigned, statistics: statistics)
    }

    /// The word frequencies the last run saved, whether or not assignments
    /// changed since: what the intake check weighs words by.
    static func lastStatistics(in db: Database) throws -> WordStatistics? {
        try (Data.fetchOne(db, sql: "SELECT statistics FROM index_state WHERE id = 1")).flatMap(decode)
    }

    private static func decode(_ data: Data) -> WordStatistics? {
        data.withUnsafeBytes { bytes -> WordStatistics? in
            guard bytes.count >= 8, bytes.count % 8 == 0 else { return nil }
            let documents = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
            let saved = (1..<bytes.count / 8).map {
                UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self))
            }
            return WordStatistics(documentCount: Int(documents), saved: saved)
        }
    }
}
