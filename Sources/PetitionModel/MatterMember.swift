/// One petition of a matter, as a case file and the intake check list it.
public struct MatterMember: Sendable, Equatable {
    public var id: String
    public var receivedAt: String
    public var level: String?
    public var channel: String?
    public var title: String?
    /// The first-named petitioner.
    public var petitioner: String?

    public init(id: String, receivedAt: String, level: String?, channel: String?, title: String?, petitioner: String?) {
        self.id = id
        self.receivedAt = receivedAt
        self.level = level
        self.channel = channel
        self.title = title
        self.petitioner = petitioner
    }
}
