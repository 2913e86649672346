import Foundation
import PetitionModel
import PetitionText

/// Links matters to backlog cases. A backlog case is written by officials
/// about a matter, not by its petitioners: its title and summary name the
/// place, the problem and the history, rarely the petitioner's ID. So it is
/// scored against petitions by the same scorer as petitions against each
/// other, with weights of its own (``MatchWeights/backlogLink``), region first.
///
/// A case naming one petitioner (谭某反映…) links the matter that fits it best.
/// A case naming none — about a whole group (某区群众：…, 四十余户业主, 七十二名
/// 农民工) or only a one-line title (X小区业主办证问题) — links every matter
/// that fits it.
struct BacklogLinker {
    let index: CorpusIndex
    let grouping: MatterGrouping
    let classes: MatterGrouping.Classes
    let scorer: MatchScorer
    /// One per worker: a builder holds an ICU segmenter, which is not shared between threads.
    private let builders: [ProfileBuilder]
    /// The matters of each class case.
    private let mattersOfClass: [String: [String]]

    /// Log-odds a matter needs to be linked to a case: even odds. A case about
    /// one petitioner links the best matter above it, a case about many every
    /// matter above it. The case's place, problem and region (with a surname
    /// for one petitioner) reach it however differently an official's summary
    /// reads from a petition.
    static let linkThreshold = 0.0

    init(index: CorpusIndex, grouping: MatterGrouping, classes: MatterGrouping.Classes,
         workers: Int = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))) throws {
        self.index = index
        self.grouping = grouping
        self.classes = classes
        scorer = MatchScorer(weights: .backlogLink)
        builders = try (0..<max(1, workers)).map { _ in try ProfileBuilder() }
        mattersOfClass = Dictionary(uniqueKeysWithValues: classes.groups.map { ($0.classID, $0.matters) })
    }

    /// A case as the scorer sees it: its profile as if it were a petition, with
    /// its petitioner's surname when it names one petitioner (`forOne`).
    static func profile(of backlogCase: BacklogCase, builder: ProfileBuilder) -> (profile: PetitionProfile, forOne: Bool) {
        let petition = Petition(
            id: backlogCase.caseID, receivedAt: backlogCase.openedAt ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            province: backlogCase.province, city: backlogCase.city, county: backlogCase.county,
            category: backlogCase.category, title: backlogCase.title, content: backlogCase.summary ?? "")
        var profile = builder.profile(of: petition)
        let persons = PersonReferences()
        let text = FoldedText(backlogCase.title + "\n" + (backlogCase.summary ?? ""))
        // The leader who owns the case (由某市副市长王某包案) is named too: not a petitioner.
        let leaders = Set(persons.maskedSurnames(in: FoldedText(backlogCase.leader ?? "")))
        // The first person named is the petitioner (常某反映…, 信访人董某诉称); others
        // are the other party (与彭某劳务纠纷) or officials.
        let petitioner = persons.maskedSurnames(in: text).first { !leaders.contains($0) }
        let forOne = petitioner != nil && !GroupReferences.standard.speaksForMany(text)
        if forOne, let petitioner { profile.surnames = [petitioner] }
        return (profile, forOne)
    }

    /// Matter id → case id. Cases are scored on several threads (each case
    /// reads the index and writes only its own result); a matter fitting
    /// several cases keeps the best, the earlier case on a tie, as if scored in turn.
    func links(for cases: [BacklogCase]) -> [String: String] {
        var outcomes = [[(matter: String, score: Double)]](repeating: [], count: cases.count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedForLinking(linker: self, cases: cases, outcomes: buffer)
            DispatchQueue.concurrentPerform(iterations: builders.count) { worker in
                for position in stride(from: worker, to: shared.cases.count, by: shared.linker.builders.count) {
                    shared.outcomes[position] = shared.linker.linkedMatters(
                        shared.cases[position], builder: shared.linker.builders[worker])
                }
            }
        }
        var best: [String: (caseID: String, score: Double)] = [:]
        for (backlogCase, linked) in zip(cases, outcomes) {
            for (matter, score) in linked where (best[matter]?.score ?? -.infinity) < score {
                best[matter] = (backlogCase.caseID, score)
            }
        }
        return best.mapValues(\.caseID)
    }

    /// The matters a case links, with their scores.
    private func linkedMatters(_ backlogCase: BacklogCase, builder: ProfileBuilder) -> [(matter: String, score: Double)] {
        let (caseProfile, forOne) = Self.profile(of: backlogCase, builder: builder)
        let caseVector = index.statistics.vector(caseProfile).truncated(to: CorpusIndex.vectorWords)
        let caseFeatures = MatchFeatures(caseProfile)
        func fit(_ offset: Int) -> Double? {
            guard let features = index.features[offset] else { return nil }
            return scorer.score(caseFeatures, features, textSimilarity: index.similarity(caseVector, offset)).logOdds
        }
        var scores: [String: Double] = [:]
        for offset in index.entries(sharingKeysWith: caseProfile) {
            let matter = grouping.matterOf[offset]
            guard !matter.isEmpty, let score = fit(offset) else { continue }
            scores[matter] = max(scores[matter] ?? -.infinity, score)
        }
        let fitting = scores.filter { $0.value >= Self.linkThreshold }
        guard let top = fitting.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return [] }
        if forOne { return [(top.key, top.value)] }
        let linked = fitting
        return linked.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// What the linking workers share. Unchecked: while links are computed nothing
/// mutates the index, the grouping or the cases, each worker uses its own
/// profile builder, and each writes only the outcome slots of its own cases.
private struct SharedForLinking: @unchecked Sendable {
    let linker: BacklogLinker
    let cases: [BacklogCase]
    let outcomes: UnsafeMutableBufferPointer<[(matter: String, score: Double)]>
}
