import Foundation

/// What a nightly run leaves behind when it ends, written in one transaction:
/// its counts, the derived tables, and the word statistics over the assigned
/// petitions that the next incremental run and every intake check start from.
public struct FinishedRun: Sendable {
    public var runID: Int64
    public var scored: Int
    public var newMatters: Int
    public var repeats: Int
    public var derived: DerivedTables
    /// The detector's encoded word statistics.
    public var statistics: Data
    /// Rows assigned outside a run (saved checks) whose words the statistics
    /// now count: they become this run's, so that the next run does not count
    /// them again. Saves made while the run went on stay outside it.
    public var adoptedRowIDs: [Int64]

    public init(runID: Int64, scored: Int, newMatters: Int, repeats: Int, derived: DerivedTables, statistics: Data,
                adoptedRowIDs: [Int64] = []) {
        self.runID = runID
        self.scored = scored
        self.newMatters = newMatters
        self.repeats = repeats
        self.derived = derived
        self.statistics = statistics
        self.adoptedRowIDs = adoptedRowIDs
    }
}
