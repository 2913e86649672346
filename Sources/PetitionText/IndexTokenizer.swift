/// Splits folded text into the tokens of the full-text index.
///
/// Chinese is indexed as overlapping character bigrams, one per character
/// position (the last character of a run as a unigram), so that any string of
/// one or more Chinese characters is found wherever it occurs as a substring,
/// whatever a word segmenter would have made of it: a term of n ≥ 2 characters is
/// the phrase of its n−1 bigrams, a single character is a prefix query over the
/// tokens that start with it (see ``QueryCompiler``). This costs one token per
/// character, like SQLite's trigram tokenizer, but unlike trigram it also finds
/// one- and two-character words.
///
/// Digits and letters form word tokens. Groups of digits written with spaces or
/// dashes that make a mobile phone or a resident ID number (138-1234-5678,
/// +86 138 1234 5678, 370112 19800101 123X) also yield one canonical token,
/// colocated with the first group, so the number is found however it was typed.
/// Thousands separators are dropped (38,000 → 38000).
public struct IndexTokenizer: Sendable {
    public enum Kind: Sendable, Equatable {
        case bigram, unigram, word, canonicalNumber
    }

    public struct Token: Sendable, Equatable {
        public var kind: Kind
        /// Code points of the folded text the token covers.
        public var range: Range<Int>
        /// True when the token shares the position of the token before it.
        public var colocated: Bool
    }

    public init() {}

    /// Calls `body` with each token and its UTF-8 text, in order; stops when it returns false.
    public func forEachToken(
        in text: FoldedText,
        _ body: (Token, UnsafeBufferPointer<UInt8>) -> Bool
    ) {
        let points = text.codePoints
        let count = points.count
        var scratch = [UInt8]()
        scratch.reserveCapacity(64)
        var joinedUntil = 0
        var index = 0

        func emit(_ token: Token, _ codePoints: some Sequence<UInt32>) -> Bool {
            scratch.removeAll(keepingCapacity: true)
            for codePoint in codePoints { appendUTF8(codePoint, to: &scratch) }
            return scratch.withUnsafeBufferPointer { body(token, $0) }
        }

        while index < count {
            switch CharacterClass(points[index]) {
            case .separator:
                index += 1
            case .han:
                var end = index + 1
                while end < count, CharacterClass(points[end]) == .han { end += 1 }
                for position in index..<end {
                    let pair = position + 1 < end
                    let token = Token(kind: pair ? .bigram : .unigram,
                                      range: position..<(pair ? position + 2 : position + 1), colocated: false)
                    if !emit(token, points[token.range]) { return }
                }
                index = end
            case .digit, .letter:
                let word = wordRun(points, from: index)
                if !emit(Token(kind: .word, range: index..<word.end, colocated: false), word.text) { return }
                if index >= joinedUntil, let number = canonicalNumber(points, from: index, firstRun: word) {
                    let token = Token(kind: .canonicalNumber, range: index..<number.end, colocated: true)
                    if !emit(token, number.digits) { return }
                    joinedUntil = number.end
                }
                index = word.end
            }
        }
    }

    /// A run of digits and letters, with thousands separators (ASCII commas
    /// followed by exactly three digits) folded away.
    private func wordRun(_ points: [UInt32], from start: Int) -> (end: Int, text: [UInt32]) {
        func isDigit(_ index: Int) -> Bool { index < points.count && CharacterClass(points[index]) == .digit }
        var end = start
        var text: [UInt32] = []
        while end < points.count {
            let codePoint = points[end]
            if CharacterClass(codePoint).isWordCharacter {
                text.append(codePoint)
                end += 1
            } else if codePoint == 0x2C, isDigit(end - 1), isDigit(end + 1), isDigit(end + 2), isDigit(end + 3),
                      end + 4 >= points.count || !CharacterClass(points[end + 4]).isWordCharacter {
                end += 1
            } else {
                break
            }
        }
        return (end, text)
    }

    /// Digit groups from `start` joined across single spaces or dashes, when
    /// together they make a mobile number or a resident ID number; a single
    /// run that carries a +86 prefix counts too.
    private func canonicalNumber(
        _ points: [UInt32], from start: Int, firstRun: (end: Int, text: [UInt32])
    ) -> (end: Int, digits: [UInt32])? {
        guard firstRun.text.allSatisfy({ CharacterClass($0) == .digit }) else { return nil }
        var joined = firstRun.text
        var end = firstRun.end
        var best: (end: Int, digits: [UInt32])?
        func consider() {
            if let canonical = IdentifierForms.canonicalDigits(joined), canonical != firstRun.text || end != firstRun.end {
                best = (end, canonical)
            }
        }
        consider()
        while joined.count < 20, end + 1 < points.count,
              points[end] == 0x20 || points[end] == 0x2D,
              CharacterClass(points[end + 1]) == .digit {
            let next = wordRun(points, from: end + 1)
            joined += next.text
            end = next.end
            consider()
        }
        return best
    }
}

@inline(__always)
func appendUTF8(_ codePoint: UInt32, to bytes: inout [UInt8]) {
    switch codePoint {
    case 0..<0x80:
        bytes.append(UInt8(codePoint))
    case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | codePoint >> 6))
        bytes.append(UInt8(0x80 | codePoint & 0x3F))
    case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | codePoint >> 12))
        bytes.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | codePoint & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | codePoint >> 18))
        bytes.append(UInt8(0x80 | codePoint >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | codePoint & 0x3F))
    }
}
