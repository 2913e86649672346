import Foundation
import GRDB

/// The saved index state and match weights in SQLite: `index_state` and `match_weights`, one row each.
extension PetitionStore: IndexStateRepository {
    public func currentStatistics() throws -> Data? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT run_id, assigned, statistics FROM index_state WHERE id = 1")
            else { return nil }
            let runID: Int64 = row["run_id"], assigned: Int = row["assigned"]
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") == assigned else { return nil }
            let outside = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM assignment WHERE run_id IS NULL OR run_id > ?)
                """, arguments: [runID]) ?? true
            return outside ? nil : row["statistics"]
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
