/// A region on the dashboard with its figures, its weekly trend and the
/// regions below it: province, then city, then county.
public struct RegionFigures: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable {
        case all, province, city, county

        var below: Level? {
            switch self {
            case .all: .province
            case .province: .city
            case .city: .county
            case .county: nil
            }
        }

        public var chineseName: String {
            switch self {
            case .all: "全部"
            case .province: "省"
            case .city: "市"
            case .county: "县（区）"
            }
        }
    }

    /// The name a record gives; `unnamed` when it gives none.
    public var name: String
    public var level: Level
    public var counts = DashboardCounts()
    /// The weeks of ``DashboardFigures/weeks``, oldest first.
    public var weekly: [WeeklyCount] = []
    /// The regions below, most open matters first.
    public var children: [RegionFigures] = []

    /// What the page shows for a region its records do not name.
    public static let unnamed = "（未注明）"

    public init(name: String, level: Level) {
        self.name = name
        self.level = level
    }

    /// The region below with this name.
    public func child(_ name: String) -> RegionFigures? {
        children.first { $0.name == name }
    }
}
