/// The append-only record of who searched, checked, showed or revealed what:
/// entries are added, never changed or removed, whatever the backend.
public protocol AuditTrail: Sendable {
    func appendAudit(_ entry: AuditEntry) throws
    /// Entries from one ISO 8601 instant (inclusive) to another (exclusive), either open, of one operator or all, oldest first.
    func auditEntries(from: String?, to: String?, operatorName: String?) throws -> [AuditEntry]
}
