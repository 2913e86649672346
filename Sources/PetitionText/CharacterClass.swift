/// How the tokenizer treats a folded code point.
public enum CharacterClass: Sendable {
    /// A Chinese character: indexed as overlapping bigrams.
    case han
    /// A digit 0–9: part of a number, ID or phone token.
    case digit
    /// A letter of any alphabetic script other than Han: part of a word token.
    case letter
    /// Punctuation, spaces, symbols: separates tokens and is not indexed.
    case separator

    @inline(__always)
    public init(_ codePoint: UInt32) {
        switch codePoint {
        case 0x30...0x39: self = .digit
        case 0x61...0x7A: self = .letter
        case 0..<0x80: self = .separator
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: self = .han
        default:
            if let scalar = Unicode.Scalar(codePoint), scalar.properties.isAlphabetic {
                self = .letter
            } else {
                self = .separator
            }
        }
    }

    @inline(__always)
    public var isWordCharacter: Bool { self == .digit || self == .letter }
}
