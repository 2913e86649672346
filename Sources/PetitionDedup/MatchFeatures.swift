import PetitionText

/// What the scorer compares, as numbers: names and places hashed, sets as
/// sorted lists, problem concepts as a bit set. Built once per petition, so
/// that scoring a pair is a few merges of short lists and no string work.
///
/// The nightly job holds one per petition, so the eleven lists share one
/// buffer: one allocation instead of eleven halved what a petition costs it.
public final class MatchFeatures: Sendable {
    let primaryName: UInt64
    let primaryNameSound: UInt64
    let firstSurname: UInt64
    let filedByGroup: Bool
    let county: UInt64
    let city: UInt64
    let category: UInt64
    let concepts: UInt64
    /// The concepts the petition is about (``PetitionProfile/primaryConcepts``).
    let primaryConcepts: UInt64
    /// The lists, one after the other, each sorted.
    private let lists: [UInt64]
    /// Where each list ends in `lists`, 16 bits each.
    private let ends: (UInt64, UInt64, UInt64)

    private enum List: Int {
        case ids, phones, birthYears, estates, organizations, places, caseNumbers, rooms, amounts, areas, years, accounts
    }

    public init(_ profile: PetitionProfile) {
        primaryName = profile.primaryFullName.map(Self.hash) ?? 0
        primaryNameSound = profile.primaryNameSound.map(Self.hash) ?? 0
        firstSurname = profile.surnames.first.map(Self.hash) ?? 0
        filedByGroup = profile.filedByGroup
        county = profile.county.map(Self.hash) ?? 0
        city = profile.city.map(Self.hash) ?? 0
        category = profile.category.map(Self.hash) ?? 0
        func bits(_ names: [String]) -> UInt64 {
            var set: UInt64 = 0
            for concept in names {
                if let bit = ProblemConcepts.standard.index(of: concept), bit < 64 { set |= 1 << UInt64(bit) }
            }
            return set
        }
        concepts = bits(profile.concepts)
        primaryConcepts = bits(profile.primaryConcepts)
        let entities = profile.entities
        func numbers(_ values: some Sequence<Int>) -> [UInt64] { values.map { UInt64(bitPattern: Int64($0)) } }
        // In the order of `List`; rooms as building-and-room, then unit.
        let parts: [[UInt64]] = [
            profile.idNumbers.map(Self.packID).sorted(),
            profile.phones.compactMap { UInt64($0) }.sorted(),
            numbers(profile.birthYears),
            Self.nameHashes(entities.estates),
            Self.nameHashes(entities.organizations),
            Self.nameHashes(entities.places),
            entities.caseNumbers.map(Self.hash).sorted(),
            entities.rooms.compactMap(Room.init).flatMap(\.packed),
            numbers(entities.amounts).sorted(),
            numbers(entities.areas).sorted(),
            numbers(entities.years).sorted(),
            profile.accounts.map(Self.hash).sorted(),
        ]
        var lists: [UInt64] = []
        lists.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var ends: [UInt64] = []
        for part in parts {
            // A list is cut where the buffer would pass 16 bits of offset: no petition comes near.
            lists += part.prefix(max(0, Int(UInt16.max) - lists.count))
            ends.append(UInt64(lists.count))
        }
        self.lists = lists
        self.ends = (ends[0] | ends[1] << 16 | ends[2] << 32 | ends[3] << 48,
                     ends[4] | ends[5] << 16 | ends[6] << 32 | ends[7] << 48,
                     ends[8] | ends[9] << 16 | ends[10] << 32 | ends[11] << 48)
    }

    /// The features as stored in an ``IndexRecord``: scalars, list ends, lists.
    var stored: (scalars: [UInt64], lists: [UInt64]) {
        ([primaryName, firstSurname, county, city, category, concepts, filedByGroup ? 1 : 0, ends.0, ends.1, ends.2,
          primaryNameSound, primaryConcepts], lists)
    }

    init?(stored scalars: [UInt64], lists: [UInt64]) {
        guard scalars.count == 12 else { return nil }
        primaryName = scalars[0]
        firstSurname = scalars[1]
        county = scalars[2]
        city = scalars[3]
        category = scalars[4]
        concepts = scalars[5]
        filedByGroup = scalars[6] != 0
        ends = (scalars[7], scalars[8], scalars[9])
        primaryNameSound = scalars[10]
        primaryConcepts = scalars[11]
        self.lists = lists
        guard end(List.accounts.rawValue) == lists.count else { return nil }
    }

    @inline(__always)
    private func end(_ list: Int) -> Int {
        guard list >= 0 else { return 0 }
        let word = list < 4 ? ends.0 : list < 8 ? ends.1 : ends.2
        return Int(truncatingIfNeeded: word >> UInt64(16 * (list % 4)) & 0xFFFF)
    }

    @inline(__always)
    private func list(_ list: List) -> ArraySlice<UInt64> {
        lists[end(list.rawValue - 1)..<end(list.rawValue)]
    }

    var ids: ArraySlice<UInt64> { list(.ids) }
    var phones: ArraySlice<UInt64> { list(.phones) }
    var hasBirthYears: Bool { !list(.birthYears).isEmpty }
    /// Whether some birth year of one is within `years` of some birth year of the other.
    func birthYearsAgree(with other: MatchFeatures, within years: Int) -> Bool {
        let mine = list(.birthYears), theirs = other.list(.birthYears)
        return mine.contains { x in
            theirs.contains { abs(Int(Int64(bitPattern: x)) - Int(Int64(bitPattern: $0))) <= years }
        }
    }
    var estates: ArraySlice<UInt64> { list(.estates) }
    var organizations: ArraySlice<UInt64> { list(.organizations) }
    var places: ArraySlice<UInt64> { list(.places) }
    var caseNumbers: ArraySlice<UInt64> { list(.caseNumbers) }
    var hasRooms: Bool { !list(.rooms).isEmpty }
    var rooms: [Room] {
        let packed = list(.rooms)
        return stride(from: packed.startIndex, to: packed.endIndex - 1, by: 2).map { Room(packed[$0], packed[$0 + 1]) }
    }
    var amounts: ArraySlice<UInt64> { list(.amounts) }
    var areas: ArraySlice<UInt64> { list(.areas) }
    var years: ArraySlice<UInt64> { list(.years) }
    var accounts: ArraySlice<UInt64> { list(.accounts) }

    /// A name list's hashes: each name's exact hash (top bit clear), then each
    /// name's sound hash (top bit set; ``Entities/soundKey(_:)``), sorted, so
    /// that the exact names are the list's first part.
    static func nameHashes(_ names: Set<String>) -> [UInt64] {
        let exact = names.map { hash($0) & ~soundBit }
        let sounds = Set(names.map { hash(Entities.soundKey($0)) | soundBit })
        return (exact + sounds).sorted()
    }

    static let soundBit: UInt64 = 1 << 63

    /// The exact and sound parts of a list of ``nameHashes(_:)``.
    @inline(__always)
    static func split(_ list: ArraySlice<UInt64>) -> (exact: ArraySlice<UInt64>, sound: ArraySlice<UInt64>) {
        let boundary = list.firstIndex { $0 & soundBit != 0 } ?? list.endIndex
        return (list[list.startIndex..<boundary], list[boundary..<list.endIndex])
    }

    /// Whether two sorted arrays share an element.
    @inline(__always)
    static func intersects<C: RandomAccessCollection>(_ a: C, _ b: C) -> Bool where C.Element: Comparable {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { a.formIndex(after: &i) } else { b.formIndex(after: &j) }
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
