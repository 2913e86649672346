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

public struct EntityExtractor: Sendable {
    public init() {}

    private static let estateSuffixes = ["小区", "花园", "家园", "嘉园", "新城", "公寓", "华庭", "豪庭", "雅居", "名邸",
                                         "府邸", "公馆", "华府", "尚城", "花城", "山庄", "庄园", "小镇", "名苑", "花苑",
                                         "雅苑", "苑", "大厦", "广场", "新村", "社区"].map(codePoints)
    private static let organizationSuffixes = ["有限责任公司", "有限公司", "公司", "集团", "厂", "医院", "卫生院", "法院",
                                               "检察院", "派出所", "公安局", "学校", "中学", "小学", "幼儿园", "银行",
                                               "局", "酒店", "超市", "商场", "合作社"].map(codePoints)
    private static let placeSuffixes = ["村委会", "居委会", "街道", "公路", "大道", "大街", "村", "镇", "乡", "路", "街"]
        .map(codePoints)
    /// Words of a company's name that say what it does, not which one it is.
    private static let genericNameParts = ["建筑", "工程", "房地产", "开发", "物业", "管理", "服务", "科技", "实业", "投资",
                                           "置业", "建设", "劳务", "贸易", "商贸", "股份", "制造", "电子", "机械", "食品",
                                           "纺织", "服装", "化工", "运输", "物流", "餐饮", "医药", "环保", "装饰", "安装",
                                           "市政", "园林", "绿化", "发展", "人民", "中心", "第一", "第二", "第三", "分",
                                           "市", "区", "县", "省", "有限", "责任"].map(codePoints)
    /// Characters that end a name when met going backwards: function words and verbs.
    private static let nameStops: Set<UInt32> = Set("的在了和与及是我你他她住于对向从把被给为因映该此等个位到去来说称买购租交将已未由".unicodeScalars.map(\.value))
    /// Context characters that make the suffix a common noun (农村, 乡村, 公路, 出路 ...).
    private static let commonNounHeads: Set<UInt32> = Set("农乡本该全各邻同外进回出下上走跑道马铁网思线套公私城".unicodeScalars.map(\.value))

    private static let villageCommittee = codePoints("村委会")

    private static func codePoints(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    public func extract(_ text: String) -> Entities {
        extract(FoldedText(text))
    }

    public func extract(_ folded: FoldedText) -> Entities {
        let points = folded.codePoints
        var entities = Entities()
        var index = 0
        while index < points.count {
            let point = points[index]
            if CharacterClass(point) == .han {
                if let (key, length) = name(points, at: index, suffixes: Self.estateSuffixes) {
                    entities.estates.insert(key)
                    index += length
                    continue
                }
                if let (key, length) = name(points, at: index, suffixes: Self.organizationSuffixes) {
                    entities.organizations.insert(key)
                    index += length
                    continue
                }
                if let (key, length) = name(points, at: index, suffixes: Self.placeSuffixes) {
                    entities.places.insert(key)
                    index += length
                    continue
                }
            }
            index += 1
        }
        numbers(points, into: &entities)
        return entities
    }

    /// When a suffix of the given kind starts at `index`, the name's key and the suffix length.
    private func name(_ points: [UInt32], at index: Int, suffixes: [[UInt32]]) -> (String, Int)? {
        for suffix in suffixes where matches(points, at: index, suffix) {
            // The two meaningful characters before the suffix.
            var end = index
            var stripped = true
            while stripped {
                stripped = false
                for generic in Self.genericNameParts where end >= generic.count
                    && Array(points[(end - generic.count)..<end]) == generic {
                    end -= generic.count
                    stripped = true
                    break
                }
            }
            guard end >= 2 else { return nil }
            let first = points[end - 2], second = points[end - 1]
            guard CharacterClass(first) == .han || CharacterClass(first).isWordCharacter,
                  CharacterClass(second) == .han || CharacterClass(second).isWordCharacter,
                  !Self.nameStops.contains(second), !Self.commonNounHeads.contains(second),
                  !Self.nameStops.contains(first)
            else { return nil }
            // A name that ends in another suffix of its kind (花园|小区, 集团|有限公司)
            // is keyed by the inner one.
            if suffixes.contains(where: { $0.count <= end && Array(points[(end - $0.count)..<end]) == $0 }) {
                return nil
            }
            let canonicalSuffix = suffix == Self.villageCommittee ? [Self.villageCommittee[0]] : suffix  // 村委会 → 村
            var key = String.UnicodeScalarView()
            for point in [first, second] + canonicalSuffix { key.append(Unicode.Scalar(point)!) }
            return (String(key), suffix.count)
        }
        return nil
    }

    private func matches(_ points: [UInt32], at index: Int, _ word: [UInt32]) -> Bool {
        guard index + word.count <= points.count else { return false }
        for offset in 0..<word.count where points[index + offset] != word[offset] { return false }
        return true
    }
}
