import PetitionStore
import PetitionText

/// FTS5's `highlight()` and `snippet()` for the PostgreSQL backend, done in
/// Swift on the rows a search returns (at most a page of them): the text is
/// tokenized by the same analyzer as the index, each instance of a query
/// phrase is found at consecutive positions, and the original characters it
/// spans are marked with ``SearchHit/highlightStart`` and ``SearchHit/highlightEnd``.
///
/// `ts_headline` is not used: it would re-tokenize the Chinese text with
/// PostgreSQL's parser, which knows nothing of bigrams.
///
/// The snippet follows FTS5's rule as far as it matters to a reader: the
/// column (title, content, respondent) and window of `tokens` tokens holding
/// the most distinct phrases, then the most hits, the window centred on its
/// hits, an ellipsis where it cuts the text. FTS5's tie-breaking between
/// equal windows is not copied, so a snippet may start a few tokens apart
/// from SQLite's; the ids and their order do not depend on it.
struct SearchHighlighter {
    private struct Token {
        var lexeme: String
        var position: Int
        var start: Int
        var end: Int
    }

    private struct Column {
        var text: [UInt8]
        var tokens: [Token]
        /// Byte ranges of phrase instances, by the index of their first and last token.
        var instances: [(phrase: Int, first: Int, last: Int)]
    }

    let phrases: [SearchQuery.Term]

    init(query: SearchQuery) {
        phrases = query.groups.flatMap { $0 }
    }

    /// The title with every phrase instance marked.
    func highlight(_ text: String) -> String {
        let column = analyse(text)
        return render(column, from: 0, to: column.tokens.count, wholeStart: true, wholeEnd: true)
    }

    /// The best fragment of `tokens` tokens among the columns, marked, with ellipses where cut.
    func snippet(columns texts: [String?], tokens size: Int = 32, ellipsis: String = "…") -> String {
        let columns = texts.map { analyse($0 ?? "") }
        var best: (score: Int, column: Int, start: Int)?
        for (index, column) in columns.enumerated() where !column.instances.isEmpty {
            for candidate in column.instances {
                let start = column.tokens[candidate.first].position
                var distinct = Set<Int>()
                var hits = 0
                var lastPosition = start
                for instance in column.instances {
                    let first = column.tokens[instance.first].position, last = column.tokens[instance.last].position
                    guard first >= start, last < start + size else { continue }
                    distinct.insert(instance.phrase)
                    hits += 1
                    lastPosition = max(lastPosition, last)
                }
                let score = distinct.count * 1000 + hits
                if best == nil || score > best!.score {
                    // Centre the window on its hits, within the column.
                    let columnEnd = (column.tokens.last?.position ?? 0) + 1
                    let spare = size - (lastPosition - start + 1)
                    var adjusted = max(0, start - spare / 2)
                    if adjusted + size > columnEnd { adjusted = max(0, columnEnd - size) }
                    best = (score, index, adjusted)
                }
            }
        }
        guard let best else {
            // No hit in any column: FTS5 shows the start of the first non-empty one.
            guard let column = columns.first(where: { !$0.tokens.isEmpty }) else { return "" }
            let end = column.tokens.firstIndex { $0.position >= size } ?? column.tokens.count
            return render(column, from: 0, to: end, wholeStart: true, wholeEnd: end == column.tokens.count,
                          ellipsis: ellipsis)
        }
        let column = columns[best.column]
        let from = column.tokens.firstIndex { $0.position >= best.start } ?? column.tokens.count
        let to = column.tokens.firstIndex { $0.position >= best.start + size } ?? column.tokens.count
        return render(column, from: from, to: to, wholeStart: from == 0, wholeEnd: to == column.tokens.count,
                      ellipsis: ellipsis)
    }

    private func analyse(_ text: String) -> Column {
        let folded = FoldedText(text)
        var tokens: [Token] = []
        var counter = -1
        IndexTokenizer().forEachToken(in: folded) { token, bytes in
            if !token.colocated || counter < 0 { counter += 1 }
            tokens.append(Token(lexeme: SearchVector.lexeme(bytes), position: counter,
                                start: Int(folded.byteOffsets[token.range.lowerBound]),
                                end: Int(folded.byteOffsets[token.range.upperBound])))
            return true
        }
        // Tokens by position, for phrase matching.
        var atPosition: [Int: [Int]] = [:]
        for (index, token) in tokens.enumerated() { atPosition[token.position, default: []].append(index) }
        var instances: [(phrase: Int, first: Int, last: Int)] = []
        for (phraseIndex, phrase) in phrases.enumerated() {
            let lexemes = phrase.tokens.map(SearchVector.lexeme)
            guard !lexemes.isEmpty else { continue }
            for (index, token) in tokens.enumerated() where matches(token.lexeme, lexemes[0], prefix: phrase.prefix && lexemes.count == 1) {
                var last = index
                var found = true
                for offset in 1..<max(1, lexemes.count) {
                    let isLast = offset == lexemes.count - 1
                    guard let next = atPosition[token.position + offset]?.first(where: {
                        matches(tokens[$0].lexeme, lexemes[offset], prefix: phrase.prefix && isLast)
                    }) else {
                        found = false
                        break
                    }
                    last = next
                }
                if found { instances.append((phraseIndex, index, last)) }
            }
        }
        instances.sort { $0.first != $1.first ? $0.first < $1.first : $0.last < $1.last }
        return Column(text: Array(text.utf8), tokens: tokens, instances: instances)
    }

    private func matches(_ lexeme: String, _ wanted: String, prefix: Bool) -> Bool {
        prefix ? lexeme.utf8.starts(with: wanted.utf8) : lexeme == wanted
    }

    /// The text of tokens `from..<to`, with marks around the merged phrase instances inside.
    private func render(_ column: Column, from: Int, to: Int, wholeStart: Bool, wholeEnd: Bool,
                        ellipsis: String = "") -> String {
        guard from < to else { return wholeStart && wholeEnd ? String(decoding: column.text, as: UTF8.self) : "" }
        let startByte = wholeStart ? 0 : column.tokens[from].start
        let endByte = wholeEnd ? column.text.count : column.tokens[to - 1].end
        // Byte ranges to mark, merged where they overlap or touch.
        var ranges: [(Int, Int)] = []
        for instance in column.instances where instance.first >= from && instance.last < to {
            let range = (column.tokens[instance.first].start, column.tokens[instance.last].end)
            if let last = ranges.last, range.0 <= last.1 {
                ranges[ranges.count - 1].1 = max(last.1, range.1)
            } else {
                ranges.append(range)
            }
        }
        var output = [UInt8]()
        output.reserveCapacity(endByte - startByte + 16)
        if !wholeStart { output += Array(ellipsis.utf8) }
        var cursor = startByte
        for (start, end) in ranges {
            output += column.text[cursor..<start]
            output += Array(SearchHit.highlightStart.utf8)
            output += column.text[start..<end]
            output += Array(SearchHit.highlightEnd.utf8)
            cursor = end
        }
        output += column.text[cursor..<endByte]
        if !wholeEnd { output += Array(ellipsis.utf8) }
        return String(decoding: output, as: UTF8.self)
    }
}
