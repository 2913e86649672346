import Foundation
import PetitionModel

/// The nightly job's lock on a SQLite store: an exclusive lock on a file
/// beside the database, which the kernel releases when the process ends,
/// however it ends.
extension PetitionStore: PetitionStorage {
    public func acquireJobLock() throws -> JobLock {
        let lockPath = path + ".dedup-lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotLock(path: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError.jobRunning(database: path)
        }
        return JobLock {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
