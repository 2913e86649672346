import Foundation

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
