import PetitionText

/// One matter as the reports read it: its petitions in the order received
/// (dates, levels, channel, headcount, region, category and handling; not the
/// text), which of them were called repeats, when each was stored, and the
/// class and backlog case the last run filed the matter under.
public struct MatterHistory: Sendable {
    public var matterID: String
    public var petitions: [Petition] = []
    /// Petitions the nightly job or a saved check called repeats.
    public var repeats: Set<String> = []
    /// Repeat petition id → the probability of the match that put it in this
    /// matter: how sure the call was (a decline needs the rules' decision level).
    public var scores: [String: Double] = [:]
    /// Petition id → when it was stored (imported, upserted or saved), ISO 8601:
    /// what a run had not yet seen is what was stored after it started.
    public var storedAt: [String: String] = [:]
    public var classID: String?
    public var backlogCaseID: String?

    public init(matterID: String) {
        self.matterID = matterID
    }
}
