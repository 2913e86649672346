import Foundation
import PetitionText

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [RecordError] = []
    /// Records stored with a change their sender should know of (control
    /// characters removed), one per record and field, with its line.
    public var warnings: [RecordError] = []
    /// Stopped on request between two batches; what was committed stays.
    public var interrupted = false

    public init() {}

    public static func += (lhs: inout ImportSummary, rhs: ImportSummary) {
        lhs.added += rhs.added
        lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged
        lhs.rejected += rhs.rejected
        lhs.warnings += rhs.warnings
    }
}
