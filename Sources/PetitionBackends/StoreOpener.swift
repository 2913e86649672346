import Foundation
import PetitionModel
import PetitionPostgres
import PetitionStore

/// Opens the store a `--db` value (or `$PETITION_DB`) names, one place for
/// every command and the service: a `postgres://` URL is a PostgreSQL
/// database, anything else the path of a SQLite file, the embedded default.
public enum StoreOpener {
    /// Whether `location` names a PostgreSQL database.
    public static func isPostgres(_ location: String) -> Bool {
        PostgresLocation.isURL(location)
    }

    /// Opens (and migrates) the store. Only `creating` may create it: a
    /// SQLite file that does not exist, or a PostgreSQL database that was
    /// never initialised, is an error otherwise, so that a mistyped `--db`
    /// is not an empty result. A PostgreSQL database itself must exist
    /// (`createdb`); its tables are created here.
    ///
    /// `readReplica` (`--read-db`) names a read-only copy of a PostgreSQL
    /// database that plain reads go to (``PostgresStore``); nil or empty for none.
    public static func open(_ location: String, creating: Bool, readReplica: String? = nil) throws -> any PetitionStorage {
        let replica = (readReplica ?? "").isEmpty ? nil : readReplica
        if isPostgres(location) {
            return try PostgresStore(location: PostgresLocation(url: location),
                                     replica: try replica.map { try PostgresLocation(url: $0) }, creating: creating)
        }
        if replica != nil { throw StoreOpenError.replicaNeedsPostgres }
        if !creating && !FileManager.default.fileExists(atPath: location) {
            throw StoreOpenError.missing(location: location)
        }
        return try PetitionStore(path: location)
    }
}
