import PetitionModel
import PostgresNIO

/// The runs: `dedup_run`, written by ``MatterRepository/beginRun(full:)`` and ``MatterRepository/finish(_:)``.
extension PostgresStore: RunHistory {
    public func finishedRuns(limit: Int) throws -> [RunRecord] {
        try read { session in
            try session.rows("""
                SELECT run_id, started_at, finished_at, "full", scored, new_matters, repeats FROM dedup_run
                WHERE finished_at IS NOT NULL ORDER BY run_id DESC LIMIT \(limit)
                """).map { row in
                let (runID, started, finished, full, scored, newMatters, repeats) = try row.decode(
                    (Int64, String, String?, Bool, Int, Int, Int).self)
                return RunRecord(runID: runID, startedAt: started, finishedAt: finished, full: full, scored: scored,
                                 newMatters: newMatters, repeats: repeats)
            }
        }
    }
}
