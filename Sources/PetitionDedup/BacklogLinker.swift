import Foundation
import PetitionStore
import PetitionText

/// Links matters to backlog cases. A backlog case is written by officials
/// about a matter, not by its petitioners: its title and summary name the
/// place, the problem and the history, rarely the petitioner's ID. So it is
/// matched on place, problem kind, specifics and words, region first; a case
/// about a whole class (48户村民, 业主们) links every member matter.
struct BacklogLinker {
    let index: CorpusIndex
    let grouping: MatterGrouping
    let classes: MatterGrouping.Classes
    let scorer: MatchScorer
    /// One per worker: a builder holds an ICU segmenter, which is not shared between threads.
    private let builders: [ProfileBuilder]
    /// The matters of each class case.
    private let mattersOfClass: [String: [String]]

    /// Log-odds a matter needs to be linked.
    static let linkThreshold = 1.5
    /// How far below the best matter another one may score and still belong
    /// to a case about many petitioners.
    static let classMargin = 5.0
    /// What a member of the best matter's class case needs to share the link:
    /// not to contradict the case (another place, problem or region).
    static let memberThreshold = -2.0

    init(index: CorpusIndex, grouping: MatterGrouping, classes: MatterGrouping.Classes, scorer: MatchScorer,
         workers: Int = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))) throws {
        self.index = index
        self.grouping = grouping
        self.classes = classes
        self.scorer = scorer
        builders = try (0..<max(1, workers)).map { _ in try ProfileBuilder() }
        mattersOfClass = Dictionary(uniqueKeysWithValues: classes.groups.map { ($0.classID, $0.matters) })
    }

    func profile(of backlogCase: BacklogCase, builder: ProfileBuilder) -> PetitionProfile {
        let petition = Petition(
            id: backlogCase.caseID, receivedAt: backlogCase.openedAt ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            province: backlogCase.province, city: backlogCase.city, county: backlogCase.county,
            category: backlogCase.category, title: backlogCase.title, content: backlogCase.summary ?? "")
        return builder.profile(of: petition)
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
        var caseProfile = profile(of: backlogCase, builder: builder)
        if let surname = Self.namedSurname(backlogCase) { caseProfile.surnames = [surname] }
        let caseVector = index.statistics.vector(caseProfile).truncated(to: CorpusIndex.vectorWords)
        let caseFeatures = MatchFeatures(caseProfile)
        var scores: [String: Double] = [:]
        var sharingPlace: Set<String> = []
        for offset in index.entries(sharingKeysWith: caseProfile) {
            let matter = grouping.matterOf[offset]
            guard !matter.isEmpty else { continue }
            guard let features = index.features[offset] else { continue }
            let score = linkScore(caseFeatures, features, textSimilarity: index.similarity(caseVector, offset))
            scores[matter] = max(scores[matter] ?? -.infinity, score)
            if Self.sharesPlaceAndProblem(caseFeatures, features) { sharingPlace.insert(matter) }
        }
        guard let top = scores.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
              top.value >= Self.linkThreshold else { return [] }
        var linked: Set<String> = [top.key]
        if Self.speaksForMany(backlogCase) {
            // A case about many households covers every matter of its class,
            // and every matter that fits it nearly as well as the best one.
            for (matter, score) in scores where sharingPlace.contains(matter)
                && score >= max(Self.linkThreshold, top.value - Self.classMargin) {
                linked.insert(matter)
            }
            // Members of the best matter's class case too, when they fit the case
            // on their own: one village can have several 拆迁 matters that are
            // not this case's.
            if let classID = classes.classOfMatter[top.key], let members = mattersOfClass[classID] {
                for matter in members {
                    // A member that shares no key with the case is scored now.
                    let score = scores[matter] ?? grouping.members(of: matter).compactMap { offset -> Double? in
                        guard let features = index.features[offset] else { return nil }
                        return linkScore(caseFeatures, features, textSimilarity: index.similarity(caseVector, offset))
                    }.max() ?? -.infinity
                    if score >= Self.memberThreshold {
                        linked.insert(matter)
                        scores[matter] = score
                    }
                }
            }
        }
        return linked.sorted().map { ($0, scores[$0] ?? top.value) }
    }

    /// Whether a case is about many households or workers rather than one petitioner.
    static func speaksForMany(_ backlogCase: BacklogCase) -> Bool {
        let folded = FoldedText(backlogCase.title + "\n" + (backlogCase.summary ?? ""))
        let text = folded.string(0..<folded.count)
        let markers = ["业主们", "村民们", "职工们", "工人们", "多名", "部分业主", "部分职工", "部分村民", "农民工", "群众集体"]
        if markers.contains(where: { text.contains($0) }) { return true }
        // 48户村民, 72名农民工, 30余人: a headcount of five or more.
        let points = folded.codePoints
        var index = 0
        while index < points.count {
            guard CharacterClass(points[index]) == .digit else {
                index += 1
                continue
            }
            var value = 0
            while index < points.count, CharacterClass(points[index]) == .digit {
                value = value * 10 + Int(points[index] - 0x30)
                index += 1
            }
            if index < points.count, points[index] == 0x4F59 /* 余 */ || points[index] == 0x591A /* 多 */ { index += 1 }
            if index < points.count, [0x6237, 0x540D, 0x4EBA, 0x4F4D].contains(points[index]) /* 户名人位 */, value >= 5 {
                return true
            }
        }
        return false
    }

    /// The petition names one of the case's places (estate, employer, village)
    /// and one of its problem kinds: what every member of a class case shares.
    static func sharesPlaceAndProblem(_ backlogCase: MatchFeatures, _ petition: MatchFeatures) -> Bool {
        let place = MatchFeatures.intersects(backlogCase.estates, petition.estates)
            || MatchFeatures.intersects(backlogCase.organizations, petition.organizations)
            || MatchFeatures.intersects(backlogCase.places, petition.places)
        return place && backlogCase.concepts & petition.concepts != 0
    }

    /// The surname a case names its petitioner by (谭某反映…, 信访人董某诉称).
    static func namedSurname(_ backlogCase: BacklogCase) -> String? {
        let text = CharacterFolding.standard.fold(backlogCase.title + "。" + (backlogCase.summary ?? ""))
        let characters = Array(text)
        for index in characters.indices.dropFirst() where characters[index] == "某" {
            let surname = characters[index - 1]
            if surname.unicodeScalars.allSatisfy({ CharacterClass($0.value) == .han }), surname != "某" {
                return String(surname)
            }
        }
        return nil
    }

    func linkScore(_ backlogCase: MatchFeatures, _ petition: MatchFeatures, textSimilarity: Float) -> Double {
        let a = backlogCase, b = petition
        var total = -4.0
        if a.county != 0, b.county != 0 {
            total += a.county == b.county ? 1.0 : (a.city == b.city ? -4.0 : -6.0)
        }
        func compare(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>, agree: Double, disagree: Double) {
            guard !x.isEmpty, !y.isEmpty else { return }
            total += MatchFeatures.intersects(x, y) ? agree : disagree
        }
        compare(a.estates, b.estates, agree: 3, disagree: -3)
        compare(a.organizations, b.organizations, agree: 2.5, disagree: -1)
        compare(a.places, b.places, agree: 2, disagree: -1)
        if a.hasRooms, b.hasRooms {
            let roomsB = b.rooms
            total += a.rooms.contains(where: roomsB.contains) ? 2 : -2
        }
        compare(a.amounts, b.amounts, agree: 2, disagree: -0.5)
        compare(a.areas, b.areas, agree: 1.5, disagree: -0.5)
        compare(a.caseNumbers, b.caseNumbers, agree: 3, disagree: -2)
        if a.concepts != 0, b.concepts != 0 { total += a.concepts & b.concepts == 0 ? -3 : 1.5 }
        if a.category != 0, b.category != 0 { total += a.category == b.category ? 0.5 : -1 }
        if a.firstSurname != 0, b.firstSurname != 0 { total += a.firstSurname == b.firstSurname ? 1.5 : -0.5 }
        total += 8 * Double(textSimilarity - 0.15)
        return total
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
