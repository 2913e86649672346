import PetitionText

/// A flat as building-unit-room; the unit may be unknown.
public struct Room: Sendable, Hashable {
    let building: Int32
    let unit: Int32  // -1 when not given
    let room: Int32

    /// Parses the extractor's "5-2-301" or "10--1401".
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let building = Int32(parts[0]), let room = Int32(parts[2]) else { return nil }
        self.building = building
        self.unit = Int32(parts[1]) ?? -1
        self.room = room
    }

    /// Building and room agree, and the unit too where both give one (10号楼1401室
    /// and 10号楼4单元1401号 are one flat).
    func isSameFlat(as other: Room?) -> Bool {
        guard let other else { return false }
        return building == other.building && room == other.room && (unit < 0 || other.unit < 0 || unit == other.unit)
    }
}

/// What the scorer compares, as numbers: names and places hashed, sets as
/// sorted arrays, problem concepts as a bit set. Built once per petition, so
/// that scoring a pair is a few merges of short arrays and no string work.
public final class MatchFeatures: Sendable {
    let ids: [UInt64]
    let phones: [UInt64]
    let primaryName: UInt64
    let firstSurname: UInt64
    let birthYears: [Int]
    let collective: Bool
    let county: UInt64
    let city: UInt64
    let category: UInt64
    let estates: [UInt64]
    let organizations: [UInt64]
    let places: [UInt64]
    let caseNumbers: [UInt64]
    let rooms: [Room]
    let amounts: [Int]
    let areas: [Int]
    let years: [Int]
    let concepts: UInt64

    public init(_ profile: PetitionProfile) {
        ids = profile.idNumbers.map(Self.packID).sorted()
        phones = profile.phones.compactMap { UInt64($0) }.sorted()
        primaryName = profile.primaryFullName.map(Self.hash) ?? 0
        firstSurname = profile.surnames.first.map(Self.hash) ?? 0
        birthYears = profile.birthYears
        collective = profile.collective
        county = profile.county.map(Self.hash) ?? 0
        city = profile.city.map(Self.hash) ?? 0
        category = profile.category.map(Self.hash) ?? 0
        let entities = profile.entities
        estates = entities.estates.map(Self.hash).sorted()
        organizations = entities.organizations.map(Self.hash).sorted()
        places = entities.places.map(Self.hash).sorted()
        caseNumbers = entities.caseNumbers.map(Self.hash).sorted()
        rooms = entities.rooms.compactMap(Room.init)
        amounts = entities.amounts.sorted()
        areas = entities.areas.sorted()
        years = entities.years.sorted()
        var concepts: UInt64 = 0
        for concept in profile.concepts {
            if let bit = ProblemConcepts.standard.index(of: concept), bit < 64 { concepts |= 1 << UInt64(bit) }
        }
        self.concepts = concepts
    }

    /// Whether two sorted arrays share an element.
    @inline(__always)
    static func intersects<T: Comparable>(_ a: [T], _ b: [T]) -> Bool {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// An ID number as 18 base-11 digits (x is ten): fits in 64 bits.
    static func packID(_ id: String) -> UInt64 {
        var value: UInt64 = 0
        for character in id.utf8 {
            value = value &* 11 &+ (character == UInt8(ascii: "x") ? 10 : UInt64(character &- 48) % 11)
        }
        return value
    }

    /// One digit off, or only the check digit wrong.
    static func differByOneDigit(_ x: UInt64, _ y: UInt64) -> Bool {
        var a = x, b = y, differences = 0
        for _ in 0..<18 {
            if a % 11 != b % 11 {
                differences += 1
                if differences > 1 { return false }
            }
            a /= 11
            b /= 11
        }
        return differences == 1
    }

    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100000001b3 }
        return value == 0 ? 1 : value
    }
}
