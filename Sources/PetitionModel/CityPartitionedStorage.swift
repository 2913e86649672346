/// A store partitioned by city, whose nightly job can run one city at a time
/// (`dedup --region`) while other cities' runs go on. PostgreSQL is; SQLite,
/// one file on one machine, is not.
public protocol CityPartitionedStorage: PetitionStorage {
    /// The same store seen through one city's partition: the job's reads,
    /// writes, index state and lock are the city's own.
    func cityScoped(_ city: String) throws -> any PetitionStorage
}
