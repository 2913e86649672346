/// A matter's links: its class case and its backlog case.
public struct MatterRecord: Sendable, Equatable {
    public var matterID: String
    public var classID: String?
    public var backlogCaseID: String?

    public init(matterID: String, classID: String?, backlogCaseID: String?) {
        self.matterID = matterID
        self.classID = classID
        self.backlogCaseID = backlogCaseID
    }
}
