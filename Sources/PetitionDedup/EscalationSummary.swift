import Foundation
import PetitionModel
import PetitionText

public struct EscalationSummary: Sendable {
    public var fromLevel: String
    public var toLevel: String
    public var earlierID: String
    public var skippedLevels: Int
}
