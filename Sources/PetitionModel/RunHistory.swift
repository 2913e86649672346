/// The nightly runs the store has recorded, whoever ran them (the service or
/// `petition dedup` in another process): the service reads the latest
/// finished one to know when what it holds in memory is out of date.
public protocol RunHistory: Sendable {
    /// The runs that finished, latest first, at most `limit`.
    func finishedRuns(limit: Int) throws -> [RunRecord]
}

extension RunHistory {
    /// The run that finished last; nil before any run finished.
    public func latestFinishedRun() throws -> RunRecord? {
        try finishedRuns(limit: 1).first
    }
}
