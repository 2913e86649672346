import PetitionText

/// The acceptance advice of an intake check (DOMAIN.md's `acceptance`): what
/// the rules advise, which rule, why in Chinese, and the organ handling the
/// matter with its due date. A clerk decides; this only advises.
public struct AcceptanceAdvice: Sendable, Equatable {
    public enum Advice: String, Sendable, CaseIterable {
        /// 受理.
        case accept
        /// 不予受理: in handling within its limit, filed again above the handling organ.
        case declineInProgress = "decline_in_progress"
        /// 不再受理: the 复核 has concluded; registered, not reopened.
        case declineConcluded = "decline_concluded"
        /// 疑似重复，请人工核对: the rules would decline, but the match is not
        /// sure enough to act on; the candidate matter is named, nothing is declined.
        case verify

        public var chineseName: String {
            switch self {
            case .accept: "受理"
            case .declineInProgress: "不予受理"
            case .declineConcluded: "不再受理"
            case .verify: "疑似重复，请人工核对"
            }
        }
    }

    public var advice: Advice
    /// The advice a rule file may give: every one but `verify`, which replaces a
    /// decline on an uncertain match and is never a rule's own.
    public static let ruleAdvices = Advice.allCases.filter { $0 != .verify }
    /// The id of the rule that gave it.
    public var rule: String
    public var reason: String
    /// The organ taking the matter's current step (the recheck organ once concluded).
    public var handlingOrgan: String?
    /// When that organ's answer is due, while a step runs.
    public var dueAt: CalendarDate?
    /// A step running past its limit: the handling organ is overdue.
    public var overdue: Bool
    /// The texts of the notes that hold (the five-representatives note).
    public var notes: [String]
    /// The matter's stage on the petition's date; nil when it has no recorded history.
    public var stage: MatterStage?

    public init(advice: Advice, rule: String, reason: String, handlingOrgan: String? = nil, dueAt: CalendarDate? = nil,
                overdue: Bool = false, notes: [String] = [], stage: MatterStage? = nil) {
        self.advice = advice
        self.rule = rule
        self.reason = reason
        self.handlingOrgan = handlingOrgan
        self.dueAt = dueAt
        self.overdue = overdue
        self.notes = notes
        self.stage = stage
    }

    /// The notes as one text (JSON `note`), nil when there are none.
    public var note: String? { notes.isEmpty ? nil : notes.joined(separator: "\n") }

    public var isDecline: Bool { advice == .declineInProgress || advice == .declineConcluded }
}
