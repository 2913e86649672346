import Foundation

/// The word statistics the last run saved, and the petitions assigned since
/// outside it (a clerk's saved check, or a run stopped before it ended). The
/// next run restores everything else from the records the last run stored
/// and reads only those petitions' profiles: saves all day must not make the
/// nightly run read the whole corpus again.
public struct IndexStateSnapshot: Sendable, Equatable {
    /// Nil before any run, or once an assignment the run counted was dropped
    /// (a petition imported again with new text): every profile is read then.
    public var statistics: Data?
    /// Rows assigned after the run that saved the statistics, by no run since
    /// (or by a run stopped before it ended).
    public var assignedSince: [Int64]

    public init(statistics: Data?, assignedSince: [Int64]) {
        self.statistics = statistics
        self.assignedSince = assignedSince
    }
}
