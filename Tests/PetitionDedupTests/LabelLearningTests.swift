import Foundation
@testable import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// What officials' labels may move, and how far: the gates and the text's
/// weight, as far as the labels show and no further.
@Suite("Learning from labels")
struct LabelLearningTests {
    /// A labelled pair as the learner sees it: `short` below the subject gate
    /// (or above it when negative), with the whole comfortably past its gate.
    private func label(subjectShortBy short: Double, isRepeat: Bool) -> LabelLearner.ScoredLabel {
        LabelLearner.ScoredLabel(
            inputs: CalibrationInputs(identity: 6, specifics: 0, textSimilarity: 0.3, specificAgrees: false,
                                      conceptAgrees: false, conceptDisagrees: false),
            isRepeat: isRepeat, totalWithoutText: 6, specifics: -short, textWeight: 0, matterThreshold: 0,
            subjectThreshold: 0, joinedBefore: short <= 0, probabilityBefore: 0.5)
    }

    @Test("labels the gates already decide right move nothing")
    func agreeingLabels() {
        let labels = (0..<10).map { _ in label(subjectShortBy: 1.5, isRepeat: false) }
            + (0..<10).map { _ in label(subjectShortBy: -1.5, isRepeat: true) }
        let gates = LabelLearner.bestGates(labels)
        #expect(gates.matterShift == 0 && gates.subjectShift == 0 && gates.textScale == 1)
    }

    @Test("repeats just short of the subject gate lower it, no further than the different pairs allow")
    func repeatsShortOfTheGate() {
        let labels = (0..<10).map { _ in label(subjectShortBy: 0.8, isRepeat: true) }
            + (0..<10).map { _ in label(subjectShortBy: 2.2, isRepeat: false) }
        let gates = LabelLearner.bestGates(labels)
        #expect(gates.subjectShift <= -1 && gates.subjectShift > -2.5)
        #expect(labels.allSatisfy { gates.joins($0) == $0.isRepeat })
    }

    @Test("a wrong join costs more than a missed repeat")
    func precisionFirst() {
        // Moving the gate to catch two repeats would join three different pairs.
        let labels = (0..<2).map { _ in label(subjectShortBy: 1, isRepeat: true) }
            + (0..<3).map { _ in label(subjectShortBy: 1, isRepeat: false) }
        #expect(!LabelLearner.bestGates(labels).joins(labels[0]))
    }

    @Test("learned gates decide in the scorer: a pair short of the hand-set gates joins once they are lowered")
    func scorerReadsTheLearnedGate() throws {
        let builder = try ProfileBuilder()
        let a = builder.profile(of: Petition(id: "A", receivedAt: CalendarDate(parsing: "2024-01-01")!,
                                             petitioners: [Petitioner(name: "张伟", phone: "13812345678")],
                                             title: "噪音扰民", content: "张伟反映楼下饭店夜间噪音扰民。"))
        let b = builder.profile(of: Petition(id: "B", receivedAt: CalendarDate(parsing: "2024-03-01")!,
                                             petitioners: [Petitioner(name: "张伟", phone: "13812345678")],
                                             title: "再次反映", content: "张伟再次反映，问题至今没有解决，请领导重视。"))
        var weights = MatchWeights.handSet
        let before = MatchScorer(weights: weights).score(a, b, textSimilarity: 0.2)
        try #require(before.relation != .sameMatter && before.margin < 0)
        let figures = LabelFigures(joins: [], probabilities: [], isRepeat: [])
        weights.learned = LearnedDecision(matterShift: before.margin - 0.1, subjectShift: before.margin - 0.1, textScale: 1,
                                          calibration: .bundled, sameMatterLabels: 10, differentLabels: 10,
                                          before: figures, after: figures)
        let after = MatchScorer(weights: weights).score(a, b, textSimilarity: 0.2)
        #expect(after.relation == .sameMatter)
        // What was learned travels with the weights the store keeps.
        let decoded = try JSONDecoder().decode(MatchWeights.self, from: JSONEncoder().encode(weights))
        #expect(decoded.learned == weights.learned)
    }

    @Test("too few labels are refused with what is missing, in Chinese")
    func tooFew() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try PetitionStore(path: directory.appendingPathComponent("l.db").path)
        try store.saveLabels([PairLabel("A", "B", judgment: .sameMatter, operatorName: "王", labelledAt: "2026-01-01T00:00:00Z",
                                        source: "label")])
        let error = try #require(throws: LabelLearner.TooFewLabels.self) { try LabelLearner.requireEnoughLabels(in: store) }
        #expect(error.description.contains("同一事项 1、不同事项 0"))
    }
}
