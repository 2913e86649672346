/// A matter with its petitions in time order (`dedup --clusters`).
public struct MatterCluster: Sendable, Equatable {
    public var matterID: String
    public var ids: [String]
    public var classID: String?
    public var backlogCaseID: String?

    public init(matterID: String, ids: [String], classID: String?, backlogCaseID: String?) {
        self.matterID = matterID
        self.ids = ids
        self.classID = classID
        self.backlogCaseID = backlogCaseID
    }
}
