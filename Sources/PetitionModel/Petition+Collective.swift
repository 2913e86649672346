extension Petition {
    /// DOMAIN.md's 集体访: five or more people raising one matter together.
    /// The one definition the check's `collective`, the report's 集体访事项
    /// and the dashboard's 本月集体访 all read; a text that merely names a group
    /// (48户村民) is a clue for matching, not a collective petition.
    public static let collectiveHeadcount = 5

    /// Whether the petition is a 集体访 by its recorded headcount.
    public var isCollective: Bool { (headcount ?? 1) >= Self.collectiveHeadcount }
}
