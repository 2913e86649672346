/// Everything the 挂图作战 dashboard shows, for every region at once, as of
/// one day and one run. Built by ``DashboardBuilder``; a page or an API
/// answer shows one region of it (``DashboardView``).
public struct DashboardFigures: Sendable, Equatable {
    /// The day the figures are counted to: the latest day the data knows.
    public var asOf: String?
    /// The run whose matters the figures read, and when it finished (ISO 8601).
    public var runID: Int64?
    public var runFinishedAt: String?
    /// The whole data set, with provinces below it.
    public var root = RegionFigures(name: "全部地区", level: .all)
    /// Backlog cases, those to review first, then most new repeats, then longest open.
    public var backlog: [BacklogProgress] = []
    /// Class cases, most matters first.
    public var classes: [ClassCaseSummary] = []

    public init() {}

    /// The region a scope names, and the path to it; nil when no such region has figures.
    public func region(_ scope: DashboardScope) -> (region: RegionFigures, path: [RegionFigures])? {
        var region = root
        var path: [RegionFigures] = []
        for name in scope.names {
            guard let child = region.child(name) else { return nil }
            path.append(region)
            region = child
        }
        return (region, path)
    }
}
