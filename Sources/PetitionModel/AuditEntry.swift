import Foundation

/// One access to petitioners' data: who, when, what they asked, what they got.
public struct AuditEntry: Sendable, Equatable {
    public var at: String
    public var operatorName: String
    /// search, check, show, import, dedup.
    public var command: String
    /// The query or the petition id.
    public var subject: String?
    /// Ids the command returned.
    public var returned: [String]
    /// Whether full ID numbers and phones were shown.
    public var revealed: Bool
    /// Why they were shown: required with a reveal.
    public var reason: String?

    public init(operatorName: String, command: String, subject: String?, returned: [String],
                revealed: Bool = false, reason: String? = nil, at: Date = Date()) {
        self.at = StoredTimestamp.string(from: at, milliseconds: false)
        self.operatorName = operatorName
        self.command = command
        self.subject = subject
        self.returned = returned
        self.revealed = revealed
        self.reason = reason
    }
}

/// The append-only audit trail: SQLite triggers refuse every UPDATE and DELETE
/// of it, so no command of this tool (nor a stray SQL statement) can rewrite
/// history.
