/// The rows of the nightly report's tables, as text, in the order of the
/// headers ``DedupReport`` gives them.
public struct ReportTables: Sendable {
    /// This run's repeats: id, received, level, matter, repeat of, score.
    public var newRepeats: [[String]] = []
    /// Matters of two petitions or more, most petitions first: matter, petitions,
    /// first, last, span in days, largest headcount, region, category.
    public var matters: [[String]] = []
    /// id, matter, from level, to level, levels skipped, earlier id.
    public var escalations: [[String]] = []
    /// Matters raised by five or more people, as in `matters`.
    public var collective: [[String]] = []
    /// class id, place, problem, matters, petitions.
    public var classes: [[String]] = []
    /// case id, title, leader, matters linked, petitions added by this run.
    public var backlog: [[String]] = []
    /// Matters repeated often over a long time with no backlog case, as in `matters`.
    public var candidateBacklog: [[String]] = []
    /// province, city, category, petitions, matters, repeats.
    public var byRegion: [[String]] = []

    public init() {}
}
