/// A backlog case on the dashboard: who owns it, where it stands, and what
/// its matters drew since the run before the last.
public struct BacklogProgress: Sendable, Equatable, Codable {
    public var caseID: String
    public var title: String
    public var leader: String?
    public var responsibleUnits: [String]
    public var status: String?
    public var province: String?
    public var city: String?
    public var county: String?
    /// ISO; nil when the record gives no date.
    public var openedAt: String?
    /// Days from the day it was opened to the dashboard's day.
    public var daysOpen: Int?
    /// Matters linked to it and their petitions.
    public var matters = 0
    public var petitions = 0
    /// Repeat petitions in its matters that the last run was the first to see,
    /// or that a clerk saved since.
    public var newRepeats = 0
    /// Marked resolved, yet drawing new repeats: to be reviewed again (滚动式审核).
    public var needsReview = false

    public init(caseID: String, title: String, leader: String?, responsibleUnits: [String], status: String?) {
        self.caseID = caseID
        self.title = title
        self.leader = leader
        self.responsibleUnits = responsibleUnits
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", title, leader, responsibleUnits = "responsible_units", status, province, city, county,
             openedAt = "opened_at", daysOpen = "days_open", matters, petitions, newRepeats = "new_repeats",
             needsReview = "needs_review"
    }
}
