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
///
/// With `adjacent: false` a term's tokens are only AND-ed: a petition holding
/// all of a term's bigrams anywhere is found. That is a superset of the
/// phrase's matches, and one the GIN index answers alone: a phrase makes
/// PostgreSQL recheck each candidate row's vector for positions, and a term
/// made of common bigrams (三十日: 三十, 十日) sends it to thousands of rows
/// that fail. The intake check asks this way (its candidates are scored
/// afterwards anyway); search never does.
enum TSQueryExpression {
    static func compile(_ query: SearchQuery, adjacent: Bool = true) -> String {
        let positive = query.groups.map { group in
            "(" + group.map { phrase($0, adjacent: adjacent) }.joined(separator: " | ") + ")"
        }.joined(separator: " & ")
        return query.excluded.reduce(positive) { "(\($0)) & !(\(phrase($1, adjacent: adjacent)))" }
    }

    static func phrase(_ term: SearchQuery.Term, adjacent: Bool = true) -> String {
        let lexemes = term.tokens.map { SearchVector.quoted(SearchVector.lexeme($0)) }
        let joined = lexemes.joined(separator: adjacent ? " <-> " : " & ") + (term.prefix ? ":*" : "")
        return adjacent || lexemes.count < 2 ? joined : "(" + joined + ")"
    }
}
