import Foundation
import PetitionStore
import PostgresNIO

/// The saved index state and match weights: `index_state` and `match_weights`, one row each, as on SQLite.
extension PostgresStore: IndexStateRepository {
    public func currentStatistics() throws -> Data? {
        try snapshot { session in
            guard let row = try session.rows("SELECT run_id, assigned, statistics FROM index_state WHERE id = 1").first
            else { return nil }
            let (runID, assigned, statistics) = try row.decode((Int64, Int, Data).self)
            guard try session.scalar("SELECT count(*) FROM assignment", as: Int.self) == assigned else { return nil }
            let outside = try session.scalar("""
                SELECT EXISTS (SELECT 1 FROM assignment WHERE run_id IS NULL OR run_id > \(runID))
                """, as: Bool.self) ?? true
            return outside ? nil : statistics
        }
    }

    public func lastStatistics() throws -> Data? {
        try read { try $0.scalar("SELECT statistics FROM index_state WHERE id = 1", as: Data.self) }
    }

    public func matchWeights() throws -> String? {
        try read { try $0.scalar("SELECT weights FROM match_weights WHERE id = 1", as: String.self) }
    }

    public func saveMatchWeights(_ weights: String, runID: Int64?) throws {
        try write { session in
            try session.execute("""
                INSERT INTO match_weights (id, run_id, weights) VALUES (1, \(runID), \(weights))
                ON CONFLICT (id) DO UPDATE SET run_id = EXCLUDED.run_id, weights = EXCLUDED.weights
                """)
        }
    }
}
