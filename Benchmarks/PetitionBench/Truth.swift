// Ground truth of a generated corpus (truth.jsonl from petition-corpus) and the
// pairwise quality of a clustering against it. Shared by `dedup`, `check` and
// `minhash`, so the detector and the baseline are scored by one piece of code.

import Foundation

struct Truth {
    /// Petition ids in file order.
    private(set) var ids: [String] = []
    /// Position of a petition id in `ids`.
    private(set) var index: [String: Int] = [:]
    /// Interned truth matter of each petition.
    private(set) var matter: [Int32] = []
    /// Interned truth class case of each petition, -1 for none.
    private(set) var classCase: [Int32] = []
    /// Truth backlog case id of each petition.
    private(set) var backlogCase: [String?] = []
    private(set) var kind: [String] = []
    private(set) var matterSizes: [Int32: Int] = [:]

    var count: Int { ids.count }

    private struct Line: Decodable {
        var id: String
        var matter_id: String
        var class_id: String?
        var backlog_case_id: String?
        var kind: String?
    }

    init(jsonl path: String) throws {
        var matters: [String: Int32] = [:], classes: [String: Int32] = [:]
        try forEachJSONLine(path, as: Line.self) { line in
            index[line.id] = ids.count
            ids.append(line.id)
            let m = matters[line.matter_id] ?? Int32(matters.count)
            matters[line.matter_id] = m
            matter.append(m)
            matterSizes[m, default: 0] += 1
            if let c = line.class_id {
                let value = classes[c] ?? Int32(classes.count)
                classes[c] = value
                classCase.append(value)
            } else {
                classCase.append(-1)
            }
            backlogCase.append(line.backlog_case_id)
            kind.append(line.kind ?? "")
            return true
        }
        if ids.isEmpty { throw BenchError("\(path) holds no truth") }
    }

    /// Same-matter pairs of the truth, over all its petitions.
    var truthPairs: Int { matterSizes.values.reduce(0) { $0 + pairs($1) } }
}

@inline(__always) func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }

struct Quality: Codable {
    var petitions: Int
    var clusters: Int
    var multiPetitionClusters: Int
    var predictedPairs: Int
    var truthPairs: Int
    var truePairs: Int
    var precision: Double
    var recall: Double
    var f1: Double
    /// Predicted same-matter pairs whose petitions share a truth class case but not a truth matter.
    var classFalsePairs: Int
    /// Petitions with a truth backlog case / of those, whose cluster carries that case (nil: not scored).
    var backlogPetitions: Int?
    var backlogHits: Int?
    var backlogRecall: Double?
    /// Petitions whose cluster carries a backlog case that is not theirs in the truth (none included).
    var backlogWrong: Int?
    /// Petitions of the truth found in no cluster (scored as singletons).
    var unclustered: Int

    /// `clusters` hold truth indices; `backlog[i]` is cluster i's backlog case (nil array: not scored).
    init(clusters: [[Int]], backlog: [String?]?, truth: Truth) {
        var predicted = 0, truePairs = 0, classFalse = 0, multi = 0, seen = 0
        var backlogTotal = 0, backlogHits = 0, backlogWrong = 0
        for (number, cluster) in clusters.enumerated() {
            seen += cluster.count
            predicted += pairs(cluster.count)
            if cluster.count > 1 { multi += 1 }
            if cluster.count > 1 {
                var byMatter: [Int32: Int] = [:], byClass: [Int32: Int] = [:], byClassMatter: [Int64: Int] = [:]
                for i in cluster {
                    byMatter[truth.matter[i], default: 0] += 1
                    let c = truth.classCase[i]
                    if c >= 0 {
                        byClass[c, default: 0] += 1
                        byClassMatter[Int64(c) << 32 | Int64(truth.matter[i]), default: 0] += 1
                    }
                }
                truePairs += byMatter.values.reduce(0) { $0 + pairs($1) }
                classFalse += byClass.values.reduce(0) { $0 + pairs($1) } - byClassMatter.values.reduce(0) { $0 + pairs($1) }
            }
            if let backlog {
                for i in cluster where truth.backlogCase[i] != nil {
                    if backlog[number] == truth.backlogCase[i] { backlogHits += 1 }
                }
                if let linked = backlog[number] {
                    backlogWrong += cluster.filter { truth.backlogCase[$0] != linked }.count
                }
            }
        }
        if backlog != nil { backlogTotal = truth.backlogCase.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
        petitions = seen
        self.clusters = clusters.count
        multiPetitionClusters = multi
        predictedPairs = predicted
        truthPairs = truth.truthPairs
        self.truePairs = truePairs
        precision = predicted == 0 ? 0 : Double(truePairs) / Double(predicted)
        recall = truthPairs == 0 ? 0 : Double(truePairs) / Double(truthPairs)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        classFalsePairs = classFalse
        if backlog != nil {
            backlogPetitions = backlogTotal
            self.backlogHits = backlogHits
            self.backlogWrong = backlogWrong
            backlogRecall = backlogTotal == 0 ? .nan : Double(backlogHits) / Double(backlogTotal)
        }
        unclustered = truth.count - seen
    }
}

/// Reads `dedup --clusters` output (one matter per line) as truth-index clusters with their backlog case.
func readClusterExport(_ path: String, truth: Truth) throws -> (clusters: [[Int]], backlog: [String?], unknownIDs: Int) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var clusters: [[Int]] = [], backlog: [String?] = [], unknown = 0
    for line in text.split(separator: "\n") where !line.isEmpty {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let ids = object["ids"] as? [String] else { throw BenchError("\(path): bad line \(line.prefix(80))") }
        var members: [Int] = []
        for id in ids {
            if let i = truth.index[id] { members.append(i) } else { unknown += 1 }
        }
        clusters.append(members)
        backlog.append(object["backlog_case_id"] as? String)
    }
    return (clusters, backlog, unknown)
}

func formatPercent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.1f %%", value * 100)
}

func formatFraction(_ value: Double) -> String {
    value.isFinite ? String(format: "%.3f", value) : "–"
}
