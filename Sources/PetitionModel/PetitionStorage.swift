/// Everything the detector, the command line and the service need of a
/// store, each part behind its own protocol. SQLite (the `PetitionStore`
/// module) is the embedded backend; PostgreSQL (`PetitionPostgres`) implements
/// the same parts.
public protocol PetitionStorage: PetitionRepository, MatterRepository, IndexStateRepository, ReportRepository,
    PetitionSearching, AuditTrail, TokenRepository, RunHistory, PetitionImporting, PairLabelRepository, AnyObject {
    /// Takes the nightly job's lock, or fails at once with
    /// ``StoreError/jobRunning(database:)`` when another job holds it.
    func acquireJobLock() throws -> JobLock
}
