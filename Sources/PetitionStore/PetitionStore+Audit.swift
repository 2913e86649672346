import Foundation
import PetitionModel
import GRDB

extension PetitionStore: AuditTrail {
    public func appendAudit(_ entry: AuditEntry) throws {
        let returned = String(decoding: try JSONSerialization.data(withJSONObject: entry.returned), as: UTF8.self)
        try write { db in
            try db.execute(sql: """
                INSERT INTO audit_log (at, operator, command, subject, returned, revealed, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.at, entry.operatorName, entry.command, entry.subject, returned,
                                 entry.revealed, entry.reason])
        }
    }

    /// Entries in time order; `from` (inclusive) and `to` (exclusive) are ISO 8601 instants in UTC.
    public func auditEntries(from: String?, to: String?, operatorName: String?) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let from {
            conditions.append("at >= ?")
            arguments.append(from)
        }
        if let to {
            conditions.append("at < ?")
            arguments.append(to)
        }
        if let operatorName {
            conditions.append("operator = ?")
            arguments.append(operatorName)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY seq",
                             arguments: StatementArguments(arguments)).map { row in
                let returnedJSON: String = row["returned"]
                var entry = AuditEntry(operatorName: row["operator"], command: row["command"], subject: row["subject"],
                                       returned: (try? JSONSerialization.jsonObject(with: Data(returnedJSON.utf8))) as? [String] ?? [],
                                       revealed: row["revealed"], reason: row["reason"])
                entry.at = row["at"]
                return entry
            }
        }
    }
}
