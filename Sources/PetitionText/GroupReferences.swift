/// How a text says it speaks for many: a group word (业主们, 联名, 集体上访) or
/// a headcount of people (等12人, 48户村民, 四十余户, 七十二名农民工).
public struct GroupReferences: Sendable {
    private let markers: [[UInt32]]
    private let filingMarkers: [[UInt32]]
    private let filingCounts: Set<UInt32>
    private let units: Set<UInt32>
    private let approximately: Set<UInt32>
    private let numbers = EntityExtractor()
    /// Five people or more make a collective petition (DOMAIN.md).
    public static let groupSize = 5

    public static let standard = GroupReferences(parsing: PeopleWordLists.text)

    public init(parsing text: String) {
        func points(_ entry: String) -> [UInt32] { CharacterFolding.standard.fold(entry).unicodeScalars.map(\.value) }
        markers = PeopleWordLists.entries(of: "group-markers", in: text).map(points)
        filingMarkers = PeopleWordLists.entries(of: "filing-markers", in: text).map(points)
        filingCounts = Set(PeopleWordLists.entries(of: "filing-counts", in: text).flatMap(points))
        units = Set(PeopleWordLists.entries(of: "headcount-units", in: text).flatMap(points))
        approximately = Set(PeopleWordLists.entries(of: "approximately", in: text).flatMap(points))
    }

    /// Every headcount the text gives: a number, perhaps 余 or 多, then 户, 名, 人 or 位.
    public func headcounts(in text: FoldedText) -> [Int] {
        headcountsWithPosition(in: text).map(\.count)
    }

    private func headcountsWithPosition(in text: FoldedText) -> [(count: Int, start: Int)] {
        let points = text.codePoints
        var counts: [(count: Int, start: Int)] = []
        numbers.forEachNumber(in: points) { value, start, end in
            var unit = end
            if unit < points.count, approximately.contains(points[unit]) { unit += 1 }
            if unit < points.count, units.contains(points[unit]), value >= 1, value < 1_000_000 {
                counts.append((Int(value), start))
            }
            return true
        }
        return counts
    }

    /// Whether the text speaks for a group (a backlog case about many
    /// households): a group word, or a headcount of five or more.
    public func speaksForMany(_ text: FoldedText) -> Bool {
        contains(any: markers, in: text.codePoints) || headcounts(in: text).contains { $0 >= Self.groupSize }
    }

    /// Whether a petition was filed by a group: a filing word (联名, 集体上访), or
    /// five or more filers counted (张某等12人, 共四十余户).
    public func isFiledByGroup(_ text: FoldedText) -> Bool {
        let points = text.codePoints
        return contains(any: filingMarkers, in: points) || headcountsWithPosition(in: text).contains {
            $0.count >= Self.groupSize && $0.start > 0 && filingCounts.contains(points[$0.start - 1])
        }
    }

    private func contains(any words: [[UInt32]], in points: [UInt32]) -> Bool {
        for word in words where !word.isEmpty && points.count >= word.count {
            for start in 0...(points.count - word.count) where points[start] == word[0]
                && points[start..<start + word.count].elementsEqual(word) {
                return true
            }
        }
        return false
    }
}
