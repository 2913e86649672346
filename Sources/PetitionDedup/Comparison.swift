/// One comparison of the Fellegi–Sunter model between two petitions, and the
/// levels it can come out at. Level 0 is always "no evidence": one side says
/// nothing on it (no ID number, no estate named), or it does not apply (a
/// different account, or who signed a group petition).
///
/// The scorer turns a pair into one level per comparison (a comparison
/// vector); ``MatchWeights`` gives each level its log-likelihood ratio, set by
/// hand or estimated from the corpus by ``WeightEstimator``.
public enum Comparison: Int, CaseIterable, Sendable, Codable {
    case idNumber, phone, account, birthYear, name
    case region, estate, organization, place, room, caseNumber, amount, area, year, concept, category
    case text

    /// Who raised it, as opposed to what it is about: the subject gate sums
    /// the other comparisons only.
    public var isIdentity: Bool {
        switch self {
        case .idNumber, .phone, .account, .birthYear, .name: true
        default: false
        }
    }

    /// The levels after "no evidence", in Chinese as the reasons show them.
    public var levels: [String] {
        switch self {
        case .idNumber: ["同一身份证号", "身份证号一位不符", "身份证号不同"]
        case .phone: ["同一联系电话", "联系电话不同"]
        case .account: ["同一账号"]
        case .birthYear: ["年龄不符"]
        case .name: ["同名信访人", "信访人姓名同音", "信访人姓名不同", "同姓", "信访人姓氏不同"]
        case .region: ["同一区县", "区县不同", "地区不同"]
        case .estate: ["同一小区", "小区名称音近", "小区不一致"]
        case .organization: ["同一单位", "单位名称音近", "单位不一致"]
        case .place: ["同一村镇道路", "村镇道路名称音近", "村镇道路不一致"]
        case .room: ["同一房号", "房号不一致"]
        case .caseNumber: ["同一案号", "案号不一致"]
        case .amount: ["金额一致", "金额不一致"]
        case .area: ["面积一致", "面积不一致"]
        case .year: ["年份一致", "年份不一致"]
        case .concept: ["同类问题", "问题类型不同"]
        case .category: ["问题分类不同"]
        case .text: TextSimilarityLevels.labels
        }
    }

    /// Every comparison but text, which is continuous: built once, since
    /// `allCases` builds an array at every use and the scorer walks these for every pair.
    static let specifics: [Comparison] = allCases.filter { $0 != .text }

    /// Levels including "no evidence".
    public var levelCount: Int { levels.count + 1 }

    /// Where the comparison's levels start in a flat table of every comparison's levels.
    public var firstLevel: Int { Self.firstLevels[rawValue] }

    /// Levels of all comparisons together.
    public static let levelTotal = allCases.map(\.levelCount).reduce(0, +)

    private static let firstLevels: [Int] = {
        var starts: [Int] = [], next = 0
        for comparison in allCases {
            starts.append(next)
            next += comparison.levelCount
        }
        return starts
    }()

    /// A stable English name, for stored weights and JSON.
    public var key: String {
        switch self {
        case .idNumber: "id_number"
        case .phone: "phone"
        case .account: "account"
        case .birthYear: "birth_year"
        case .name: "name"
        case .region: "region"
        case .estate: "estate"
        case .organization: "organization"
        case .place: "place"
        case .room: "room"
        case .caseNumber: "case_number"
        case .amount: "amount"
        case .area: "area"
        case .year: "year"
        case .concept: "concept"
        case .category: "category"
        case .text: "text"
        }
    }
}

