/// What an investigator typed, parsed: terms separated by spaces must all
/// match, `"..."` is a phrase, `-term` excludes, `OR` between terms accepts
/// either. Parsing never fails on odd input: characters that cannot be searched
/// (quotes, `*`, parentheses, operators of FTS5 or SQL) simply separate terms.
public struct SearchQuery: Sendable, Equatable {
    /// One searchable term as a sequence of index tokens that must stand at
    /// consecutive positions; `prefix` marks the last token as a prefix.
    public struct Term: Sendable, Equatable {
        public var tokens: [String]
        public var prefix: Bool
        /// What the user typed for this term, for messages.
        public var source: String
    }

    /// Conjunction of disjunctions: every group must match (one term of each).
    public var groups: [[Term]]
    /// Terms that must not match.
    public var excluded: [Term]

    public enum ParseError: Error, Equatable, Sendable {
        /// Nothing in the query can be searched for.
        case noSearchableTerm(query: String)
        /// Only exclusions were given.
        case onlyExclusions(query: String)
        /// Longer than ``SearchQuery/maximumLength`` characters.
        case tooLong(limit: Int)
        /// More than ``SearchQuery/maximumTerms`` terms, exclusions included.
        case tooManyTerms(limit: Int)
    }

    /// What one query may ask for. Each term is a posting list to walk and a
    /// column of FTS5's match to evaluate, and the cost grows faster than the
    /// count (`的 OR 的 OR …`: 100 terms 0.7 s, 200 terms 1.9 s on 2 cores); an
    /// investigator's query has a handful, a pasted paragraph a few dozen.
    public static let maximumTerms = 32
    public static let maximumLength = 1_000

    public init(parsing query: String, compiler: QueryCompiler = QueryCompiler()) throws(ParseError) {
        guard query.count <= Self.maximumLength else { throw .tooLong(limit: Self.maximumLength) }
        var groups: [[Term]] = []
        var excluded: [Term] = []
        var pendingOr = false
        for piece in Self.pieces(of: query) {
            if piece.text == "OR" && !piece.quoted {
                pendingOr = !groups.isEmpty
                continue
            }
            guard let term = compiler.term(piece.text) else { continue }
            if piece.negated {
                excluded.append(term)
            } else if pendingOr, !groups.isEmpty {
                groups[groups.count - 1].append(term)
            } else {
                groups.append([term])
            }
            pendingOr = false
            if groups.reduce(excluded.count, { $0 + $1.count }) > Self.maximumTerms {
                throw .tooManyTerms(limit: Self.maximumTerms)
            }
        }
        if groups.isEmpty {
            if excluded.isEmpty { throw .noSearchableTerm(query: query) }
            throw .onlyExclusions(query: query)
        }
        self.groups = groups
        self.excluded = excluded
    }

    private struct Piece {
        var text: String
        var quoted: Bool
        var negated: Bool
    }

    /// Splits on white space (ASCII or ideographic), keeping quoted phrases whole.
    private static func pieces(of query: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var inQuotes = false
        var negated = false
        var quoted = false
        func flush() {
            if !current.isEmpty { pieces.append(Piece(text: current, quoted: quoted, negated: negated)) }
            current = ""
            negated = false
            quoted = false
        }
        for character in query {
            let isQuote = character == "\"" || character == "“" || character == "”" || character == "＂"
            if isQuote {
                if inQuotes { flush() } else { quoted = true }
                inQuotes.toggle()
            } else if character.isWhitespace {
                if inQuotes { current.append(character) } else { flush() }
            } else if !inQuotes && current.isEmpty && !quoted && (character == "-" || character == "－") {
                negated = true
            } else {
                current.append(character)
            }
        }
        flush()
        return pieces.map { piece in
            var piece = piece
            if piece.quoted { piece.text = joiningChineseAcrossSpaces(piece.text) }
            return piece
        }
    }

    /// Chinese is written without spaces, so a space inside a quoted phrase
    /// between two Chinese characters is dropped: "拖欠 工资" is 拖欠工资.
    private static func joiningChineseAcrossSpaces(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isWhitespace,
               let before = characters[..<index].last(where: { !$0.isWhitespace }),
               let after = characters[(index + 1)...].first(where: { !$0.isWhitespace }),
               isChinese(before), isChinese(after) {
                continue
            }
            result.append(character)
        }
        return result
    }

    private static func isChinese(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { CharacterClass($0.value) == .han } ?? false
    }
}

