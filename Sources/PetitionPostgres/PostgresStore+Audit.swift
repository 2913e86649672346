import Foundation
import PetitionModel
import PostgresNIO

/// The append-only audit trail: `audit_log`, whose trigger refuses every
/// UPDATE, DELETE and TRUNCATE, so no command of this tool (nor a stray
/// statement) can rewrite history.
extension PostgresStore: AuditTrail {
    public func appendAudit(_ entry: AuditEntry) throws {
        let returned = String(decoding: try JSONSerialization.data(withJSONObject: entry.returned), as: UTF8.self)
        try write { session in
            try session.execute("""
                INSERT INTO audit_log (at, operator, command, subject, returned, revealed, reason)
                VALUES (\(entry.at), \(entry.operatorName), \(entry.command), \(entry.subject), \(returned),
                        \(entry.revealed), \(entry.reason))
                """)
        }
    }

    public func auditEntries(from: String?, to: String?, operatorName: String?) throws -> [AuditEntry] {
        var conditions: [String] = []
        var bindings = PostgresBindings()
        for (condition, value) in [("at >= ", from), ("at < ", to), ("operator = ", operatorName)] {
            guard let value else { continue }
            bindings.append(value)
            conditions.append(condition + "$\(bindings.count)")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { session in
            try session.query(sql: """
                SELECT at, operator, command, subject, returned, revealed, reason FROM audit_log \(filter) ORDER BY seq
                """, bindings).rows.map { row in
                let (at, operatorName, command, subject, returnedJSON, revealed, reason) = try row.decode(
                    (String, String, String, String?, String, Bool, String?).self)
                var entry = AuditEntry(operatorName: operatorName, command: command, subject: subject,
                                       returned: (try? JSONSerialization.jsonObject(with: Data(returnedJSON.utf8))) as? [String] ?? [],
                                       revealed: revealed, reason: reason)
                entry.at = at
                return entry
            }
        }
    }
}
