import Foundation
import PetitionDedup
import Testing

/// The detector on the 7,636 real messages, scored on the 307 pairs judged by
/// reading (`../shared/corpus-real/pairs-dev.jsonl`). The word lists and
/// weights were developed while reading these pairs' errors, so the figures
/// held here are regression floors at what was reached; the goals of 0.90
/// recall at 0.97 precision and of the intake check are for the judged pairs
/// kept apart, which the project never sees.
///
/// Slow (two imports and nightly runs of 7,636 messages): `swift test --skip Slow` leaves it out.
@Suite("Slow: real messages, judged pairs")
struct SlowRealPairsTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus-real")
    static let available = FileManager.default.fileExists(atPath: shared.appendingPathComponent("pairs-dev.jsonl").path)
    /// The pairs judged for this project (`corpus/real-pairs/`): the test half is never tuned on.
    static let ownTestHalf = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/real-pairs/own-test.jsonl")

    /// The evaluation of the real messages on one file of judged pairs, in a scratch directory.
    static func evaluate(pairs: URL) throws -> RealTextEvaluation.Report {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("petition-real-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try RealTextEvaluation(messagesPath: shared.appendingPathComponent("messages.jsonl").path,
                                      pairsPath: pairs.path, scratchDirectory: scratch.path).run()
    }

    @Test("repeat recall, join precision and the intake check hold their floors", .enabled(if: available))
    func judgedPairs() throws {
        let report = try Self.evaluate(pairs: Self.shared.appendingPathComponent("pairs-dev.jsonl"))
        let grouping = report.grouping, intake = report.intake
        print(String(format: "real pairs: repeat recall %.3f, join precision %.3f, shared issues grouped %.3f, "
                     + "different pairs in one class %.3f; intake: repeats %.3f, look-alikes kept apart %.3f",
                     grouping.repeatRecall, grouping.joinPrecision, grouping.sharedIssuesGroupedRate,
                     grouping.differentInClassRate, intake.repeatRate, intake.keptApartRate))
        #expect(grouping.repeatRecall >= 0.95)
        #expect(grouping.joinPrecision >= 0.97)
        #expect(intake.repeatRate >= 0.939)  // 109 of 116
        #expect(intake.keptApartRate >= 0.97)
        #expect(grouping.differentInClassRate == 0)
        // A look-alike joined at intake is never advised 不予受理 under a handling in progress.
        #expect(intake.declinedLookAlikes.isEmpty, "\(intake.declinedLookAlikes)")
        // The goal for look-alikes at intake is 98 %; 0.971 on these pairs.
        withKnownIssue("goal missed: intake keeps 97 % of look-alikes apart, not 98 %") {
            #expect(intake.keptApartRate >= 0.98)
        }
    }

    @Test("on the test half never tuned on, no pair judged different is advised 不予受理", .enabled(if: available))
    func noDeclineOnLookAlikesOfTheTestHalf() throws {
        let intake = try Self.evaluate(pairs: Self.ownTestHalf).intake
        print("own test half: look-alikes advised 不予受理 \(intake.declinedLookAlikes), repeats declined "
              + "\(intake.declinedRepeats) of \(intake.repeatsFound)")
        // Goal missed: 4 of 24 wrongly joined (one account, one building or hospital, another request, at high scores).
        withKnownIssue("goal missed: wrong joins at high scores are still advised 不予受理 (issue 19)") {
            #expect(intake.declinedLookAlikes.isEmpty, "\(intake.declinedLookAlikes)")
        }
        // A floor at what the decision level gave when it landed: it must not let more through.
        #expect(intake.declinedLookAlikes.count <= 4)
    }
}
