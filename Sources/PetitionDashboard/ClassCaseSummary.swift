/// A class case waiting for batch resolution: one kind of problem at one
/// place, raised by different petitioners.
public struct ClassCaseSummary: Sendable, Equatable, Codable {
    public var classID: String
    /// The place as the petitions write it (丁家洼村), not its index key.
    public var place: String
    public var concept: String
    public var province: String?
    public var city: String?
    public var county: String?
    public var matters = 0
    public var petitions = 0
    /// Matters of the class still open.
    public var openMatters = 0
    /// The backlog case most of its matters are linked to.
    public var backlogCaseID: String?

    public init(classID: String, place: String, concept: String) {
        self.classID = classID
        self.place = place
        self.concept = concept
    }

    enum CodingKeys: String, CodingKey {
        case classID = "class_id", place, concept, province, city, county, matters, petitions,
             openMatters = "open_matters", backlogCaseID = "backlog_case_id"
    }
}
