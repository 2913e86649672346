/// The name a place's key stands for, as petitions write it.
///
/// The extractor keys a place by two characters and its suffix (家洼村 for
/// 丁家洼村, 宏达有限公司 for 宏达建筑工程有限公司) so that petitions naming it
/// differently still agree; a report shown to people needs the name itself.
/// The name is read back from the petitions that gave the key: from the key's
/// first two characters, leftwards as far as every mention agrees and no
/// function word, pronoun or verb of place (the extractor's own stop lists)
/// intervenes, and rightwards to the key's suffix.
public struct PlaceNames: Sendable {
    /// Characters a name is not extended over, leftwards: they begin no name.
    private let stops: Set<UInt32>
    /// How far left of the key a name may reach; more is a sentence, not a name.
    static let maximumPrefix = 6
    /// How far right of the key's first two characters its suffix may stand
    /// (a unit's name sheds words that say what it does: 宏达建筑工程有限公司).
    static let maximumGap = 8

    public init(lists: EntityExtractor.WordLists = .standard) {
        stops = lists.nameStops.union(lists.firstCharacterStops).union(lists.objectVerbs)
    }

    /// The fullest name for `key` that the mentions in `texts` agree on; the
    /// key itself when no text writes it.
    public func fullName(ofKey key: String, in texts: [String]) -> String {
        let keyPoints = Array(key.unicodeScalars.map(\.value))
        guard keyPoints.count >= 3 else { return key }
        let core = Array(keyPoints.prefix(2)), suffix = Array(keyPoints.dropFirst(2))
        var spans: [(text: [UInt32], start: Int, end: Int)] = []
        for text in texts {
            // Keys are taken from folded text (simplified, half-width), and so is the name.
            let points = FoldedText(text).codePoints
            var index = 0
            while index + core.count <= points.count {
                defer { index += 1 }
                guard points[index..<index + core.count].elementsEqual(core),
                      let end = suffixEnd(points, after: index + core.count, suffix: suffix) else { continue }
                spans.append((points, index, end))
            }
        }
        guard let first = spans.first else { return key }
        // Leftwards while every mention has the same name character there.
        var prefix = 0
        while prefix < Self.maximumPrefix {
            let position = first.start - prefix - 1
            guard position >= 0 else { break }
            let character = first.text[position]
            guard CharacterClass(character) == .han, !stops.contains(character),
                  spans.allSatisfy({ $0.start - prefix - 1 >= 0 && $0.text[$0.start - prefix - 1] == character })
            else { break }
            prefix += 1
        }
        // The shortest written form between the two characters and the suffix: the name, not a sentence.
        let best = spans.min { ($0.end - $0.start) < ($1.end - $1.start) }!
        var name = String.UnicodeScalarView()
        for point in first.text[(first.start - prefix)..<first.start] + best.text[best.start..<best.end] {
            if let scalar = Unicode.Scalar(point) { name.append(scalar) }
        }
        return String(name)
    }

    /// Where `suffix` ends when it follows at `start` or within a few Han characters of it.
    private func suffixEnd(_ points: [UInt32], after start: Int, suffix: [UInt32]) -> Int? {
        var position = start
        while position + suffix.count <= points.count, position - start <= Self.maximumGap {
            if points[position..<position + suffix.count].elementsEqual(suffix) { return position + suffix.count }
            guard CharacterClass(points[position]) == .han else { return nil }
            position += 1
        }
        return nil
    }
}
