import Foundation

/// Petitions a nightly run assigned, committed in one transaction. Matters the
/// batch opens carry the ids the run proposed (the numbers after the highest
/// it saw when it started); the store settles their numbers inside the write,
/// since a clerk's saved check may have taken them meanwhile.
public struct AssignmentBatch: Sendable {
    public struct Assignment: Sendable {
        public var rowID: Int64
        public var matterID: String
        /// Probability that it repeats `repeatOf`; nil when it opened its matter.
        public var score: Double?
        public var repeatOf: String?
        /// The detector's word vector and index record, kept for later runs and checks.
        public var vector: Data
        public var indexRecord: Data

        public init(rowID: Int64, matterID: String, score: Double?, repeatOf: String?, vector: Data, indexRecord: Data) {
            self.rowID = rowID
            self.matterID = matterID
            self.score = score
            self.repeatOf = repeatOf
            self.vector = vector
            self.indexRecord = indexRecord
        }
    }

    /// Proposed ids of the matters the batch opens, in increasing order.
    public var newMatters: [String] = []
    public var assignments: [Assignment] = []

    public init() {}

    public var isEmpty: Bool { assignments.isEmpty }
}
