import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText

/// Measures the detector on real messages with judged pairs, as the judged
/// pairs' README defines it:
///
/// - the nightly job over every message, scored by ``PairMeasures``;
/// - the intake check: the later message of each pair is held back, the rest
///   imported and deduplicated, and each held-back message checked. A
///   `same_matter` pair must come back `repeat` in the earlier message's
///   matter; a `different` or `class` pair must not be put in it.
///
/// It reads the judgements only to score: nothing it decides depends on them.
public struct RealTextEvaluation {
    public struct IntakeMeasures: Sendable, Codable, Equatable {
        /// `same_matter` pairs checked, and those that came back `repeat` in the earlier message's matter.
        public var repeatsChecked = 0
        public var repeatsFound = 0
        /// `different` and `class` pairs checked, and those not put in the earlier message's matter.
        public var lookAlikesChecked = 0
        public var lookAlikesKeptApart = 0
        /// Pairs whose earlier message is itself held back (the later message of another pair).
        public var skipped = 0
        public var missedRepeats: [Int] = []
        public var wronglyJoined: [Int] = []
        /// `different` and `class` pairs that would have been advised 不予受理 had the earlier message been
        /// under handling at the county, within its limit, when the later one came to the province (the real
        /// messages carry no history, so one is given): the goal is none.
        public var declinedLookAlikes: [Int] = []
        /// Repeats found that the same given history would have declined (the rest are advised `verify`).
        public var declinedRepeats = 0
        /// Check latencies in seconds, sorted.
        public var latencies: [Double] = []

        public var repeatRate: Double { repeatsChecked == 0 ? 1 : Double(repeatsFound) / Double(repeatsChecked) }
        public var keptApartRate: Double {
            lookAlikesChecked == 0 ? 1 : Double(lookAlikesKeptApart) / Double(lookAlikesChecked)
        }
    }

    public struct Report: Sendable, Codable {
        public var messages = 0
        public var pairs = 0
        public var matters = 0
        public var classes = 0
        public var grouping = PairMeasures()
        public var intake = IntakeMeasures()
        /// With ``RealTextEvaluation/explaining``: why each missed repeat and wrong join of the nightly job went so.
        public var explanations: [String] = []
        /// Each judged pair's own probability (as ``PairExplanation`` scores it over every message)
        /// against its label: `same_matter` a repeat, every other label not.
        public var reliability = ReliabilityTable(probabilities: [], isRepeat: [])
        /// With ``RealTextEvaluation/learningPairsPaths``: what the run over every message learned.
        public var learned: LearnedDecision?
        public var importSeconds = 0.0
        public var dedupSeconds = 0.0
    }

    public let messagesPath: String
    public let pairsPath: String
    /// Where the two scratch databases go; removed afterwards.
    public let scratchDirectory: String
    /// Whether to explain the nightly job's errors (``Report/explanations``).
    public var explaining = false
    /// How the nightly job chooses its weights (nil: as it does by default).
    public var weightChoice: DedupJob.WeightChoice?
    /// Judged-pairs files whose pairs are stored as officials' labels before
    /// each run, which then learns from them (`--weights learn`).
    public var learningPairsPaths: [String] = []
    /// Where to write each judged pair's comparison vector, text similarity and
    /// score (JSON Lines), for fitting the calibration and reading the gates.
    public var featuresPath: String?
    /// Where to write the pairs the nightly job joined (a petition and the one
    /// it repeats, with the score), for drawing pairs to judge.
    public var joinedPath: String?

    public init(messagesPath: String, pairsPath: String, scratchDirectory: String) {
        self.messagesPath = messagesPath
        self.pairsPath = pairsPath
        self.scratchDirectory = scratchDirectory
    }

    public func run(progress: (String) -> Void = { _ in }) throws -> Report {
        var report = Report()
        let pairs = try JudgedPair.load(path: pairsPath)
        let records = try RecordFile.records(path: messagesPath)
        report.messages = records.count
        report.pairs = pairs.count
        var order: [String: (String, String)] = [:]
        var recordOf: [String: RawRecord] = [:]
        for record in records {
            guard case let .success(fields) = record.fields, let petition = try? RecordDecoding.petition(from: fields)
            else { continue }
            order[petition.id] = (petition.receivedAt.description, petition.id)
            recordOf[petition.id] = record
        }
        func isEarlier(_ x: String, _ y: String) -> Bool {
            guard let a = order[x], let b = order[y] else { return x < y }
            return a < b
        }
        let heldBack = Set(pairs.map { isEarlier($0.a, $0.b) ? $0.b : $0.a })

        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        defer {
            for name in ["all.db", "held.db"] {
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: (scratchDirectory as NSString).appendingPathComponent(name + suffix))
                }
            }
        }
        func database(_ name: String, _ records: [RawRecord]) throws -> PetitionStore {
            let store = try PetitionStore(path: (scratchDirectory as NSString).appendingPathComponent(name))
            let started = Date()
            _ = try Importer(store: store, derivedData: try ProfileWriter()).importRecords(records, kind: .petitions)
            report.importSeconds += Date().timeIntervalSince(started)
            let dedupStarted = Date()
            let job = DedupJob(store: store)
            if let weightChoice { job.weightChoice = weightChoice }
            if !learningPairsPaths.isEmpty {
                try store.saveLabels(try learningPairsPaths.flatMap(JudgedPair.load(path:))
                    .compactMap { $0.pairLabel(operatorName: "petition-bench", at: "2026-01-01T00:00:00Z") })
                job.weightChoice = .learn
            }
            _ = try job.run(full: true)
            report.dedupSeconds += Date().timeIntervalSince(dedupStarted)
            return store
        }

        progress("全部 \(records.count) 条：导入并去重")
        let all = try database("all.db", records)
        let grouping = try Self.grouping(of: all)
        report.grouping = PairMeasures(pairs: pairs, matterOf: grouping.matter, classOf: grouping.classOf)
        report.matters = Set(grouping.matter.values).count
        report.learned = try WeightCalibration.current(in: all)?.learned
        report.classes = Set(grouping.classOf.values).count
        if explaining {
            let wrong = Set(report.grouping.missedRepeats + report.grouping.wrongJoins)
            for pair in pairs where wrong.contains(pair.number) {
                let (earlier, later) = isEarlier(pair.a, pair.b) ? (pair.a, pair.b) : (pair.b, pair.a)
                if let explanation = try PairExplanation.explain(earlier, later, in: all) {
                    report.explanations.append("#\(pair.number) \(pair.label.rawValue) " + explanation.line)
                }
            }
        }

        let scored = try Self.explain(pairs, in: all)
        report.reliability = ReliabilityTable(probabilities: scored.map(\.explanation.score.probability),
                                              isRepeat: scored.map { $0.pair.label == .sameMatter })
        if let featuresPath { try Self.writeFeatures(of: scored, to: featuresPath) }
        if let joinedPath { try Self.writeJoined(in: all, to: joinedPath) }

        progress("留出 \(heldBack.count) 条后导入并去重，逐条核查")
        let heldLines = Set(heldBack.compactMap { recordOf[$0]?.line })
        let held = try database("held.db", records.filter { !heldLines.contains($0.line) })
        let heldGrouping = try Self.grouping(of: held)
        let checker = try IntakeChecker(store: held)
        var intake = IntakeMeasures()
        for pair in pairs {
            let (earlier, later) = isEarlier(pair.a, pair.b) ? (pair.a, pair.b) : (pair.b, pair.a)
            guard !heldBack.contains(earlier), let earlierMatter = heldGrouping.matter[earlier],
                  let record = recordOf[later], case let .success(fields) = record.fields,
                  let petition = try? RecordDecoding.petition(from: fields)
            else {
                intake.skipped += 1
                continue
            }
            let started = Date()
            let result = try checker.check(petition)
            intake.latencies.append(Date().timeIntervalSince(started))
            let joined = result.verdict == .repeat && result.matterID == earlierMatter
            let declined = try joined && held.storedPetition(id: earlier).map {
                Self.wouldDecline(petition, after: $0.petition, result: result, rules: checker.acceptanceRules)
            } == true
            switch pair.label {
            case .sameMatter:
                intake.repeatsChecked += 1
                if joined { intake.repeatsFound += 1 } else { intake.missedRepeats.append(pair.number) }
                if declined { intake.declinedRepeats += 1 }
            case .different, .sameClass:
                intake.lookAlikesChecked += 1
                if joined { intake.wronglyJoined.append(pair.number) } else { intake.lookAlikesKeptApart += 1 }
                if declined { intake.declinedLookAlikes.append(pair.number) }
            case .sharedIssue:
                break
            }
        }
        intake.latencies.sort()
        report.intake = intake
        return report
    }

    /// Whether the check's advice would have been a decline had the earlier
    /// petition been accepted by the county ten days before the later one
    /// reached the province: a step in progress within its limit, filed above.
    static func wouldDecline(_ later: Petition, after earlier: Petition, result: CheckResult,
                             rules: AcceptanceRules) -> Bool {
        var handled = earlier
        handled.level = "县级"
        handled.handling = Handling(organ: "县级人民政府", level: "县级",
                                    acceptedAt: CalendarDate(dayNumber: later.receivedAt.dayNumber - 10))
        var filedAbove = later
        filedAbove.level = "省级"
        return AcceptanceAdvisor(rules: rules).advise(filedAbove, matter: [handled], certainty: result.certainty).isDecline
    }

    /// Each petition's matter and class as the store holds them.
    static func grouping(of store: any PetitionStorage) throws -> (matter: [String: String], classOf: [String: String]) {
        var matter: [String: String] = [:], classOf: [String: String] = [:]
        for cluster in try store.clusters() {
            for id in cluster.ids {
                matter[id] = cluster.matterID
                if let classID = cluster.classID { classOf[id] = classID }
            }
        }
        return (matter, classOf)
    }

    /// Each judged pair whose messages are both stored, explained earlier message first.
    static func explain(_ pairs: [JudgedPair], in store: any PetitionStorage) throws
        -> [(pair: JudgedPair, explanation: PairExplanation)] {
        var explained: [(pair: JudgedPair, explanation: PairExplanation)] = []
        for pair in pairs {
            guard let a = try store.storedPetition(id: pair.a)?.petition,
                  let b = try store.storedPetition(id: pair.b)?.petition else { continue }
            let (first, second) = (a.receivedAt.description, a.id) <= (b.receivedAt.description, b.id) ? (a, b) : (b, a)
            guard let explanation = try PairExplanation.explain(first.id, second.id, in: store) else { continue }
            explained.append((pair, explanation))
        }
        return explained
    }

    /// The judged pairs of each file scored over every message after one
    /// import and nightly run: what ``CalibrationFit`` is fitted on.
    public func judgedScores(pairFiles: [String]) throws -> [[(pair: JudgedPair, explanation: PairExplanation)]] {
        let records = try RecordFile.records(path: messagesPath)
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        let path = (scratchDirectory as NSString).appendingPathComponent("calibrate.db")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try PetitionStore(path: path)
        _ = try Importer(store: store, derivedData: try ProfileWriter()).importRecords(records, kind: .petitions)
        let job = DedupJob(store: store)
        if let weightChoice { job.weightChoice = weightChoice }
        _ = try job.run(full: true)
        return try pairFiles.map { try Self.explain(JudgedPair.load(path: $0), in: store) }
    }

    /// One JSON line per judged pair: its label, the scorer's comparison
    /// levels (in ``Comparison`` order, from the explanation's evidence), the
    /// text similarity, the log-odds and the calibrated probability.
    static func writeFeatures(of scored: [(pair: JudgedPair, explanation: PairExplanation)], to path: String) throws {
        var lines: [String] = []
        for (pair, explanation) in scored {
            let (first, second) = (explanation.a, explanation.b)
            var levels = [Int](repeating: 0, count: Comparison.allCases.count)
            for evidence in explanation.score.evidence { levels[evidence.comparison.rawValue] = evidence.level }
            let object: [String: Any] = [
                "pair": pair.number, "a": first, "b": second, "label": pair.label.rawValue, "levels": levels,
                "similarity": Double(explanation.textSimilarity), "log_odds": explanation.score.logOdds,
                "probability": explanation.score.probability,
                "relation": explanation.score.relation.rawValue, "reasons": explanation.score.reasons,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// One JSON line per petition the nightly job joined to an earlier one.
    static func writeJoined(in store: PetitionStore, to path: String) throws {
        var lines: [String] = []
        for link in try store.repeatLinks() {
            let object: [String: Any] = ["a": link.earlierID, "b": link.id, "probability": link.score ?? 0]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
