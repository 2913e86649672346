

/// Turns one term into the index tokens that find it: the same tokenizer as
/// the documents, with the end of the term made open, because the document may
/// continue where the term stops (a term ending in 房 must find 房产证).
public struct QueryCompiler: Sendable {
    private let tokenizer = IndexTokenizer()

    public init() {}

    /// The term, or nil when it holds nothing searchable.
    public func term(_ text: String) -> SearchQuery.Term? {
        let folded = FoldedText(text)
        var tokens: [(token: IndexTokenizer.Token, text: String)] = []
        tokenizer.forEachToken(in: folded) { token, bytes in
            let string = String(decoding: bytes, as: UTF8.self)
            if token.kind == .canonicalNumber {
                // One canonical token replaces the groups it spans.
                while let last = tokens.last, last.token.range.lowerBound >= token.range.lowerBound {
                    tokens.removeLast()
                }
                tokens.append((token, string))
            } else if let last = tokens.last, last.token.kind == .canonicalNumber,
                      token.range.lowerBound < last.token.range.upperBound {
                // A group already inside the canonical number.
            } else {
                tokens.append((token, string))
            }
            return true
        }
        guard let last = tokens.last else { return nil }
        var prefix = false
        if last.token.kind == .unigram {
            if tokens.count >= 2, tokens[tokens.count - 2].token.kind == .bigram,
               tokens[tokens.count - 2].token.range.upperBound == last.token.range.upperBound {
                tokens.removeLast()
            } else {
                prefix = true
            }
        }
        return SearchQuery.Term(tokens: tokens.map(\.text), prefix: prefix, source: text)
    }
}
