import PetitionModel

/// A matter as read for an answer.
public struct MatterAnswer: Sendable {
    public var record: MatterRecord
    public var members: [MatterMember]
    /// Each escalation as id, from level, to level.
    public var escalations: [[String]]
    public var classSize: Int?
    public var backlog: BacklogCase?

    public init(record: MatterRecord, members: [MatterMember], escalations: [[String]], classSize: Int?,
                backlog: BacklogCase?) {
        self.record = record
        self.members = members
        self.escalations = escalations
        self.classSize = classSize
        self.backlog = backlog
    }

    public func json(privacy: PrivacyFilter) -> [String: Any] {
        AnswerJSON.matter(matterID: record.matterID, classID: record.classID, members: members,
                           escalations: escalations.map { (id: $0[0], from: $0[1], to: $0[2]) }, privacy: privacy)
    }
}
