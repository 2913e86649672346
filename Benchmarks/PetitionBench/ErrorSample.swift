// petition-bench errors: the nightly job's errors on a synthetic corpus, for
// reading: repeats it split (a petition whose truth matter has an earlier
// petition, put in another matter), petitions it joined to another truth
// matter, and backlog cases it missed, each explained by the scorer.

import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore

enum ErrorSample {
    static let name = "errors"
    static let summary = "explained samples of the nightly job's errors on a synthetic corpus"
    static let usage = """
        usage: petition-bench errors --corpus DIR [--sample N]
          --corpus DIR        directory holding petitions.jsonl, backlog.jsonl, truth.jsonl (petition-corpus)
          --sample N          errors of each kind to show (default 12), evenly spread
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "sample"])
        let directory = options.required("corpus")
        let wanted = options.int("sample", default: 12)
        func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let truth = try Truth(jsonl: file("truth.jsonl"))
        let scratch = try ScratchDirectory(prefix: "petition-bench-errors")
        defer { scratch.remove() }
        let store = try PetitionStore(path: scratch.file("errors.db"))
        _ = try Importer(store: store, derivedData: try ProfileWriter())
            .importRecords(try RecordFile.records(path: file("petitions.jsonl")), kind: .petitions)
        _ = try Importer(store: store).importRecords(try RecordFile.records(path: file("backlog.jsonl")), kind: .backlogCases)
        _ = try DedupJob(store: store).run(full: true)
        try ClusterExport.write(store: store, to: scratch.file("clusters.jsonl"))
        var matterOf: [String: String] = [:], backlogOf: [String: String] = [:]
        for line in try String(contentsOfFile: scratch.file("clusters.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for id in object["ids"] as! [String] {
                matterOf[id] = object["matter_id"] as? String
                if let backlog = object["backlog_case_id"] as? String { backlogOf[id] = backlog }
            }
        }
        // Petitions in file order (received order); the first earlier petition of each truth matter.
        var firstOfTruth: [Int32: String] = [:], firstOfPredicted: [String: String] = [:]
        var split: [(String, String)] = [], joined: [(String, String)] = [], backlogMissed: [String] = []
        var backlogWrong: [String] = []
        for (position, id) in truth.ids.enumerated() {
            let truthMatter = truth.matter[position]
            guard let predicted = matterOf[id] else { continue }
            if let earlier = firstOfTruth[truthMatter], matterOf[earlier] != predicted { split.append((earlier, id)) }
            if let earlier = firstOfPredicted[predicted], truth.matter[truth.index[earlier]!] != truthMatter {
                joined.append((earlier, id))
            }
            if let expected = truth.backlogCase[position], backlogOf[id] != expected { backlogMissed.append(id) }
            if let linked = backlogOf[id], truth.backlogCase[position] != linked { backlogWrong.append(id) }
            if firstOfTruth[truthMatter] == nil { firstOfTruth[truthMatter] = id }
            if firstOfPredicted[predicted] == nil { firstOfPredicted[predicted] = id }
        }
        func spread<T>(_ items: [T]) -> [T] {
            guard items.count > wanted else { return items }
            return (0..<wanted).map { items[$0 * items.count / wanted] }
        }
        print("## split repeats: \(split.count)")
        for (a, b) in spread(split) {
            if let explanation = try PairExplanation.explain(a, b, in: store) { print("- " + explanation.line) }
        }
        print("\n## joined across truth matters: \(joined.count)")
        for (a, b) in spread(joined) {
            if let explanation = try PairExplanation.explain(a, b, in: store) { print("- " + explanation.line) }
        }
        print("\n## petitions linked to a backlog case not theirs: \(backlogWrong.count)")
        for id in spread(backlogWrong) {
            let linked = backlogOf[id]!
            let petition = try store.storedPetition(id: id)?.petition
            let truthCase = truth.backlogCase[truth.index[id]!] ?? "none"
            if let fit = try PairExplanation.explain(backlogCase: linked, petition: id, in: store) {
                print("- \(id) 「\(petition?.title ?? "")」 linked \(linked) 「\(fit.titles.0)」 truth \(truthCase)"
                      + String(format: " fit %.2f: ", fit.score.logOdds) + fit.waterfall)
            }
        }
        print("\n## petitions missing their backlog case: \(backlogMissed.count)")
        let cases = Dictionary(try store.backlogCases().map { ($0.caseID, $0) }, uniquingKeysWith: { a, _ in a })
        for id in spread(backlogMissed) {
            let position = truth.index[id]!
            let expected = cases[truth.backlogCase[position]!]
            let petition = try store.storedPetition(id: id)?.petition
            print("- \(id) 「\(petition?.title ?? "")」\(petition?.county ?? "") matter \(matterOf[id] ?? "") expected "
                  + "\(expected?.caseID ?? "") 「\(expected?.title ?? "")」\(expected?.county ?? "")：\((expected?.summary ?? "").prefix(90)) got \(backlogOf[id] ?? "none")")
            if let caseID = expected?.caseID, let fit = try PairExplanation.explain(backlogCase: caseID, petition: id, in: store) {
                print(String(format: "    fit %.2f: ", fit.score.logOdds) + fit.waterfall)
            }
        }
    }
}
