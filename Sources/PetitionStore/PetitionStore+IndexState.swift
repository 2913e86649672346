import Foundation
import PetitionModel
import GRDB

/// The saved index state and match weights in SQLite: `index_state` and `match_weights`, one row each.
extension PetitionStore: IndexStateRepository {
    public func currentIndexState() throws -> IndexStateSnapshot {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT run_id, assigned, statistics FROM index_state WHERE id = 1")
            let runID: Int64 = row?["run_id"] ?? 0
            let since = try Int64.fetchAll(db, sql: """
                SELECT petition_rowid FROM assignment WHERE run_id IS NULL OR run_id > ? ORDER BY petition_rowid
                """, arguments: [runID])
            guard let row else { return IndexStateSnapshot(statistics: nil, assignedSince: since) }
            // Every assignment the run counted is still there: none was dropped since.
            let holds = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") == row["assigned"] + since.count
            return IndexStateSnapshot(statistics: holds ? row["statistics"] : nil, assignedSince: since)
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
