import Foundation
import PetitionStore
import PostgresNIO

/// The saved index state and match weights: `index_state` and `match_weights`, one row each, as on SQLite.
extension PostgresStore: IndexStateRepository {
    public func currentStatistics() throws -> Data? {
        try snapshot { session in
            guard let row = try session.rows(stateQuery("run_id, assigned, statistics")).first else { return nil }
            let (runID, assigned, statistics) = try row.decode((Int64, Int, Data).self)
            guard try Self.assignedCount(self, session) == assigned else { return nil }
            let outside = try session.scalar(PostgresQuery(unsafeSQL: region == nil ? """
                SELECT EXISTS (SELECT 1 FROM assignment WHERE run_id IS NULL OR run_id > \(runID))
                """ : """
                SELECT EXISTS (SELECT 1 FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                               WHERE (a.run_id IS NULL OR a.run_id > \(runID))\(cityFilter("p")))
                """), as: Bool.self) ?? true
            return outside ? nil : statistics
        }
    }

    public func lastStatistics() throws -> Data? {
        try read { try $0.scalar(stateQuery("statistics"), as: Data.self) }
    }

    /// The saved state's columns: the whole database's row, or the city's (``scoped(toCity:)``).
    private func stateQuery(_ columns: String) -> PostgresQuery {
        guard let region else { return PostgresQuery(unsafeSQL: "SELECT \(columns) FROM index_state WHERE id = 1") }
        return PostgresQuery(unsafeSQL: "SELECT \(columns) FROM region_index_state WHERE city_code = '\(region)'")
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
