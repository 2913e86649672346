/// How a text refers to its petitioner: by a masked name (谭某, 董某某, 张某芳),
/// and by a stated age (52岁, 五十二周岁).
public struct PersonReferences: Sendable {
    private let surnames: Surnames
    private let numbers = EntityExtractor()
    private static let mou: UInt32 = 0x67D0  // 某
    private static let sui: UInt32 = 0x5C81  // 岁
    private static let zhou: UInt32 = 0x5468  // 周

    public init(surnames: Surnames = .standard) {
        self.surnames = surnames
    }

    /// The surnames of masked names in the text, in order of first mention:
    /// a surname before 某. A character that is no surname (在某小区, 对某单位) names nobody.
    public func maskedSurnames(in text: FoldedText) -> [String] {
        let points = text.codePoints
        var found: [String] = []
        for index in points.indices.dropFirst() where points[index] == Self.mou {
            var surname: String?
            if index >= 2, surnames.isCompoundSurname(points[index - 2], points[index - 1]) {
                surname = text.string(index - 2..<index)
            } else if surnames.isSurname(points[index - 1]) {
                surname = text.string(index - 1..<index)
            }
            if let surname, !found.contains(surname) { found.append(surname) }
        }
        return found
    }

    /// The first age the text states (52岁, 52周岁, 五十二岁), between 10 and 110.
    public func statedAge(in text: FoldedText) -> Int? {
        let points = text.codePoints
        var age: Int?
        numbers.forEachNumber(in: points) { value, _, end in
            var unit = end
            if unit < points.count, points[unit] == Self.zhou { unit += 1 }
            if unit < points.count, points[unit] == Self.sui, value == value.rounded(), (10...110).contains(Int(value)) {
                age = Int(value)
                return false
            }
            return true
        }
        return age
    }
}
