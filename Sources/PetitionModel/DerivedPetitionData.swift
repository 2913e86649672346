import Foundation

/// What the repeat detector derives from a petition when it is written: its
/// profile, encoded by the detector and opaque to the store, and the blocking
/// keys under which candidates find it.
public struct DerivedPetitionData: Sendable {
    public var profile: Data
    public var keys: [String]

    public init(profile: Data, keys: [String]) {
        self.profile = profile
        self.keys = keys
    }
}
