import CICU

/// Maps every code point to the form that indexing and querying compare:
/// NFKC with case folding (full-width ２０１５ → 2015, Ｂ → b), then Traditional →
/// Simplified (信訪 → 信访).
///
/// Folding is strictly one code point to one code point, so a position in the
/// folded text is a position in what the clerk wrote: highlights and snippets
/// land on the original characters. The table is built once from ICU (a few
/// milliseconds); looking a character up is then a single array read, which is
/// what makes the FTS5 tokenizer fast (ICU's transliterator runs at ≈7 MB/s,
/// the table at gigabytes per second).
public struct CharacterFolding: Sendable {
    private let basicPlane: [UInt32]

    /// The folding every index and query of the product shares.
    public static let standard = CharacterFolding()

    private init() {
        var table = [UInt32](repeating: 0, count: 0x10000)
        let status = table.withUnsafeMutableBufferPointer { cicu_build_fold_table($0.baseAddress) }
        if status != 0 {
            // ICU data missing: fall back to identity plus ASCII lower-casing so the
            // tool still works, only without Traditional and full-width folding.
            for codePoint in 0..<0x10000 { table[codePoint] = UInt32(codePoint) }
            for upper in 0x41...0x5A { table[upper] = UInt32(upper + 32) }
        }
        basicPlane = table
    }

    /// The folded form of one code point.
    @inline(__always)
    public func fold(_ codePoint: UInt32) -> UInt32 {
        codePoint < 0x10000 ? basicPlane[Int(codePoint)] : codePoint
    }

    /// The folded form of a whole string (same number of code points).
    public func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(Unicode.Scalar(fold(scalar.value)) ?? scalar)
        }
        return String(result)
    }
}
