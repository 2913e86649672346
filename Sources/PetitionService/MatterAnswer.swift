import PetitionStore

/// A matter as read for an answer.
struct MatterAnswer: Sendable {
    var record: MatterRecord
    var members: [MatterMember]
    /// Each escalation as id, from level, to level.
    var escalations: [[String]]
    var classSize: Int?
    var backlog: BacklogCase?

    func json(privacy: PrivacyFilter) -> [String: Any] {
        ServiceJSON.matter(matterID: record.matterID, classID: record.classID, members: members,
                           escalations: escalations.map { (id: $0[0], from: $0[1], to: $0[2]) }, privacy: privacy)
    }
}
