import Foundation
import GRDB

/// The saved index state and match weights in SQLite: `index_state` and `match_weights`, one row each.
extension PetitionStore: IndexStateRepository {
    public func currentIndexState() throws -> IndexStateSnapshot? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT run_id, assigned, statistics FROM index_state WHERE id = 1")
            else { return nil }
            let runID: Int64 = row["run_id"], assigned: Int = row["assigned"]
            let since = try Int64.fetchAll(db, sql: """
                SELECT petition_rowid FROM assignment WHERE run_id IS NULL OR run_id > ? ORDER BY petition_rowid
                """, arguments: [runID])
            // Every assignment the run counted is still there: none was dropped since.
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") == assigned + since.count else { return nil }
            return IndexStateSnapshot(statistics: row["statistics"], assignedSince: since)
        }
    }

    public func lastStatistics() throws -> Data? {
        try read { try Data.fetchOne($0, sql: "SELECT statistics FROM index_state WHERE id = 1") }
    }

    public func matchWeights() throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT weights FROM match_weights WHERE id = 1") }
    }

    public func saveMatchWeights(_ weights: String, runID: Int64?) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO match_weights (id, run_id, weights) VALUES (1, ?, ?)",
                           arguments: [runID, weights])
        }
    }
}
