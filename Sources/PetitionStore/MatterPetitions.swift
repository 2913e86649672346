import Foundation
import GRDB

/// The petitions of one matter, with their handling histories, in the order
/// they were received: what the acceptance advice reads of a matter.
public enum MatterPetitions {
    /// Every petition assigned to `matterID`.
    public static func load(matterID: String, in db: Database) throws -> [Petition] {
        let rowIDs = try Int64.fetchAll(db, sql: """
            SELECT p.rowid FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
            WHERE a.matter_id = ? ORDER BY p.received_at, p.id
            """, arguments: [matterID])
        return try rowIDs.compactMap { try PetitionStore.petition(rowID: $0, in: db) }
    }

    /// The petitions with these ids (a matter the nightly job has not assigned yet).
    public static func load(ids: [String], in db: Database) throws -> [Petition] {
        try ids.compactMap { try PetitionStore.petition(id: $0, in: db)?.petition }
            .sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
    }
}
