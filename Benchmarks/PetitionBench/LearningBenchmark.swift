// petition-bench learn: what officials' labels teach the detector. On a
// generated corpus with its truth, the nightly job runs with the weights in
// force, the pairs it is least sure of are put to a simulated official who
// answers from the truth (LabelQueue, in rounds, as an official would label a
// few at a time), the job runs again with `--weights learn`, and both
// clusterings are scored against the truth.

import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore

enum LearningBenchmark {
    static let name = "learn"
    static let summary = "active learning: pairwise quality before and after N labels from the truth"
    static let usage = """
        usage: petition-bench learn --corpus DIR [--labels N] [--rounds R] [--out FILE.json]
          --corpus DIR     directory holding petitions.jsonl, backlog.jsonl, truth.jsonl (petition-corpus)
          --labels N       pairs labelled in all (default 50)
          --rounds R       label N/R pairs, learn, and ask again, R times (default 5)
          --out FILE.json  every figure as JSON
          --tmp DIR        where the scratch database goes
        """

    struct Report: Codable {
        var benchmark = LearningBenchmark.name
        var corpus: String
        var labels: Int
        var rounds: Int
        var before: Quality
        var after: Quality
        var learned: LearnedDecision?
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "labels", "rounds", "out", "tmp"], flags: [])
        let corpusDirectory = options.required("corpus")
        let labelCount = options.string("labels").flatMap(Int.init) ?? 50
        let rounds = max(1, options.string("rounds").flatMap(Int.init) ?? 5)
        func file(_ name: String) -> String { (corpusDirectory as NSString).appendingPathComponent(name) }
        let truthPath = file("truth.jsonl")
        let truth = try Truth(jsonl: truthPath)

        let scratch = try ScratchDirectory(prefix: "petition-bench-learn", base: options.string("tmp"))
        defer { scratch.remove() }
        let store = try PetitionStore(path: scratch.file("learn.sqlite"))
        progress("importing \(corpusDirectory)")
        _ = try Importer(store: store).importRecords(try RecordFile.records(path: file("backlog.jsonl")), kind: .backlogCases)
        _ = try Importer(store: store, derivedData: try ProfileWriter())
            .importRecords(try RecordFile.records(path: file("petitions.jsonl")), kind: .petitions)

        func quality(_ label: String) throws -> Quality {
            let path = scratch.file("clusters-\(label).jsonl")
            try ClusterExport.write(store: store, to: path)
            let (clusters, backlog, _) = try readClusterExport(path, truth: truth)
            let quality = Quality(clusters: clusters, backlog: backlog, truth: truth)
            progress(String(format: "  %@: P %.3f R %.3f F1 %.3f, class false pairs %d, backlog recall %@", label,
                            quality.precision, quality.recall, quality.f1, quality.classFalsePairs,
                            formatPercent(quality.backlogRecall)))
            return quality
        }
        progress("dedup --full with the weights in force")
        _ = try DedupJob(store: store).run(full: true)
        let before = try quality("before")

        var labelled = 0
        for round in 0..<rounds where labelled < labelCount {
            let wanted = (labelCount - labelled) / (rounds - round)
            let queue = try LabelQueue(store: store).pairs(limit: wanted)
            let now = ISO8601DateFormatter().string(from: Date())
            let labels = queue.compactMap { pair -> PairLabel? in
                guard let a = truth.index[pair.a], let b = truth.index[pair.b] else { return nil }
                return PairLabel(pair.a, pair.b, judgment: truth.matter[a] == truth.matter[b] ? .sameMatter : .different,
                                 operatorName: "petition-bench", labelledAt: now, source: "import")
            }
            try store.saveLabels(labels)
            labelled += labels.count
            let same = labels.filter { $0.judgment == .sameMatter }.count
            progress("round \(round + 1): \(labels.count) pairs labelled (\(same) same matter), probabilities "
                     + queue.map { String(format: "%.2f", $0.probability) }.joined(separator: " "))
            if round < rounds - 1, let learned = try? LabelLearner(store: store).learn(from: .handSet) {
                try WeightCalibration.save(learned, runID: nil, in: store)
            }
        }
        progress("dedup --full --weights learn on \(labelled) labels")
        let job = DedupJob(store: store)
        job.weightChoice = .learn
        let summary = try job.run(full: true)
        let after = try quality("after")
        if let learned = summary.weights.learned {
            progress("on the labels, out of fold: before " + learned.before.summary)
            progress("                             after  " + learned.after.summary)
        }
        let report = Report(corpus: corpusDirectory, labels: labelled, rounds: rounds, before: before, after: after,
                            learned: summary.weights.learned)
        if let out = options.string("out") { try writeJSON(report, to: out) }
        print(String(format: "| | P | R | F1 | class false pairs |\n|---|---|---|---|---|\n"
                     + "| before | %.3f | %.3f | %.3f | %d |\n| after %d labels | %.3f | %.3f | %.3f | %d |",
                     before.precision, before.recall, before.f1, before.classFalsePairs, labelled,
                     after.precision, after.recall, after.f1, after.classFalsePairs))
    }
}
