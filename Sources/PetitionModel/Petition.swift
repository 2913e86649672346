import Foundation
import PetitionText

/// A petition (信访件) as DOMAIN.md defines it; dates in ISO form.
public struct Petition: Sendable, Equatable {
    public static let channels = ["来信", "来访", "网上信访", "电话"]
    public static let levels = ["县级", "市级", "省级", "国家级"]

    public var id: String
    public var receivedAt: CalendarDate
    public var channel: String?
    public var level: String?
    public var province: String?
    public var city: String?
    public var county: String?
    public var regionCode: String?
    public var petitioners: [Petitioner]
    public var headcount: Int?
    public var respondent: String?
    public var category: String?
    public var title: String?
    public var content: String
    /// What the organ that accepted it did: acceptance, reply, 复查, 复核.
    public var handling: Handling?

    public init(id: String, receivedAt: CalendarDate, channel: String? = nil, level: String? = nil,
                province: String? = nil, city: String? = nil, county: String? = nil, regionCode: String? = nil,
                petitioners: [Petitioner] = [], headcount: Int? = nil, respondent: String? = nil,
                category: String? = nil, title: String? = nil, content: String, handling: Handling? = nil) {
        self.id = id
        self.receivedAt = receivedAt
        self.channel = channel
        self.level = level
        self.province = province
        self.city = city
        self.county = county
        self.regionCode = regionCode
        self.petitioners = petitioners
        self.headcount = headcount
        self.respondent = respondent
        self.category = category
        self.title = title
        self.content = content
        self.handling = handling
    }

    /// Rank of `level` from 县级 (0) to 国家级 (3).
    public var levelRank: Int? { level.flatMap { Self.levels.firstIndex(of: $0) } }
}
