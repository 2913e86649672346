/// Canonical forms of the identifiers petitioners are known by: resident ID
/// numbers (GB 11643) and phone numbers, however a clerk typed them.
public enum IdentifierForms {
    private static let checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "x", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The GB 11643 check character (lower-case x for ten) of the first 17 digits.
    public static func checkCharacter(forFirst17 digits: some Collection<Int>) -> Character? {
        guard digits.count == 17 else { return nil }
        let sum = zip(digits, checkWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// A resident ID number in canonical form: folded (full-width, case),
    /// separators removed, 18 characters of which the last may be `x`; nil when
    /// the text is not shaped like one. The check digit is not required to be right
    /// (see ``isValidResidentID(_:)``): a mistyped number still names a person.
    public static func residentID(_ text: String) -> String? {
        let compact = CharacterFolding.standard.fold(text).unicodeScalars.filter {
            CharacterClass($0.value).isWordCharacter
        }
        guard compact.count == 18,
              compact.prefix(17).allSatisfy({ CharacterClass($0.value) == .digit }),
              let last = compact.last, CharacterClass(last.value) == .digit || last == "x"
        else { return nil }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: compact)
        return String(result)
    }

    /// Whether a canonical resident ID number's check digit is right.
    public static func isValidResidentID(_ canonical: String) -> Bool {
        let characters = Array(canonical)
        guard characters.count == 18 else { return false }
        let digits = characters.prefix(17).compactMap(\.wholeNumberValue)
        return checkCharacter(forFirst17: digits) == characters[17]
    }

    /// A phone number in canonical form: digits only, without a +86 / 0086
    /// country prefix; nil when fewer than 7 digits remain.
    public static func phone(_ text: String) -> String? {
        var digits = CharacterFolding.standard.fold(text).unicodeScalars.filter {
            CharacterClass($0.value) == .digit
        }.map { Character($0) }
        if digits.count == 13, digits.starts(with: ["8", "6"]) { digits.removeFirst(2) }
        if digits.count == 15, digits.starts(with: ["0", "0", "8", "6"]) { digits.removeFirst(4) }
        return digits.count >= 7 ? String(digits) : nil
    }

    /// The canonical token of a run of folded characters when it is a mobile
    /// number (11 digits from 1, optionally after 86) or shaped like a resident
    /// ID number (17 digits and a digit or x); nil otherwise.
    static func canonicalDigits(_ points: [UInt32]) -> [UInt32]? {
        let zero: UInt32 = 0x30, one: UInt32 = 0x31, six: UInt32 = 0x36, eight: UInt32 = 0x38, x: UInt32 = 0x78
        func isDigit(_ p: UInt32) -> Bool { p >= zero && p <= zero + 9 }
        switch points.count {
        case 11 where points[0] == one && points.allSatisfy(isDigit):
            return points
        case 13 where points[0] == eight && points[1] == six && points[2] == one && points.allSatisfy(isDigit):
            return Array(points.dropFirst(2))
        case 18 where points.prefix(17).allSatisfy(isDigit) && (isDigit(points[17]) || points[17] == x):
            return points
        default:
            return nil
        }
    }
}
