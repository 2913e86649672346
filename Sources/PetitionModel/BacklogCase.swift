import Foundation
import PetitionText

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
