/// A petition in the order the nightly job walks the corpus: by date received,
/// then by id, so that every run and every backend walks it alike.
public struct TimelineEntry: Sendable, Equatable {
    public let rowID: Int64
    public let id: String
    /// Assigned to a matter, by a run or by a saved intake check.
    public let isAssigned: Bool

    public init(rowID: Int64, id: String, isAssigned: Bool) {
        self.rowID = rowID
        self.id = id
        self.isAssigned = isAssigned
    }
}
