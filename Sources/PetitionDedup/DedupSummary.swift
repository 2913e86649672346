import Foundation
import PetitionModel
import PetitionText

/// What one nightly run did.
public struct DedupSummary: Sendable {
    public var runID: Int64 = 0
    public var full = false
    public var scored = 0
    /// Petitions already in a matter when the run began (0 for a first or full run).
    public var previouslyAssigned = 0
    public var newMatters = 0
    public var repeats = 0
    public var matters = 0
    public var classes = 0
    public var backlogLinks = 0
    public var escalations = 0
    public var seconds = 0.0
    /// Stopped on request between two batches; the next run goes on from there.
    public var interrupted = false
    /// The weights the run scored with.
    public var weights: MatchWeights = .handSet
    /// Where the time went, in order: `weights` (choosing or estimating the
    /// match weights), `index` (reading the assigned petitions),
    /// `assign` (scoring the new ones, with their writes), `group` (class cases and
    /// escalations), `link` (backlog cases), `write` (the derived tables).
    public var phases: [Phase] = []

    public struct Phase: Sendable, Codable {
        public var name: String
        public var seconds: Double
    }
}
