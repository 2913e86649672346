import Foundation

/// One region of the dashboard: what `GET /` shows and `GET /v1/dashboard`
/// answers, built from the same figures so that the two always agree.
public struct DashboardView: Sendable, Equatable, Encodable {
    public var asOf: String?
    public var runID: Int64?
    public var runFinishedAt: String?
    /// The names from the top down to the region shown; empty for everything.
    public var path: [String]
    public var region: RegionFigures
    /// The backlog cases and class cases inside the region.
    public var backlog: [BacklogProgress]
    public var classes: [ClassCaseSummary]
    /// Backlog cases flagged for review (滚动式审核) in the region.
    public var needingReview: Int

    /// The view of `scope`; nil when the scope names a region with no figures.
    public init?(figures: DashboardFigures, scope: DashboardScope) {
        guard let (region, _) = figures.region(scope) else { return nil }
        asOf = figures.asOf
        runID = figures.runID
        runFinishedAt = figures.runFinishedAt
        path = scope.names
        // The regions below carry their figures only: their own trends and
        // regions are one drill-down away, and would multiply the answer's size.
        var shown = region
        shown.children = region.children.map { child in
            var child = child
            child.children = []
            child.weekly = []
            return child
        }
        self.region = shown
        backlog = figures.backlog.filter { scope.contains(province: $0.province, city: $0.city, county: $0.county) }
        classes = figures.classes.filter { scope.contains(province: $0.province, city: $0.city, county: $0.county) }
        needingReview = backlog.filter(\.needsReview).count
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", runID = "run_id", runFinishedAt = "run_finished_at", path, region, backlog, classes,
             needingReview = "needing_review"
    }

    /// The JSON of `GET /v1/dashboard`: keys sorted, absent values as null.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Written out so that a missing value is `null`, not a missing key: a client reads one shape.
        try container.encode(asOf, forKey: .asOf)
        try container.encode(runID, forKey: .runID)
        try container.encode(runFinishedAt, forKey: .runFinishedAt)
        try container.encode(path, forKey: .path)
        try container.encode(region, forKey: .region)
        try container.encode(backlog, forKey: .backlog)
        try container.encode(classes, forKey: .classes)
        try container.encode(needingReview, forKey: .needingReview)
    }
}
