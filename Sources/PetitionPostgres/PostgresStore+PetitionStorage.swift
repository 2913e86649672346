import PetitionStore
import PostgresNIO

/// The nightly job's lock: a session advisory lock held on a connection of its
/// own for as long as the job runs. PostgreSQL releases it when that
/// connection ends, however the process ends, as the kernel releases SQLite's
/// file lock; `pg_try_advisory_lock` fails at once instead of waiting.
extension PostgresStore {
    public func acquireJobLock() throws -> JobLock {
        let session = try pool.dedicatedConnection()
        let taken: Bool
        do {
            taken = try session.scalar("SELECT pg_try_advisory_lock(\(Self.jobLock))", as: Bool.self) ?? false
        } catch {
            try? session.connection.close().wait()
            throw error
        }
        guard taken else {
            try? session.connection.close().wait()
            throw PetitionStore.StoreError.jobRunning(database: location.description)
        }
        return JobLock {
            _ = try? session.execute("SELECT pg_advisory_unlock(\(Self.jobLock))")
            try? session.connection.close().wait()
        }
    }
}
