import Foundation
import PetitionText

/// Matters, the assignment of petitions to them, and the nightly runs that
/// make them. Matter ids are numbered here only, inside the transaction that
/// writes them, whether a run or a clerk's saved check opens the matter, so
/// that the two never take the same number.
public protocol MatterRepository: Sendable {
    /// Records the start of a run and returns its id. A full run first forgets
    /// every matter, assignment and derived row, and the saved index state.
    func beginRun(full: Bool) throws -> Int64
    /// The matter of each assigned petition, by row.
    func assignments() throws -> [Int64: String]
    /// The highest matter number given so far; 0 when none.
    func lastMatterSequence() throws -> Int
    /// Writes a batch of a run's assignments with the detector's vectors and
    /// records. The matters it opens are numbered here: as proposed, or moved
    /// up past numbers taken since; the result maps each proposed id that
    /// moved to the id it got.
    func commit(_ batch: AssignmentBatch, runID: Int64) throws -> [String: String]
    /// Ends a run: what differs of the derived tables, the statistics and the
    /// run's counts, in one transaction. Returns how many matters there are.
    func finish(_ run: FinishedRun) throws -> Int
    /// Saves a checked petition and assigns it, in one transaction: to the
    /// matter it repeats, or to a new one numbered here. Returns the matter,
    /// or nil when the stored petition was already identical (nothing written).
    func saveChecked(_ petition: Petition, derived: DerivedPetitionData, vector: Data, repeating matterID: String?,
                     score: Double?, repeatOf: String?) throws -> String?

    func matter(_ matterID: String) throws -> MatterRecord?
    func matterID(ofPetition id: String) throws -> String?
    /// The backlog case most of a class case's matters are linked to.
    func backlogCaseID(ofClass classID: String) throws -> String?
    /// The matters linked to a backlog case, in the order they were opened.
    func matterIDs(ofBacklogCase caseID: String) throws -> [String]
    /// The matters of a class case, in the order they were opened.
    func matterIDs(ofClass classID: String) throws -> [String]
    func matterCount(inClass classID: String) throws -> Int
    /// A matter's petitions, by date received then id.
    func members(ofMatter matterID: String) throws -> [MatterMember]
    /// A matter's petitions whole, with their handling histories, by date received then id.
    func petitions(ofMatter matterID: String) throws -> [Petition]
    /// The escalations among a matter's petitions, by date received.
    func escalations(inMatter matterID: String) throws -> [(id: String, from: String, to: String)]
    /// Every matter with its petitions, in the order matters were opened.
    func clusters() throws -> [MatterCluster]
}
