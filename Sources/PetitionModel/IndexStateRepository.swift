import Foundation

/// What a run leaves for the next run and for the intake check besides the
/// matters: the word statistics over the assigned petitions, and the match
/// weights every run and check scores with.
public protocol IndexStateRepository: Sendable {
    /// The statistics the last run saved, while no assignment it counted was
    /// dropped since, and the rows assigned since outside a run (saved checks).
    func currentIndexState() throws -> IndexStateSnapshot
    /// The statistics the last run saved, whatever changed since: what the
    /// intake check weighs words by.
    func lastStatistics() throws -> Data?
    /// The weights in use (the detector's JSON), and the run that set them.
    func matchWeights() throws -> String?
    func saveMatchWeights(_ weights: String, runID: Int64?) throws
}
