import Foundation

/// Who runs a command, for the audit trail: the name given, else
/// `$PETITION_OPERATOR`, else the system user (never empty, so that every
/// entry names someone).
enum OperatorIdentity {
    static func name(given: String?) -> String {
        if let given, !given.isEmpty { return given }
        if let name = ProcessInfo.processInfo.environment["PETITION_OPERATOR"], !name.isEmpty { return name }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}
