import PetitionText

/// New and repeat petitions received in one week, Monday to Sunday.
public struct WeeklyCount: Sendable, Equatable, Codable {
    /// The Monday the week begins, ISO.
    public var weekStart: String
    public var newPetitions = 0
    public var repeats = 0

    public init(weekStart: String) {
        self.weekStart = weekStart
    }

    enum CodingKeys: String, CodingKey {
        case weekStart = "week_start", newPetitions = "new_petitions", repeats
    }
}
