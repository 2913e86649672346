import Foundation
import PetitionModel
import PetitionText

public struct BacklogSummary: Sendable {
    public var caseID: String
    public var title: String
    public var leader: String?
    public var responsibleUnits: [String]
    public var status: String?
}
