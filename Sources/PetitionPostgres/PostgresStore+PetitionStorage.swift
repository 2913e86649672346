import PetitionModel
import PostgresNIO

/// The nightly job's lock: a session advisory lock held on a connection of its
/// own for as long as the job runs. PostgreSQL releases it when that
/// connection ends, however the process ends, as the kernel releases SQLite's
/// file lock; `pg_try_advisory_lock` fails at once instead of waiting.
extension PostgresStore {
    /// First key of a city's lock (the second is the city code).
    static let regionLockClass: Int32 = 0x7065_7469

    public func acquireJobLock() throws -> JobLock {
        let session = try pool.dedicatedConnection()
        var taken: Bool
        do {
            if let region {
                // A city's job shares the database's lock with other cities' jobs (a whole-database job
                // takes it alone) and holds its city's lock alone.
                taken = try session.scalar("SELECT pg_try_advisory_lock_shared(\(Self.jobLock))", as: Bool.self) ?? false
                if taken, try session.scalar(
                    "SELECT pg_try_advisory_lock(\(Self.regionLockClass), \(Int32(region)!))", as: Bool.self) != true {
                    taken = false
                }
            } else {
                taken = try session.scalar("SELECT pg_try_advisory_lock(\(Self.jobLock))", as: Bool.self) ?? false
            }
        } catch {
            try? session.connection.close().wait()
            throw error
        }
        guard taken else {
            try? session.connection.close().wait()
            throw StoreError.jobRunning(database: location.description + (region.map { "（地区 \($0)）" } ?? ""))
        }
        // While the job runs, this process's reads go to the primary: the job reads what it wrote.
        routing.jobStarted()
        return JobLock { [routing] in
            // Closing the connection releases its advisory locks, whichever they are.
            try? session.connection.close().wait()
            routing.jobEnded()
        }
    }
}
