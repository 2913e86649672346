import Foundation

/// The kinds of problem petitions raise (办证, 欠薪, 拆迁 ...), detected from
/// signal words listed in `concepts.txt`. Synonyms that different clerks pick
/// (房产证, 不动产权证, 房本) land on one concept, which is what lets two
/// renderings of one matter agree and two problems at one place disagree.
public struct ProblemConcepts: Sendable {
    /// Signal word (folded) → concept.
    private let signals: [String: String]
    private let longestSignal: Int
    /// Concept names in the order of the file: a concept's index is its bit in a bit set.
    public let names: [String]
    /// First characters of signal words: most positions are skipped with one lookup.
    private let firstCharacters: Set<UInt32>

    public static let standard: ProblemConcepts = {
        guard let url = Bundle.module.url(forResource: "concepts", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return ProblemConcepts(parsing: "") }
        return ProblemConcepts(parsing: text)
    }()

    public init(parsing text: String) {
        var signals: [String: String] = [:]
        var names: [String] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let concept = parts[0].trimmingCharacters(in: .whitespaces)
            if !names.contains(concept) { names.append(concept) }
            for word in parts[1].split(separator: " ") where !word.isEmpty {
                signals[CharacterFolding.standard.fold(String(word))] = concept
            }
        }
        self.signals = signals
        self.names = names
        longestSignal = signals.keys.map(\.unicodeScalars.count).max() ?? 0
        firstCharacters = Set(signals.keys.compactMap { $0.unicodeScalars.first?.value })
    }

    public func index(of concept: String) -> Int? { names.firstIndex(of: concept) }

    /// How often each concept is signalled in the text.
    public func concepts(in folded: FoldedText) -> [String: Int] {
        var counts: [String: Int] = [:]
        let points = folded.codePoints
        var index = 0
        while index < points.count {
            guard firstCharacters.contains(points[index]) else {
                index += 1
                continue
            }
            var matched = 0
            var length = min(longestSignal, points.count - index)
            while length >= 2 {
                if let concept = signals[folded.string(index..<index + length)] {
                    counts[concept, default: 0] += 1
                    matched = length
                    break
                }
                length -= 1
            }
            index += max(matched, 1)
        }
        return counts
    }
}
