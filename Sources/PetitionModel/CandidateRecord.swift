import Foundation

/// A petition as the intake check weighs it against a new one: what it shows
/// of it, its matter, and the detector's stored bytes.
public struct CandidateRecord: Sendable {
    public var id: String
    public var receivedAt: String
    public var level: String?
    public var matterID: String?
    public var profile: Data
    /// The vector stored when the petition was assigned, if it was.
    public var vector: Data?

    public init(id: String, receivedAt: String, level: String?, matterID: String?, profile: Data, vector: Data?) {
        self.id = id
        self.receivedAt = receivedAt
        self.level = level
        self.matterID = matterID
        self.profile = profile
        self.vector = vector
    }
}
