import CICU
import Foundation

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
