/// One nightly run as the store recorded it.
public struct RunRecord: Sendable, Equatable {
    public var runID: Int64
    /// ISO 8601.
    public var startedAt: String
    /// ISO 8601; nil while running, or when the run was stopped or killed.
    public var finishedAt: String?
    public var full: Bool
    public var scored: Int
    public var newMatters: Int
    public var repeats: Int

    public init(runID: Int64, startedAt: String, finishedAt: String?, full: Bool, scored: Int, newMatters: Int,
                repeats: Int) {
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.full = full
        self.scored = scored
        self.newMatters = newMatters
        self.repeats = repeats
    }
}
