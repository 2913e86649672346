import Foundation
import PetitionModel
import PostgresNIO

/// The saved index state and match weights: `index_state` and `match_weights`, one row each, as on SQLite.
extension PostgresStore: IndexStateRepository {
    public func currentIndexState() throws -> IndexStateSnapshot {
        try snapshot { session in
            let row = try session.rows(stateQuery("run_id, assigned, statistics")).first
            let state = try row.map { try $0.decode((Int64, Int, Data).self) }
            let runID = state?.0 ?? 0
            let since = try session.column(PostgresQuery(unsafeSQL: region == nil ? """
                SELECT petition_rowid FROM assignment WHERE run_id IS NULL OR run_id > \(runID) ORDER BY petition_rowid
                """ : """
                SELECT a.petition_rowid FROM petition_ref p JOIN assignment a ON a.petition_rowid = p.rowid
                WHERE (a.run_id IS NULL OR a.run_id > \(runID))\(cityFilter("p")) ORDER BY a.petition_rowid
                """), as: Int64.self)
            guard let state else { return IndexStateSnapshot(statistics: nil, assignedSince: since) }
            // Every assignment the run counted is still there: none was dropped since.
            let holds = try Self.assignedCount(self, session, byRuns: false) == state.1 + since.count
            return IndexStateSnapshot(statistics: holds ? state.2 : nil, assignedSince: since)
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
