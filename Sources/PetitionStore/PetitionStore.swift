import Foundation
import PetitionModel
import GRDB
import PetitionText

/// The SQLite database of petitions, backlog cases and their full-text index.
///
/// WAL mode, so searches and checks from other processes keep reading while an
/// import or the nightly job writes; every connection, readers included, gets
/// the Chinese tokenizer, because FTS5 tokenizers are per connection.
public final class PetitionStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Raised when the process stops (``stopSearches()``); searches check it as they run.
    let searchesStopped = StopSignal()

    /// What opening or locking a store can fail with; `jobRunning` is every backend's.
    public typealias StoreError = PetitionModel.StoreError

    /// Opens (creating if needed, readable by the owner only) and migrates the database.
    public init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
            if descriptor < 0 {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            db.add(tokenizer: ChineseTokenizer.self)
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Runs `body` in one write transaction.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }

    /// Runs `body` on a read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Passes `PRAGMA integrity_check`.
    public func isIntact() throws -> Bool {
        try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") == "ok" }
    }
}
