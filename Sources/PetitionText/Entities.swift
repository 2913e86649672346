import Foundation

/// The specifics a petition names, which tell one matter from a look-alike:
/// two petitions about different estates, employers, rooms, amounts or years
/// raise different matters however alike their wording.
///
/// Extraction is rule-based over folded text and deliberately shallow: names
/// are keyed by their kind's suffix and the two characters before it (after
/// dropping generic words such as 建筑工程 in 宏达建筑工程有限公司), which is
/// stable across clerks (阳光花园小区 and 阳光花园 share 阳光·花园) and rarely
/// shared by two different places of one region.
public struct Entities: Sendable, Equatable {
    /// Residential estates and buildings: 小区, 花园, 家园, 苑, 新城, 公寓 ...
    public var estates: Set<String> = []
    /// Companies and units: 有限公司, 厂, 局, 医院, 法院, 学校 ...
    public var organizations: Set<String> = []
    /// Villages, towns and roads.
    public var places: Set<String> = []
    /// Rooms as building-unit-room (5-2-301).
    public var rooms: Set<String> = []
    /// Amounts in yuan.
    public var amounts: Set<Int> = []
    /// Areas of land in mu.
    public var areas: Set<Int> = []
    /// Years mentioned, in any written form.
    public var years: Set<Int> = []
    /// Court case and contract numbers, canonical.
    public var caseNumbers: Set<String> = []

    public init() {}

    public var isEmpty: Bool {
        estates.isEmpty && organizations.isEmpty && places.isEmpty && rooms.isEmpty && amounts.isEmpty
            && areas.isEmpty && years.isEmpty && caseNumbers.isEmpty
    }
}

extension Entities {
    /// A name's key as it sounds, order aside: its syllables sorted. Names
    /// written with a homophone (金贸/金茂, 中贸城/中茂城) or two characters
    /// transposed (绿地/地绿, 兴隆/隆兴) share it.
    public static func soundKey(_ name: String) -> String {
        let syllables = Pinyin.standard.syllables(of: name)
        return syllables.isEmpty ? name : syllables.sorted().joined(separator: " ")
    }
}
