import Foundation
import PetitionEvaluation
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

    @Test("repeat recall, join precision and the intake check hold their floors", .enabled(if: available, "needs ../shared/corpus-real beside the repository"))
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

    /// The test half's evaluation, run once for the tests that read it.
    static let ownTestReport = Result { try evaluate(pairs: ownTestHalf) }

    @Test("on the test half never tuned on, no pair judged different is advised 不予受理", .enabled(if: available, "needs ../shared/corpus-real beside the repository"))
    func noDeclineOnLookAlikesOfTheTestHalf() throws {
        let intake = try Self.ownTestReport.get().intake
        print("own test half: look-alikes advised 不予受理 \(intake.declinedLookAlikes), repeats declined "
              + "\(intake.declinedRepeats) of \(intake.repeatsFound)")
        #expect(intake.declinedLookAlikes.isEmpty, "\(intake.declinedLookAlikes)")
    }

    @Test("on the test half never tuned on, the probabilities are calibrated", .enabled(if: available, "needs ../shared/corpus-real beside the repository"))
    func calibrationOnTheTestHalf() throws {
        let table = try Self.ownTestReport.get().reliability
        print("own test half, reliability:\n" + table.markdown)
        // A floor at what the bundled calibration gave when it was fitted: at most one decile's mean
        // probability outside its share's 95 % interval (0.6–0.7: 0.65 against 0.40 of 20 pairs).
        #expect(table.outsideInterval.count <= 1)
        // The goal is ±0.05 per decile; the worst decile of ten pairs or more is 0.25 off, and with
        // 8–33 pairs in the middle deciles their shares are only known to ±0.15–0.3.
        withKnownIssue("goal missed: calibration within ±0.05 per decile on the test half (issue 19)") {
            #expect(table.worstGap() <= 0.05)
        }
    }
}
