import Foundation
import GRDB
import PetitionText

/// Profiles as stored: a compact binary form (length-prefixed strings, varints),
/// which the nightly job reads for every petition; JSON took a fifth of its time.
/// A leading version byte lets the format change without misreading old rows;
/// a profile that cannot be read is computed again from its petition.
enum ProfileCodec {
    /// 2: the name's sound, account ids and primary concepts added at the end.
    static let version: UInt8 = 2

    static func encode(_ profile: PetitionProfile) -> Data {
        var writer = BinaryWriter()
        writer.byte(version)
        writer.strings(profile.idNumbers)
        writer.strings(profile.phones)
        writer.strings(profile.fullNames)
        writer.strings(profile.surnames)
        writer.optionalString(profile.primaryFullName)
        writer.integers(profile.birthYears)
        writer.byte(profile.collective ? 1 : 0)
        writer.optionalString(profile.province)
        writer.optionalString(profile.city)
        writer.optionalString(profile.county)
        writer.optionalString(profile.category)
        writer.integer(profile.levelRank.map { $0 + 1 } ?? 0)
        writer.integer(profile.day)
        let entities = profile.entities
        writer.strings(entities.estates.sorted())
        writer.strings(entities.organizations.sorted())
        writer.strings(entities.places.sorted())
        writer.strings(entities.rooms.sorted())
        writer.integers(entities.amounts.sorted())
        writer.integers(entities.areas.sorted())
        writer.integers(entities.years.sorted())
        writer.strings(entities.caseNumbers.sorted())
        writer.strings(profile.concepts)
        writer.integers(profile.words.map(Int.init))
        writer.integers(profile.counts.map(Int.init))
        writer.optionalString(profile.primaryNameSound)
        writer.strings(profile.accounts)
        writer.strings(profile.primaryConcepts)
        return writer.data
    }

    static func decode(_ data: Data) -> PetitionProfile? {
        var reader = BinaryReader(data)
        guard reader.byte() == version else { return nil }
        var profile = PetitionProfile()
        var entities = Entities()
        guard let ids = reader.strings(), let phones = reader.strings(), let fullNames = reader.strings(),
              let surnames = reader.strings(), let primary = reader.optionalString(), let birthYears = reader.integers(),
              let collective = reader.byte(), let province = reader.optionalString(), let city = reader.optionalString(),
              let county = reader.optionalString(), let category = reader.optionalString(), let level = reader.integer(),
              let day = reader.integer(), let estates = reader.strings(), let organizations = reader.strings(),
              let places = reader.strings(), let rooms = reader.strings(), let amounts = reader.integers(),
              let areas = reader.integers(), let years = reader.integers(), let caseNumbers = reader.strings(),
              let concepts = reader.strings(), let words = reader.integers(), let counts = reader.integers(),
              words.count == counts.count, let sound = reader.optionalString(), let accounts = reader.strings(),
              let primaryConcepts = reader.strings()
        else { return nil }
        profile.primaryConcepts = primaryConcepts
        profile.primaryNameSound = sound
        profile.accounts = accounts
        profile.idNumbers = ids
        profile.phones = phones
        profile.fullNames = fullNames
        profile.surnames = surnames
        profile.primaryFullName = primary
        profile.birthYears = birthYears
        profile.collective = collective == 1
        profile.province = province
        profile.city = city
        profile.county = county
        profile.category = category
        profile.levelRank = level > 0 ? level - 1 : nil
        profile.day = day
        entities.estates = Set(estates)
        entities.organizations = Set(organizations)
        entities.places = Set(places)
        entities.rooms = Set(rooms)
        entities.amounts = Set(amounts)
        entities.areas = Set(areas)
        entities.years = Set(years)
        entities.caseNumbers = Set(caseNumbers)
        profile.entities = entities
        profile.concepts = concepts
        profile.words = words.map { UInt32(truncatingIfNeeded: $0) }
        profile.counts = counts.map { UInt16(truncatingIfNeeded: $0) }
        return profile
    }

    static func save(_ profile: PetitionProfile, rowID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO petition_profile (petition_rowid, profile) VALUES (?, ?)").execute(
                       arguments: [rowID, encode(profile)])
        try db.cachedStatement(sql: "DELETE FROM block_key WHERE petition_rowid = ?").execute(arguments: [rowID])
        for key in profile.blockingKeys {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO block_key (key, petition_rowid) VALUES (?, ?)").execute(
                           arguments: [key, rowID])
        }
    }
}

struct BinaryWriter {
    private(set) var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    /// Zig-zag LEB128: small numbers of either sign take one or two bytes.
    mutating func integer(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        repeat {
            var byte = UInt8(zigzag & 0x7F)
            zigzag >>= 7
            if zigzag != 0 { byte |= 0x80 }
            data.append(byte)
        } while zigzag != 0
    }

    mutating func string(_ value: String) {
        let bytes = Array(value.utf8)
        integer(bytes.count)
        data.append(contentsOf: bytes)
    }

    mutating func optionalString(_ value: String?) {
        if let value {
            byte(1)
            string(value)
        } else {
            byte(0)
        }
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        values.forEach { string($0) }
    }

    mutating func integers(_ values: [Int]) {
        integer(values.count)
        values.forEach { integer($0) }
    }

    /// Eight bytes, little-endian: for hashes, which a varint would lengthen.
    mutating func words(_ values: [UInt64]) {
        integer(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func integer() -> Int? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))) }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    mutating func string() -> String? {
        guard let count = integer(), count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func optionalString() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func strings() -> [String]? {
        guard let count = integer(), count >= 0, count <= bytes.count else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func integers() -> [Int]? {
        guard let count = integer(), count >= 0, count <= bytes.count else { return nil }
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = integer() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func words() -> [UInt64]? {
        guard let count = integer(), count >= 0, count <= (bytes.count - position) / 8 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << UInt64(8 * shift) }
            values.append(value)
            position += 8
        }
        return values
    }

    /// Whether every byte has been read: a longer input is not what was written.
    var isAtEnd: Bool { position == bytes.count }
}
