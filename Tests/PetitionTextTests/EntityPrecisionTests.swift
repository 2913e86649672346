import Foundation
import Testing
@testable import PetitionText

/// The extractor's places and units on real messages, against 250 mentions
/// drawn from them (`petition-bench entities --sample 250 --seed 11`) and
/// judged by reading their context (Fixtures/entity-judgements.jsonl).
@Suite("Entity precision on real messages")
struct EntityPrecisionTests {
    struct Judgement: Decodable {
        var id: String
        var kind: String
        var entity: String
        var judgement: String
    }

    static let messagesPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus-real/messages.jsonl").path

    /// Title and content of the judged messages.
    static func texts(of ids: Set<String>) throws -> [String: String] {
        var texts: [String: String] = [:]
        for line in try String(contentsOfFile: messagesPath, encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, ids.contains(id) else { continue }
            texts[id] = [object["title"] as? String, object["content"] as? String].compactMap { $0 }.joined(separator: "\n")
        }
        return texts
    }

    struct Measure {
        var precision: Double
        var kept: Double
    }

    /// Precision of the judged mentions the extractor still finds, and the share of judged real names it keeps.
    static func measure(_ fixture: String) throws -> Measure {
        let url = try #require(Bundle.module.url(forResource: fixture, withExtension: "jsonl", subdirectory: "Fixtures"))
        let judgements = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Judgement.self, from: Data($0.utf8)) }
        let texts = try Self.texts(of: Set(judgements.map(\.id)))
        let extractor = EntityExtractor()
        var good = 0, junk = 0, goodJudged = 0
        var junkKept: [String] = []
        for judgement in judgements {
            let text = try #require(texts[judgement.id])
            let extracted = extractor.mentions(in: text).contains { $0.kind.rawValue == judgement.kind && $0.key == judgement.entity }
            if judgement.judgement == "good" { goodJudged += 1 }
            guard extracted else { continue }
            if judgement.judgement == "good" {
                good += 1
            } else {
                junk += 1
                junkKept.append(judgement.entity)
            }
        }
        let precision = Double(good) / Double(max(1, good + junk))
        let kept = Double(good) / Double(max(1, goodJudged))
        print(String(format: "%@: entity precision %.3f (%d/%d), judged real names kept %.3f (%d/%d); junk kept: %@",
                     fixture, precision, good, good + junk, kept, good, goodJudged, junkKept.joined(separator: " ")))
        return Measure(precision: precision, kept: kept)
    }

    /// The sample the word lists were developed on (seed 11): a regression floor.
    @Test("on the development sample, precision and kept real names stay at their floor",
          .enabled(if: FileManager.default.fileExists(atPath: messagesPath),
                   "needs ../shared/corpus-real/messages.jsonl beside the repository"))
    func developmentSample() throws {
        let measure = try Self.measure("entity-judgements")
        #expect(measure.precision >= 0.97)
        // Precision bought by extracting nothing would be no precision at all.
        #expect(measure.kept >= 0.90)
    }

    /// A sample drawn after the word lists were written (seed 23), judged the
    /// same way: the goal of 95 % holds here or is reported missed. First
    /// measured at 0.904 (226 of 250): idioms (经之路, 权之路), type words (人事公司,
    /// 铁路公司, 型砖厂) and verb phrases (地盖厂, 后堵路) the lists do not hold;
    /// 0.911 once 砖 became a type word (for 兴隆砖厂 and 隆兴砖厂 to meet).
    @Test("on a held-out sample, at least 95 % of the judged mentions still extracted are real names",
          .enabled(if: FileManager.default.fileExists(atPath: messagesPath),
                   "needs ../shared/corpus-real/messages.jsonl beside the repository"))
    func heldOutSample() throws {
        let measure = try Self.measure("entity-judgements-heldout")
        #expect(measure.kept >= 0.90)
        withKnownIssue("goal missed: held-out entity precision below 0.95") {
            #expect(measure.precision >= 0.95)
        }
    }
}
