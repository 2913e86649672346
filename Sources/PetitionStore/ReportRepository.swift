/// The figures of the nightly report.
public protocol ReportRepository: Sendable {
    /// The report's tables after run `runID`. A matter is proposed as a backlog
    /// case when it has `candidatePetitions` petitions over `candidateSpanDays`
    /// days or more and no backlog case; at most `matterLimit` matters are listed.
    func reportTables(runID: Int64, candidatePetitions: Int, candidateSpanDays: Int, matterLimit: Int) throws -> ReportTables
}
