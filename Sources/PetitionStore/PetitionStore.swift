import Foundation
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

    public enum StoreError: Error, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotOpen(path, reason): "无法打开数据库 \(path)：\(reason)"
            }
        }
    }

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

    public func petitionCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM petition") ?? 0 }
    }

    /// Passes `PRAGMA integrity_check`.
    public func isIntact() throws -> Bool {
        try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") == "ok" }
    }
}

extension PetitionStore {
    /// One stored petition.
    public static func petition(rowID: Int64, in db: Database) throws -> Petition? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM petition WHERE rowid = ?", arguments: [rowID]) else {
            return nil
        }
        return try petition(row: row, in: db)
    }

    public static func petition(id: String, in db: Database) throws -> (rowID: Int64, petition: Petition)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM petition WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return (row["rowid"], try petition(row: row, in: db))
    }

    private static func petition(row: Row, in db: Database) throws -> Petition {
        let rowID: Int64 = row["rowid"]
        let petitioners = try Row.fetchAll(db, sql: """
            SELECT name, id_number, phone FROM petitioner WHERE petition_rowid = ? ORDER BY position
            """, arguments: [rowID]).map { Petitioner(name: $0["name"], idNumber: $0["id_number"], phone: $0["phone"]) }
        return Petition(
            id: row["id"], receivedAt: CalendarDate(parsing: row["received_at"])!, channel: row["channel"],
            level: row["level"], province: row["province"], city: row["city"], county: row["county"],
            regionCode: row["region_code"], petitioners: petitioners, headcount: row["headcount"],
            respondent: row["respondent"], category: row["category"], title: row["title"], content: row["content"],
            handling: Handling(storedJSON: row["handling"]))
    }

    /// All backlog cases.
    public func backlogCases() throws -> [BacklogCase] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM backlog_case ORDER BY case_id").map(Self.backlogCase(row:))
        }
    }

    /// One backlog case by its id.
    public static func backlogCase(caseID: String, in db: Database) throws -> BacklogCase? {
        try Row.fetchOne(db, sql: "SELECT * FROM backlog_case WHERE case_id = ?", arguments: [caseID])
            .map(backlogCase(row:))
    }

    private static func backlogCase(row: Row) -> BacklogCase {
        let unitsJSON: String = row["responsible_units"]
        let units = (try? JSONSerialization.jsonObject(with: Data(unitsJSON.utf8))) as? [String] ?? []
        return BacklogCase(
            caseID: row["case_id"], title: row["title"], summary: row["summary"], province: row["province"],
            city: row["city"], county: row["county"], category: row["category"],
            openedAt: (row["opened_at"] as String?).flatMap(CalendarDate.init(parsing:)),
            leader: row["leader"], responsibleUnits: units, status: row["status"])
    }
}
