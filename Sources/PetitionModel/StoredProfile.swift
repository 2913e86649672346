import Foundation

/// What the detector stored for one petition, as bytes only it reads: the
/// profile written at import, and what the nightly job kept when it assigned
/// the petition (its word vector, and whether its index record is there).
public struct StoredProfile: Sendable {
    public var profile: Data
    public var vector: Data?
    public var hasIndexRecord: Bool

    public init(profile: Data, vector: Data?, hasIndexRecord: Bool) {
        self.profile = profile
        self.vector = vector
        self.hasIndexRecord = hasIndexRecord
    }
}
