import PetitionModel
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
/// The snippet follows FTS5's `snippet()` (SQLite 3.40) rule by rule; see
/// ``snippet(columns:tokens:ellipsis:)``. Phrase instances that overlap are
/// marked as one, as FTS5 coalesces them.
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

    /// The best fragment of `size` tokens among the columns, marked, with
    /// ellipses where cut: FTS5's `snippet()` rule, step for step. Each phrase
    /// instance, in column then position order, proposes a window starting
    /// at it, scored 1,000 for each distinct phrase inside and 1 for each
    /// further instance, centred on its hits; in a column longer than the
    /// window, the sentence start before the instance (position 0, or a token
    /// after ". " or ": ") proposes a window too, with 120 (at 0) or 100 more.
    /// The first best wins. With no instance at all, the first column's start.
    func snippet(columns texts: [String?], tokens size: Int = 32, ellipsis: String = "…") -> String {
        let columns = texts.map { analyse($0 ?? "") }
        var best: (score: Int, column: Int, start: Int) = (0, 0, 0)
        for (index, column) in columns.enumerated() where !column.instances.isEmpty {
            let columnSize = (column.tokens.last?.position ?? -1) + 1
            let sentences = sentenceStarts(column)
            for candidate in column.instances {
                let start = column.tokens[candidate.first].position
                let (score, adjusted) = windowScore(column, from: start, size: size, columnSize: columnSize)
                if score > best.score { best = (score, index, adjusted) }
                guard columnSize > size, let sentence = sentences.last(where: { $0 <= start }), sentence < start else {
                    continue
                }
                let bonus = windowScore(column, from: sentence, size: size, columnSize: columnSize).score
                    + (sentence == 0 ? 120 : 100)
                if bonus > best.score { best = (bonus, index, sentence) }
            }
        }
        let column = columns[best.column]
        let from = column.tokens.firstIndex { $0.position >= best.start } ?? column.tokens.count
        let to = column.tokens.firstIndex { $0.position >= best.start + size } ?? column.tokens.count
        return render(column, from: from, to: to, wholeStart: best.start == 0, wholeEnd: to == column.tokens.count,
                      ellipsis: ellipsis)
    }

    /// FTS5's score of the window of `size` positions from `start`, and where
    /// the window goes once centred on the hits it holds.
    private func windowScore(_ column: Column, from start: Int, size: Int, columnSize: Int) -> (score: Int, start: Int) {
        var seen = Set<Int>()
        var score = 0
        var first = -1, last = 0
        for instance in column.instances {
            let position = column.tokens[instance.first].position
            guard position >= start && position < start + size else { continue }
            score += seen.insert(instance.phrase).inserted ? 1000 : 1
            if first < 0 { first = position }
            last = position + phrases[instance.phrase].tokens.count
        }
        var adjusted = first - (size - (last - first)) / 2
        if adjusted + size > columnSize { adjusted = columnSize - size }
        return (score, max(0, adjusted))
    }

    /// Positions that start a sentence as FTS5 sees one: the first, and any
    /// token preceded by white space preceded by a full stop or a colon (ASCII).
    private func sentenceStarts(_ column: Column) -> [Int] {
        var starts: [Int] = []
        var previous = -1
        for token in column.tokens where token.position != previous {
            previous = token.position
            if token.position == 0 {
                starts.append(0)
                continue
            }
            var index = token.start - 1
            while index >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(column.text[index]) { index -= 1 }
            if index != token.start - 1, index >= 0, column.text[index] == 0x2E || column.text[index] == 0x3A {
                starts.append(token.position)
            }
        }
        return starts
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
        // Instances clipped to the fragment, merged where their positions
        // overlap (FTS5 coalesces those; instances that only touch stay apart).
        var spans: [(first: Int, last: Int)] = []
        for instance in column.instances {
            let first = max(instance.first, from), last = min(instance.last, to - 1)
            guard first <= last else { continue }
            if let previous = spans.last, column.tokens[first].position <= column.tokens[previous.last].position {
                spans[spans.count - 1].last = max(previous.last, last)
            } else {
                spans.append((first, last))
            }
        }
        // A colocated token (a canonical number) spans the groups after it:
        // spans whose bytes overlap for that reason are marked as one.
        var ranges: [(Int, Int)] = []
        for span in spans {
            let range = (column.tokens[span.first].start, column.tokens[span.last].end)
            if let last = ranges.last, range.0 < last.1 {
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
