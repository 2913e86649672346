import PetitionText

/// Compiles a parsed query (``SearchQuery``, the parser both backends share)
/// into a `tsquery` literal with the same meaning as SQLite's FTS5 expression
/// (`FTS5Expression`): a term is its index tokens joined by the phrase
/// operator `<->` (consecutive positions, so a Chinese term of n characters is
/// the chain of its n−1 bigrams and is found exactly where it is a
/// substring), a term's open end is a prefix (`:*`), terms of a group are
/// OR-ed, groups AND-ed, and an excluded term is `& !`. Every lexeme is
/// quoted, and holds only letters, digits and Chinese characters, so no user
/// input reaches tsquery's syntax.
enum TSQueryExpression {
    static func compile(_ query: SearchQuery) -> String {
        let positive = query.groups.map { group in
            "(" + group.map(phrase).joined(separator: " | ") + ")"
        }.joined(separator: " & ")
        return query.excluded.reduce(positive) { "(\($0)) & !(\(phrase($1)))" }
    }

    static func phrase(_ term: SearchQuery.Term) -> String {
        let lexemes = term.tokens.map { SearchVector.quoted(SearchVector.lexeme($0)) }
        return lexemes.joined(separator: " <-> ") + (term.prefix ? ":*" : "")
    }
}
