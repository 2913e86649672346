import CICU

/// The toneless pinyin of Chinese characters, from ICU's Han-Latin
/// transliterator: what lets 张伟 meet 张玮 or Zhang Wei, and 金贸 meet 金茂,
/// when a clerk or a citizen writes a name by its sound.
///
/// Built once for the unified ideographs in one transliterator call (a call
/// per character would cost about a thousand times more); a lookup is then
/// an array read. Characters ICU leaves alone have no syllable.
public struct Pinyin: Sendable {
    private static let first: UInt32 = 0x3400
    private static let last: UInt32 = 0x9FFF
    /// Syllable of each code point from `first` to `last`, "" when none.
    private let syllables: [String]

    /// The table the whole product shares.
    public static let standard = Pinyin()

    private init() {
        var capacity = Int(Self.last - Self.first + 1) * 8
        var bytes = [CChar](repeating: 0, count: capacity)
        var written = bytes.withUnsafeMutableBufferPointer {
            cicu_pinyin_syllables(Self.first, Self.last, $0.baseAddress, Int32(capacity))
        }
        if written > capacity {
            capacity = Int(written)
            bytes = [CChar](repeating: 0, count: capacity)
            written = bytes.withUnsafeMutableBufferPointer {
                cicu_pinyin_syllables(Self.first, Self.last, $0.baseAddress, Int32(capacity))
            }
        }
        let count = Int(Self.last - Self.first + 1)
        guard written > 0 else {
            // ICU data missing: names and places are then compared as written only.
            syllables = Array(repeating: "", count: count)
            return
        }
        var lines = bytes.prefix(Int(written)).split(separator: CChar(10), omittingEmptySubsequences: false)
            .map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        lines = Array(lines.prefix(count))
        lines += Array(repeating: "", count: count - lines.count)
        syllables = lines
    }

    /// The syllable of one (folded) code point, nil when it has none.
    public func syllable(_ codePoint: UInt32) -> String? {
        guard codePoint >= Self.first, codePoint <= Self.last else { return nil }
        let syllable = syllables[Int(codePoint - Self.first)]
        return syllable.isEmpty ? nil : syllable
    }

    /// The syllables of a text, in order; letters and digits pass through lower-cased,
    /// anything else is dropped. "张伟" and "Zhang Wei" both give ["zhang", "wei"].
    public func syllables(of text: String) -> [String] {
        var result: [String] = []
        var latin = ""
        for scalar in CharacterFolding.standard.fold(text).unicodeScalars {
            if let syllable = syllable(scalar.value) {
                if !latin.isEmpty { result.append(latin); latin = "" }
                result.append(syllable)
            } else if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                latin.unicodeScalars.append(scalar)
            } else if !latin.isEmpty {
                result.append(latin)
                latin = ""
            }
        }
        if !latin.isEmpty { result.append(latin) }
        return result
    }
}
