import Foundation

/// Common Chinese surnames (`people.txt`): what makes 谭某 a person and 在某小区 a place.
public struct Surnames: Sendable {
    private let single: Set<UInt32>
    private let compound: Set<UInt64>

    public static let standard = Surnames(parsing: PeopleWordLists.text)

    public init(parsing text: String) {
        var single: Set<UInt32> = [], compound: Set<UInt64> = []
        for entry in PeopleWordLists.entries(of: "surnames", in: text) {
            let points = CharacterFolding.standard.fold(entry).unicodeScalars.map(\.value)
            if points.count == 1 { single.insert(points[0]) }
            if points.count == 2 { compound.insert(UInt64(points[0]) << 32 | UInt64(points[1])) }
        }
        self.single = single
        self.compound = compound
    }

    public func isSurname(_ point: UInt32) -> Bool { single.contains(point) }

    public func isCompoundSurname(_ first: UInt32, _ second: UInt32) -> Bool {
        compound.contains(UInt64(first) << 32 | UInt64(second))
    }
}

