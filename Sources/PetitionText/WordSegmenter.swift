import CICU
import Foundation

/// A word of folded text, with where it stands.
public struct Word: Sendable, Equatable, Hashable {
    /// The folded word (Simplified, half-width, lower case).
    public var text: String
    /// Code point offsets into the text it came from.
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

/// Splits text into words with ICU's dictionary word break iterator (locale
/// zh), then joins the pieces ICU cuts domain terms into (信|访人, 越|级) back
/// together with the ``Lexicon``. Punctuation and spaces are skipped by ICU's
/// rule status. Folding comes first, because ICU segments Traditional text worse.
///
/// Holds an ICU iterator, which is not thread-safe: use one segmenter per thread.
public final class WordSegmenter {
    private let breaker: OpaquePointer
    private let lexicon: Lexicon
    private var starts: [Int32] = Array(repeating: 0, count: 256)
    private var ends: [Int32] = Array(repeating: 0, count: 256)

    public enum SegmenterError: Error {
        case icuUnavailable(code: Int32)
    }

    public init(lexicon: Lexicon = .standard) throws {
        var error: Int32 = 0
        guard let breaker = cicu_word_breaker_open(&error) else { throw SegmenterError.icuUnavailable(code: error) }
        self.breaker = breaker
        self.lexicon = lexicon
    }

    deinit { cicu_word_breaker_close(breaker) }

    public func words(_ text: String) -> [Word] {
        words(FoldedText(text))
    }

    public func words(_ folded: FoldedText) -> [Word] {
        // ICU works on UTF-16; keep a map back to code point offsets.
        var utf16: [UInt16] = []
        utf16.reserveCapacity(folded.count)
        var codePointAtUnit: [Int32] = []
        codePointAtUnit.reserveCapacity(folded.count + 1)
        for (index, codePoint) in folded.codePoints.enumerated() {
            let scalar = Unicode.Scalar(codePoint) ?? "\u{FFFD}"
            for unit in UTF16.encode(scalar)! {
                utf16.append(unit)
                codePointAtUnit.append(Int32(index))
            }
        }
        codePointAtUnit.append(Int32(folded.count))
        var count = segment(utf16)
        if count > starts.count {
            starts = Array(repeating: 0, count: count)
            ends = Array(repeating: 0, count: count)
            count = segment(utf16)
        }
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(count)
        for index in 0..<max(count, 0) {
            pieces.append(Int(codePointAtUnit[Int(starts[index])])..<Int(codePointAtUnit[Int(ends[index])]))
        }
        return lexicon.join(pieces, in: folded)
    }

    private func segment(_ utf16: [UInt16]) -> Int {
        let capacity = Int32(starts.count)
        return Int(utf16.withUnsafeBufferPointer { text in
            starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    cicu_word_breaker_words(breaker, text.baseAddress, Int32(text.count),
                                            starts.baseAddress, ends.baseAddress, capacity)
                }
            }
        })
    }
}

/// Domain terms that ICU's dictionary splits, kept in `lexicon.txt` (one term a
/// line, `#` comments) so that the people who know the vocabulary can grow it.
public struct Lexicon: Sendable {
    public let terms: Set<String>
    /// The longest term, in code points: bounds how many pieces a join looks at.
    public let longestTerm: Int

    public static let standard: Lexicon = {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return Lexicon(terms: []) }
        return Lexicon(parsing: text)
    }()

    /// FNV-1a of each term's code points: a join hashes the spans it tries
    /// as it extends them, instead of building a string for each.
    private let termHashes: Set<UInt64>

    public init(terms: some Sequence<String>) {
        let folded = Set(terms.map { CharacterFolding.standard.fold($0) }.filter { !$0.isEmpty })
        self.terms = folded
        longestTerm = folded.map(\.unicodeScalars.count).max() ?? 0
        termHashes = Set(folded.map { term in term.unicodeScalars.reduce(Self.hashBasis) { Self.hash($0, $1.value) } })
    }

    private static let hashBasis: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    private static func hash(_ value: UInt64, _ codePoint: UInt32) -> UInt64 {
        (value ^ UInt64(codePoint)) &* 0x100000001b3
    }

    public init(parsing text: String) {
        self.init(terms: text.split(whereSeparator: \.isNewline).compactMap { line in
            let term = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            return term.isEmpty ? nil : term
        })
    }

    /// Joins runs of adjacent pieces whose concatenation is a term, longest first.
    func join(_ pieces: [Range<Int>], in folded: FoldedText) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(pieces.count)
        var index = 0
        while index < pieces.count {
            var joinedEnd = index
            if !terms.isEmpty {
                var span = pieces[index].reduce(Self.hashBasis) { Self.hash($0, folded.codePoints[$1]) }
                var last = index + 1
                while last < pieces.count, pieces[last].lowerBound == pieces[last - 1].upperBound,
                      pieces[last].upperBound - pieces[index].lowerBound <= longestTerm {
                    for position in pieces[last] { span = Self.hash(span, folded.codePoints[position]) }
                    // A hash hit is confirmed on the text itself.
                    if termHashes.contains(span),
                       terms.contains(folded.string(pieces[index].lowerBound..<pieces[last].upperBound)) {
                        joinedEnd = last
                    }
                    last += 1
                }
            }
            let range = pieces[index].lowerBound..<pieces[joinedEnd].upperBound
            words.append(Word(text: folded.string(range), range: range))
            index = joinedEnd + 1
        }
        return words
    }
}
