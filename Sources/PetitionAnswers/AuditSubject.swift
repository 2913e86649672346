import PetitionDedup
import PetitionText

/// What the audit trail records of an operation, written once for both
/// doors so that the same request reads the same in the trail whichever way
/// it came: the command line's option names, values as given. A search's
/// subject is ``PetitionStore/SearchRequest/auditSubject(query:)`` and a
/// check's ``PetitionStore/Petition/checkAuditSubject``, beside their types.
public enum AuditSubject {
    /// Reading the trail itself: the filters asked for.
    public static func auditQuery(from: CalendarDate?, to: CalendarDate?, operatorName: String?) -> String {
        [from.map { "--from \($0)" }, to.map { "--to \($0)" }, operatorName.map { "--operator \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// A nightly run asked for; the files it writes when the command line is given them.
    public static func dedup(full: Bool, weights: DedupJob.WeightChoice, region: String? = nil,
                             report: String? = nil, clusters: String? = nil) -> String {
        let options: [String?] = [full ? "--full" : nil, "--weights \(weights.rawValue)", region.map { "--region \($0)" },
                                  report.map { "--report \($0)" }, clusters.map { "--clusters \($0)" }]
        return options.compactMap { $0 }.joined(separator: " ")
    }
}
