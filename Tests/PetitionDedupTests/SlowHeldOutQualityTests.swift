import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore
import Testing

/// The goals of repeat detection on synthetic corpora the weights and word
/// lists were not set on: the first style with another seed, and the second
/// style, written independently of the first (`petition-corpus --style 2`).
/// Each corpus is generated afresh by the built generator, imported and
/// deduplicated with `dedup --full`, and scored against its truth.
///
/// The goals (F1 ≥ 0.97, no class member called a repeat, backlog recall ≥
/// 0.95) hold on another seed. The second style misses two of them; they are
/// recorded as known issues, so that the test says when they are met, beside
/// floors at the figures reached, so that it says when they fall.
///
/// Slow (two corpora of 6,000 generated, imported and deduplicated): `swift test --skip Slow` leaves it out.
@Suite("Slow: quality on corpora the detector was not tuned on", .serialized)
struct SlowHeldOutQualityTests {
    /// What one corpus scores against its truth.
    struct Scores {
        var precision: Double, recall: Double, f1: Double
        var classMembersCalledRepeats: Int
        var backlogRecall: Double
    }

    static let generator = packageDirectory.appendingPathComponent(".build/debug/petition-corpus")

    /// Generates a corpus with the built generator, deduplicates it and scores it.
    static func scores(seed: Int, style: Int) throws -> Scores {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-heldout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = generator
        process.arguments = ["--petitions", "6000", "--seed", String(seed), "--style", String(style), "--out", directory.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "petition-corpus failed")

        let corpus = try CorpusStore(petitionLines: try corpusLines(in: directory), backlogDirectory: directory)
        _ = try DedupJob(store: corpus.store).run(full: true)
        let found = try corpus.clusters(), truth = try Truth(directory: directory)

        let truthPairs = pairs(truth.matter), predicted = pairs(found.matter)
        let truePositives = Double(truthPairs.intersection(predicted).count)
        let precision = truePositives / Double(predicted.count), recall = truePositives / Double(truthPairs.count)
        let classMembers = predicted.filter { pair in
            guard let a = truth.classOf[pair[0]], a == truth.classOf[pair[1]] else { return false }
            return truth.matter[pair[0]] != truth.matter[pair[1]]
        }.count
        let linked = truth.backlog.filter { found.backlog[$0.key] == $0.value }.count
        let scores = Scores(precision: precision, recall: recall, f1: 2 * precision * recall / (precision + recall),
                            classMembersCalledRepeats: classMembers,
                            backlogRecall: Double(linked) / Double(max(1, truth.backlog.count)))
        print(String(format: "seed %d style %d: P %.4f R %.4f F1 %.4f, class members called repeats %d, backlog recall %.4f",
                     seed, style, scores.precision, scores.recall, scores.f1, scores.classMembersCalledRepeats,
                     scores.backlogRecall))
        return scores
    }

    @Test("another seed of the first style meets every goal")
    func anotherSeed() throws {
        let scores = try Self.scores(seed: 7, style: 1)
        #expect(scores.f1 >= 0.97)
        #expect(scores.classMembersCalledRepeats == 0)
        #expect(scores.backlogRecall >= 0.95)
    }

    @Test("the second style calls no class member a repeat, and holds its floors where it misses the goals")
    func secondStyle() throws {
        let scores = try Self.scores(seed: 42, style: 2)
        #expect(scores.classMembersCalledRepeats == 0)
        // Floors at the figures reached (F1 0.935, backlog recall 0.851).
        #expect(scores.f1 >= 0.934)
        #expect(scores.backlogRecall >= 0.85)
        withKnownIssue("goal missed: the second style's renderings of one matter share few words (recall 0.89)") {
            #expect(scores.f1 >= 0.97)
        }
        withKnownIssue("goal missed: the second style's backlog summaries name the place and problem in other words") {
            #expect(scores.backlogRecall >= 0.95)
        }
    }
}
