// petition-bench entities: a fixed sample of the places and units the entity
// extractor finds in real messages, each with the text around it, for judging
// by reading (the judged sample is Tests/PetitionTextTests/Fixtures/entity-judgements.jsonl).

import Foundation
import PetitionModel
import PetitionStore
import PetitionText

enum EntitySample {
    static let name = "entities"
    static let summary = "a fixed sample of extracted entities in real messages, with context, for judging"
    static let usage = """
        usage: petition-bench entities [--messages FILE] [--sample N] [--seed S]
               petition-bench entities --text TEXT
          --messages FILE     petition records (default ../shared/corpus-real/messages.jsonl)
          --sample N          entities to list (default 250), drawn evenly over the messages with seed S (default 1)
          --text TEXT         what the extractor finds in one text: each mention, and the problem concepts
        prints one JSON object per line: {"id", "kind", "entity", "context"}
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["messages", "sample", "seed", "text"])
        if let text = options.string("text") {
            for found in EntityExtractor().mentions(in: text) { print("\(found.kind.rawValue)\t\(found.key)\t\(found.context)") }
            let concepts = ProblemConcepts.standard.concepts(in: FoldedText(text))
            print("concepts\t" + concepts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
            return
        }
        let records = try RecordFile.records(path: options.string("messages") ?? "../shared/corpus-real/messages.jsonl")
        let wanted = options.int("sample", default: 250)
        var random = SeededRandom(seed: UInt64(options.int("seed", default: 1)))
        let extractor = EntityExtractor()
        var lines: [String] = []
        var attempts = 0
        while lines.count < wanted && attempts < wanted * 50 {
            attempts += 1
            let record = records[random.int(records.count)]
            guard case let .success(fields) = record.fields, let petition = try? RecordDecoding.petition(from: fields)
            else { continue }
            let text = [petition.title, petition.content].compactMap { $0 }.joined(separator: "\n")
            for found in extractor.mentions(in: text).shuffledDeterministically(&random).prefix(1) {
                let object: [String: String] = ["id": petition.id, "kind": found.kind.rawValue, "entity": found.key,
                                                "context": found.context]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        print(lines.joined(separator: "\n"))
    }
}

extension Array {
    func shuffledDeterministically(_ random: inout SeededRandom) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, random.int(index + 1)) }
        return copy
    }
}
