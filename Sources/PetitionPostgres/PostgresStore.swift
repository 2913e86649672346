import Foundation
import PetitionModel
import PetitionText
import PostgresNIO

/// The PostgreSQL backend: every storage protocol of ``PetitionStorage``, over
/// postgres-nio, with the semantics of the SQLite store (`PetitionStore`)
/// statement for statement, so that the detector, the command line and the
/// service behave the same on either.
///
/// Writes that SQLite makes in one transaction are one transaction here. SQLite
/// has one writer at a time; PostgreSQL has many, so the writes that number
/// matters (a run's batch, its end, a clerk's saved check, a full run's reset)
/// also take one transaction-scoped advisory lock (``matterLock``): matter
/// numbers are read and given inside it, as on SQLite. Imports do not take it,
/// so that imports of different cities run side by side.
///
/// With a replica (`readLocation`), the reads that may lag (searches, checks,
/// listings: ``PostgresStore/replica``) go there and everything else to the primary.
public final class PostgresStore: PetitionStorage, @unchecked Sendable {
    public let location: PostgresLocation
    let pool: PostgresConnectionPool
    /// Cities whose partition is known to exist, so that it is created once per process.
    private let partitions: PartitionCache
    /// The city this view of the store is scoped to (``scoped(toCity:)``), nil for the whole database.
    public let region: String?
    /// Whether closing this value closes the connections (a scoped view shares its parent's).
    private let ownsPool: Bool
    /// The whole-database store a scoped view was made from, kept alive as long as the view.
    private let parent: PostgresStore?
    /// Where plain reads go: a replica's pool, when `--read-db` gave one.
    let routing: ReadRouting
    /// Raised when the process stops (``stopSearches()``): no search starts after it.
    let searchesStopped = StopSignal()

    /// Key of the transaction-scoped advisory lock of matter numbering.
    static let matterLock: Int64 = 0x7065_7469_7469_6D61
    /// Key of the nightly job's session advisory lock (``acquireJobLock()``).
    static let jobLock: Int64 = 0x7065_7469_7469_6A6F

    /// Connects to the database and brings its schema up to date; the database
    /// must exist. Unless `creating`, its tables must exist too (a mistyped
    /// database name is an error, not an empty store).
    ///
    /// With `replica`, a read-only copy of the same database (a streaming
    /// replica, or one restored from the primary), the plain reads (searches,
    /// checks' candidates, listings) go to the replica and everything else to
    /// the primary; see ``ReadRouting``.
    public init(location: PostgresLocation, replica: PostgresLocation? = nil, creating: Bool = true,
                maximumConnections: Int = 16) throws {
        self.location = location
        pool = PostgresConnectionPool(location: location, maximum: maximumConnections)
        routing = ReadRouting(replica: replica.map { PostgresConnectionPool(location: $0, maximum: maximumConnections) })
        partitions = PartitionCache()
        region = nil
        ownsPool = true
        parent = nil
        do {
            if !creating, try !PostgresSchema.isInitialised(pool) {
                throw StoreOpenError.missing(location: location.description)
            }
            try PostgresSchema.migrate(pool)
        } catch {
            pool.close()
            routing.replica?.close()
            throw error
        }
    }

    public convenience init(url: String) throws {
        try self.init(location: PostgresLocation(url: url))
    }

    private init(sharing parent: PostgresStore, region: String) {
        location = parent.location
        pool = parent.pool
        partitions = parent.partitions
        self.region = region
        ownsPool = false
        self.parent = parent
        routing = parent.routing
    }

    /// The same database seen as one city's: what the nightly job for one
    /// region (`dedup --region`) runs on. Every read the job makes is filtered
    /// to the city's petitions (its partition), its writes touch only them
    /// and their matters, its index state and class cases are the city's own,
    /// and its lock is the city's (``acquireJobLock()``): runs for different
    /// cities go on at once. Matter numbers stay global, given under one lock.
    public func scoped(toCity city: String) throws -> PostgresStore {
        guard city.utf8.count == 6, city.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw PostgresStoreError.badRegion(region: city)
        }
        return PostgresStore(sharing: self, region: RegionCode.city(of: city))
    }

    /// ` AND alias.city_code = '370100'` in a scoped view, nothing otherwise.
    /// The code is six digits (checked by ``scoped(toCity:)``), so it is safe in the statement's text.
    func cityFilter(_ alias: String) -> String {
        region.map { " AND \(alias).city_code = '\($0)'" } ?? ""
    }

    /// Closes every connection; the store is unusable afterwards.
    public func close() {
        guard ownsPool else { return }
        pool.close()
        routing.replica?.close()
    }

    deinit { close() }

    /// A plain read: on the replica when there is one (``ReadRouting``).
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try (routing.readPool ?? pool).withSession(body)
    }

    /// A read that must see the primary's latest writes.
    func readPrimary<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withSession(body)
    }

    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withTransaction(body)
    }

    /// A snapshot read across several statements (a cursor needs a transaction too).
    func snapshot<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withSession { session in
            try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? session.execute("COMMIT") }
            return try body(session)
        }
    }

    /// The partition of each city among `cities` exists once this returns.
    /// Outside the caller's transaction: creating a partition locks its parent
    /// until commit, which must not last as long as a batch.
    func ensurePartitions(_ cities: Set<String>) throws {
        for city in cities where !city.isEmpty && !partitions.contains(city) {
            precondition(RegionCode.isCity(city) || city.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
            try readPrimary { session in
                let exists = try session.scalar(
                    "SELECT true FROM pg_class WHERE relname = \(RegionCode.partitionName(city))", as: Bool.self) ?? false
                guard !exists else { return }
                do {
                    try session.execute(PostgresQuery(unsafeSQL: """
                        CREATE TABLE IF NOT EXISTS \(RegionCode.partitionName(city)) PARTITION OF petition FOR VALUES IN ('\(city)')
                        """))
                } catch let error as PostgresStoreError where error.sqlState == "42P07" || error.sqlState == "23505" {
                    // Another importer created it at the same moment.
                }
            }
            partitions.insert(city)
        }
    }

    /// Petitions by city (the empty code: no usable region code), largest first.
    public func cityPartitionSizes() throws -> [(city: String, petitions: Int)] {
        try read { session in
            try session.rows("SELECT city_code, count(*) FROM petition_ref GROUP BY city_code ORDER BY 2 DESC, 1").map { row in
                let (city, count) = try row.decode((String, Int).self)
                return (city, count)
            }
        }
    }

    /// Every city partition, by city code.
    public func cityPartitions() throws -> [String] {
        try read { session in
            try session.column("""
                SELECT substr(c.relname, 13) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class parent ON parent.oid = i.inhparent
                WHERE parent.relname = 'petition' AND c.relname <> 'petition_p_default' ORDER BY 1
                """, as: String.self)
        }
    }
}

extension PostgresStore: CityPartitionedStorage {
    public func cityScoped(_ city: String) throws -> any PetitionStorage {
        try scoped(toCity: city)
    }
}
