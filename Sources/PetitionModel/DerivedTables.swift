/// What a run derives from the matters — class cases, each matter's class and
/// backlog case, escalations — as the whole state wanted after the run. The
/// store writes only what differs from what it holds: rewriting the tables
/// whole made an incremental run at a million petitions spend seconds on rows
/// that had not changed.
public struct DerivedTables: Sendable {
    public struct ClassCase: Sendable, Equatable {
        public var place: String
        public var concept: String
        public var matters: Int

        public init(place: String, concept: String, matters: Int) {
            self.place = place
            self.concept = concept
            self.matters = matters
        }
    }

    public struct Escalation: Sendable, Equatable {
        public var earlierID: String
        public var fromLevel: String
        public var toLevel: String
        public var skippedLevels: Int

        public init(earlierID: String, fromLevel: String, toLevel: String, skippedLevels: Int) {
            self.earlierID = earlierID
            self.fromLevel = fromLevel
            self.toLevel = toLevel
            self.skippedLevels = skippedLevels
        }
    }

    /// Class id → the class case.
    public var classCases: [String: ClassCase] = [:]
    /// Matter id → its class id.
    public var classOfMatter: [String: String] = [:]
    /// Matter id → its backlog case id.
    public var backlogCaseOfMatter: [String: String] = [:]
    /// Petition row → the escalation it makes.
    public var escalations: [Int64: Escalation] = [:]

    public init() {}
}
