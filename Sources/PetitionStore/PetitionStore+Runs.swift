import GRDB
import PetitionModel

/// The runs in SQLite: `dedup_run`, written by ``MatterRepository/beginRun(full:)`` and ``MatterRepository/finish(_:)``.
extension PetitionStore: RunHistory {
    public func finishedRuns(limit: Int) throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM dedup_run WHERE finished_at IS NOT NULL ORDER BY run_id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                RunRecord(runID: row["run_id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                          full: row["full"], scored: row["scored"], newMatters: row["new_matters"],
                          repeats: row["repeats"])
            }
        }
    }
}
