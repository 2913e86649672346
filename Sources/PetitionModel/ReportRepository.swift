import PetitionText

/// The figures of the nightly report.
public protocol ReportRepository: Sendable {
    /// The report's tables after run `runID`. A matter is proposed as a backlog
    /// case when it has `candidatePetitions` petitions over `candidateSpanDays`
    /// days or more and no backlog case; at most `matterLimit` matters are listed.
    func reportTables(runID: Int64, candidatePetitions: Int, candidateSpanDays: Int, matterLimit: Int) throws -> ReportTables
    /// The latest day the data knows: a petition received or a handling event.
    func latestDay() throws -> CalendarDate?
    /// Every matter with its history, one matter at a time, in matter order.
    func forEachMatterHistory(_ body: (MatterHistory) throws -> Void) throws
    /// The class cases the last run found, by class id.
    func classCases() throws -> [String: DerivedTables.ClassCase]
}

extension ReportRepository {
    /// Every matter with its petitions in the order received (what the
    /// acceptance advice reads of them: dates, levels, channel, headcount,
    /// region and handling, not the text) and which of them were called
    /// repeats, one matter at a time.
    public func forEachMatter(_ body: (_ matterID: String, _ petitions: [Petition], _ repeats: Set<String>) throws -> Void) throws {
        try forEachMatterHistory { history in try body(history.matterID, history.petitions, history.repeats) }
    }
}
