/// What an operator's token lets them do. Clerks register and check
/// petitions; investigators also search; admins do everything, and only they
/// run the nightly job, see full ID numbers and phones, and read the audit trail.
public enum Role: String, Sendable, CaseIterable {
    case clerk, investigator, admin

    public var permissions: Set<Permission> {
        switch self {
        case .clerk: [.check, .save, .upsert, .read, .dashboard]
        // Judging pairs needs reading both in full and the matters around them: an investigator's work.
        case .investigator: [.check, .save, .upsert, .read, .search, .dashboard, .label]
        case .admin: Set(Permission.allCases)
        }
    }

    public func allows(_ permission: Permission) -> Bool {
        permissions.contains(permission)
    }

    public var chineseName: String {
        switch self {
        case .clerk: "登记员"
        case .investigator: "调查员"
        case .admin: "管理员"
        }
    }
}
