import Foundation
import PetitionText

/// How two petitions relate.
public enum Relation: String, Sendable, Codable {
    /// The same matter raised again (重复信访).
    case sameMatter = "same_matter"
    /// The same kind of problem at the same place, by someone else (类案).
    case sameClass = "same_class"
    case unrelated
}
