import PetitionModel

/// A region's figures while ``DashboardBuilder`` counts them: a tree of
/// reference nodes, so that one petition adds to its county, city, province
/// and the whole at once.
final class RegionTally {
    let name: String
    let level: RegionFigures.Level
    var counts = DashboardCounts()
    var newByWeek: [Int]
    var repeatsByWeek: [Int]
    private var children: [String: RegionTally] = [:]
    private let weekStarts: [String]

    init(name: String, level: RegionFigures.Level, weeks weekStarts: [String]) {
        self.name = name
        self.level = level
        self.weekStarts = weekStarts
        newByWeek = Array(repeating: 0, count: weekStarts.count)
        repeatsByWeek = newByWeek
    }

    /// This node and the nodes down to the petition's county, made when new.
    func path(of petition: Petition) -> [RegionTally] {
        var node = self
        var path = [self]
        for name in [petition.province, petition.city, petition.county] {
            guard let level = node.level.below else { break }
            let name = name.flatMap { $0.isEmpty ? nil : $0 } ?? RegionFigures.unnamed
            let child = node.children[name] ?? RegionTally(name: name, level: level, weeks: weekStarts)
            node.children[name] = child
            path.append(child)
            node = child
        }
        return path
    }

    /// The finished figures: children with the most open matters first, then by name.
    func figures() -> RegionFigures {
        var figures = RegionFigures(name: name, level: level)
        figures.counts = counts
        figures.weekly = weekStarts.indices.map { index in
            var week = WeeklyCount(weekStart: weekStarts[index])
            week.newPetitions = newByWeek[index]
            week.repeats = repeatsByWeek[index]
            return week
        }
        figures.children = children.values.map { $0.figures() }.sorted { a, b in
            a.counts.openMatters != b.counts.openMatters ? a.counts.openMatters > b.counts.openMatters : a.name < b.name
        }
        return figures
    }
}
