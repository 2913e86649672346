// petition-bench common-words: the two-character words that real petitions
// use often and almost never as the end of a place's or unit's name (考虑,
// 毕竟, 破坏, 包括 ...), from ICU's segmentation of a corpus. The entity
// extractor refuses them before a suffix (Sources/PetitionText/Resources/common-words.txt
// was made with this command over the 7,636 real messages).

import Foundation
import PetitionStore
import PetitionText

enum CommonWords {
    static let name = "common-words"
    static let summary = "frequent two-character words that are never names, for the entity extractor"
    static let usage = """
        usage: petition-bench common-words [--messages FILE] [--minimum N] [--limit N]
          --messages FILE     petition records (default ../shared/corpus-real/messages.jsonl)
          --minimum N         occurrences a word needs (default 5)
          --limit N           words listed at most, most frequent first (default 5000)
        A word is listed when under 2 % of its occurrences stand right before an
        estate, unit or place suffix (小区, 公司, 路 ...).
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["messages", "minimum", "limit"])
        let records = try RecordFile.records(path: options.string("messages") ?? "../shared/corpus-real/messages.jsonl")
        let minimum = options.int("minimum", default: 5), limit = options.int("limit", default: 5000)
        let segmenter = try WordSegmenter()
        let suffixes = EntityExtractor.WordLists.standard.allSuffixes
        var total: [String: Int] = [:], beforeSuffix: [String: Int] = [:]
        for record in records {
            guard case let .success(fields) = record.fields, let petition = try? RecordDecoding.petition(from: fields)
            else { continue }
            let folded = FoldedText([petition.title, petition.content].compactMap { $0 }.joined(separator: "\n"))
            let points = folded.codePoints
            for word in segmenter.words(folded) where word.range.count == 2
                && points[word.range].allSatisfy({ CharacterClass($0) == .han }) {
                total[word.text, default: 0] += 1
                let after = points[word.range.upperBound...]
                if suffixes.contains(where: { after.starts(with: $0) }) { beforeSuffix[word.text, default: 0] += 1 }
            }
        }
        let words = total.filter { $0.value >= minimum && Double(beforeSuffix[$0.key] ?? 0) < 0.02 * Double($0.value) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map(\.key)
        var lines: [String] = []
        for start in stride(from: 0, to: words.count, by: 20) {
            lines.append(words[start..<min(start + 20, words.count)].joined(separator: " "))
        }
        print(lines.joined(separator: "\n"))
    }
}
