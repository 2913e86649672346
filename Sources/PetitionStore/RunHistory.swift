/// The nightly runs the store has recorded, whoever ran them (the service or
/// `petition dedup` in another process): the service reads the latest
/// finished one to know when what it holds in memory is out of date.
public protocol RunHistory: Sendable {
    /// The run that finished last; nil before any run finished.
    func latestFinishedRun() throws -> RunRecord?
}
