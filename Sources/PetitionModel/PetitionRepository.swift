import Foundation
import PetitionText

/// Petitions and backlog cases, and what the repeat detector keeps with each
/// petition: its profile and blocking keys (written at import, in the same
/// transaction as the petition) and what a run keeps of it once assigned. The
/// detector encodes those bytes; the store keeps them beside their petition
/// and never reads them.
public protocol PetitionRepository: Sendable {
    func petitionCount() throws -> Int
    /// A petition with its row.
    func storedPetition(id: String) throws -> (rowID: Int64, petition: Petition)?
    func petition(rowID: Int64) throws -> Petition?
    func backlogCase(id: String) throws -> BacklogCase?
    /// Every backlog case, by case id.
    func backlogCases() throws -> [BacklogCase]

    /// Every petition, in the order the nightly job walks them.
    func timeline() throws -> [TimelineEntry]
    /// The stored profiles of the given rows; a row with none is left out.
    func storedProfiles(of rowIDs: [Int64]) throws -> [Int64: StoredProfile]
    /// Every stored index record with its vector, in storage order, until
    /// `body` returns false. The bytes may be lent for the call only.
    func forEachIndexRecord(_ body: (_ rowID: Int64, _ record: Data?, _ vector: Data?) throws -> Bool) throws
    /// Stores profiles derived after the petition was written (an older store had none).
    func saveProfiles(_ profiles: [(rowID: Int64, derived: DerivedPetitionData)]) throws
    /// Stores the index records of petitions assigned before records were kept.
    func saveIndexRecords(_ records: [(rowID: Int64, record: Data)]) throws
    /// Every row with a profile, in row order.
    func profiledRowIDs() throws -> [Int64]
    /// Rows filed under a blocking key, at most `limit`.
    func rowIDs(filedUnder key: String, limit: Int) throws -> [Int64]
    /// The blocking keys a row is filed under.
    func keys(of rowID: Int64) throws -> [String]
    /// Rows whose text matches the query, best first by the full-text ranking:
    /// the intake check's text candidates. A backend whose ranking must read
    /// each match (PostgreSQL) may rank only the first few thousand it finds:
    /// the check asks for rare words, which match far fewer.
    func rowIDs(matching query: SearchQuery, limit: Int) throws -> [Int64]
    /// The given rows as the intake check weighs them.
    func candidates(_ rowIDs: [Int64]) throws -> [CandidateRecord]
}
