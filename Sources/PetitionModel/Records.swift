import Foundation
import PetitionText

/// One person named on a petition.
public struct Petitioner: Sendable, Equatable, Codable {
    public var name: String?
    /// As written; see ``canonicalIDNumber``.
    public var idNumber: String?
    /// As written; see ``canonicalPhone``.
    public var phone: String?

    public init(name: String? = nil, idNumber: String? = nil, phone: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }

    public var canonicalIDNumber: String? { idNumber.flatMap(IdentifierForms.residentID) }
    public var canonicalPhone: String? { phone.flatMap(IdentifierForms.phone) }

    enum CodingKeys: String, CodingKey {
        case name, idNumber = "id_number", phone
    }
}

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

/// A backlog case (信访积案) under a leader's personal handling.
public struct BacklogCase: Sendable, Equatable {
    public var caseID: String
    public var title: String
    public var summary: String?
    public var province: String?
    public var city: String?
    public var county: String?
    public var category: String?
    public var openedAt: CalendarDate?
    public var leader: String?
    public var responsibleUnits: [String]
    public var status: String?

    public init(caseID: String, title: String, summary: String? = nil, province: String? = nil,
                city: String? = nil, county: String? = nil, category: String? = nil,
                openedAt: CalendarDate? = nil, leader: String? = nil, responsibleUnits: [String] = [],
                status: String? = nil) {
        self.caseID = caseID
        self.title = title
        self.summary = summary
        self.province = province
        self.city = city
        self.county = county
        self.category = category
        self.openedAt = openedAt
        self.leader = leader
        self.responsibleUnits = responsibleUnits
        self.status = status
    }
}
