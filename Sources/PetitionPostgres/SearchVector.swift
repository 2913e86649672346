import PetitionText

/// A petition's full-text index entry as a PostgreSQL `tsvector` literal,
/// built in Swift by the same analyzer as SQLite's FTS5 tokenizer
/// (``IndexTokenizer``: folded text, Chinese as overlapping bigrams, numbers
/// canonical). PostgreSQL never tokenizes Chinese itself: the literal is cast
/// with `::tsvector`, which only parses it.
///
/// FTS5 keeps three columns (title, content, respondent) and numbers each
/// column's tokens from 0; a phrase never spans two columns. Here the three
/// go into one vector, weighted A (title), D (content) and B (respondent),
/// one after the other with a gap of one position between them, so that no
/// phrase (`<->`) can join the end of one to the start of the next. A
/// colocated token (a canonical phone or ID number) shares the position of
/// the token before it, as in FTS5.
///
/// PostgreSQL's limits, and what they cost:
/// - positions stop at 16,383 (``maximumPosition``): tokens past it all sit at
///   16,383, so a phrase lying wholly past it is not found (a single token is);
///   about 16,000 characters of title and text, against petitions of a few hundred;
/// - a lexeme keeps at most 256 positions: a bigram repeated more often than
///   that in one petition loses its later positions for phrases;
/// - a lexeme holds at most 2,046 bytes (``maximumLexemeBytes``): longer
///   letter-or-digit runs are cut there, in the index and in queries alike.
enum SearchVector {
    static let maximumPosition = 16_383
    static let maximumLexemeBytes = 2_046

    /// The literal for a petition's three indexed fields.
    static func literal(title: String?, content: String, respondent: String?) -> String {
        var positions: [String: [(position: Int, weight: Character?)]] = [:]
        var order: [String] = []
        var base = 0
        for (text, weight) in [(title, Character("A")), (content, nil), (respondent, Character("B"))] {
            guard let text, !text.isEmpty else { continue }
            var last = -1
            var counter = -1
            let folded = FoldedText(text)
            IndexTokenizer().forEachToken(in: folded) { token, bytes in
                if !token.colocated || counter < 0 { counter += 1 }
                let position = min(maximumPosition, base + counter + 1)
                let lexeme = Self.lexeme(bytes)
                if positions[lexeme] == nil { order.append(lexeme) }
                positions[lexeme, default: []].append((position, weight))
                last = position
                return true
            }
            if last >= 0 { base = last + 1 }
        }
        var literal = ""
        literal.reserveCapacity(order.count * 16)
        for lexeme in order {
            if !literal.isEmpty { literal.append(" ") }
            literal.append(quoted(lexeme))
            literal.append(":")
            var first = true
            for (position, weight) in positions[lexeme]! {
                if !first { literal.append(",") }
                first = false
                literal.append(String(position))
                if let weight { literal.append(weight) }
            }
        }
        return literal
    }

    /// A token's text as a lexeme, cut to PostgreSQL's limit on a character boundary.
    static func lexeme(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > maximumLexemeBytes else { return String(decoding: bytes, as: UTF8.self) }
        var end = maximumLexemeBytes
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }

    static func lexeme(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { lexeme($0) }
    }

    /// A lexeme quoted for `tsvector` and `tsquery` input.
    static func quoted(_ lexeme: String) -> String {
        var result = "'"
        for character in lexeme {
            if character == "'" { result.append("''") } else if character == "\\" { result.append("\\\\") } else {
                result.append(character)
            }
        }
        return result + "'"
    }
}
