import Foundation
import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

let packageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpusDirectory = packageDirectory.appendingPathComponent("corpus")

struct Truth {
    let matter: [String: String]
    let classOf: [String: String]
    let backlog: [String: String]
    let receivedAt: [String: String]

    static let bundled = try! Truth(directory: corpusDirectory)

    init(directory: URL) throws {
        var matter: [String: String] = [:], classOf: [String: String] = [:], backlog: [String: String] = [:]
        for line in try String(contentsOf: directory.appendingPathComponent("truth.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let id = object["id"] as! String
            matter[id] = object["matter_id"] as? String
            if let value = object["class_id"] as? String { classOf[id] = value }
            if let value = object["backlog_case_id"] as? String { backlog[id] = value }
        }
        var receivedAt: [String: String] = [:]
        for line in try String(contentsOf: directory.appendingPathComponent("petitions.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            receivedAt[object["id"] as! String] = object["received_at"] as? String
        }
        self.matter = matter
        self.classOf = classOf
        self.backlog = backlog
        self.receivedAt = receivedAt
    }
}

/// A store in a temporary directory holding given petition lines.
final class CorpusStore: Sendable {
    let directory: URL
    let store: PetitionStore

    /// With `backlog`, the backlog cases of `backlogDirectory` (the bundled corpus's by default) are imported too.
    init(petitionLines: [Substring], backlog: Bool = true, backlogDirectory: URL = corpusDirectory) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try PetitionStore(path: directory.appendingPathComponent("test.db").path)
        try add(petitionLines)
        if backlog {
            let records = try RecordFile.records(path: backlogDirectory.appendingPathComponent("backlog.jsonl").path)
            _ = try Importer(store: store).importRecords(records, kind: .backlogCases)
        }
    }

    func add(_ lines: [Substring]) throws {
        let summary = try Importer(store: store, derivedData: try ProfileWriter())
            .importRecords(RecordFile.jsonLines(lines.joined(separator: "\n")), kind: .petitions)
        precondition(summary.rejected.isEmpty)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Matter and backlog case of every petition, read back through `--clusters`.
    func clusters() throws -> (matter: [String: String], classOf: [String: String], backlog: [String: String]) {
        let path = directory.appendingPathComponent("clusters.jsonl").path
        try ClusterExport.write(store: store, to: path)
        var matter: [String: String] = [:], classOf: [String: String] = [:], backlog: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for id in object["ids"] as! [String] {
                matter[id] = object["matter_id"] as? String
                if let value = object["class_id"] as? String { classOf[id] = value }
                if let value = object["backlog_case_id"] as? String { backlog[id] = value }
            }
        }
        return (matter, classOf, backlog)
    }
}

func corpusLines(in directory: URL = corpusDirectory) throws -> [Substring] {
    try String(contentsOf: directory.appendingPathComponent("petitions.jsonl"), encoding: .utf8)
        .split(separator: "\n")
}

/// Pairs of ids that share a group.
func pairs(_ groupOf: [String: String]) -> Set<[String]> {
    var members: [String: [String]] = [:]
    for (id, group) in groupOf { members[group, default: []].append(id) }
    var result = Set<[String]>()
    for ids in members.values {
        let sorted = ids.sorted()
        for i in sorted.indices { for j in sorted.indices where j > i { result.insert([sorted[i], sorted[j]]) } }
    }
    return result
}

/// The bundled corpus imported and deduplicated once, for every quality test.
let deduplicatedCorpus: Result<CorpusStore, Error> = Result {
    let corpus = try CorpusStore(petitionLines: try corpusLines())
    _ = try DedupJob(store: corpus.store).run(full: true)
    return corpus
}

@Suite("Quality on the bundled corpus")
struct CorpusQualityTests {
    @Test("pairwise precision, recall and F1 of dedup --full against the ground truth")
    func pairwise() throws {
        let found = try deduplicatedCorpus.get().clusters()
        let truth = pairs(Truth.bundled.matter), predicted = pairs(found.matter)
        let truePositives = Double(truth.intersection(predicted).count)
        let precision = truePositives / Double(predicted.count), recall = truePositives / Double(truth.count)
        let f1 = 2 * precision * recall / (precision + recall)
        print(String(format: "pairwise precision %.4f recall %.4f F1 %.4f", precision, recall, f1))
        #expect(precision >= 0.988)
        #expect(recall >= 0.978)
        #expect(f1 >= 0.983)
    }

    @Test("members of one class case are not called repeats of each other")
    func classMembersNotRepeats() throws {
        let found = try deduplicatedCorpus.get().clusters()
        let truth = Truth.bundled
        let falseClassPairs = pairs(found.matter).filter { pair in
            if let a = truth.classOf[pair[0]], a == truth.classOf[pair[1]], truth.matter[pair[0]] != truth.matter[pair[1]] {
                return true
            }
            return false
        }
        print("class members called repeats: \(falseClassPairs.count) pairs")
        #expect(falseClassPairs.isEmpty, "\(falseClassPairs.prefix(5))")
    }

    @Test("petitions of backlog cases are linked to their case")
    func backlogRecall() throws {
        let found = try deduplicatedCorpus.get().clusters()
        let expected = Truth.bundled.backlog
        let linked = expected.filter { found.backlog[$0.key] == $0.value }.count
        let recall = Double(linked) / Double(expected.count)
        let wrong = found.backlog.filter { expected[$0.key] != $0.value }.count
        print(String(format: "backlog recall %.4f (%d of %d), %d petitions linked to a wrong case", recall, linked, expected.count, wrong))
        #expect(recall >= 0.993)
        #expect(wrong <= 13)
    }

    @Test("a second run changes nothing")
    func rerunIsStable() throws {
        let corpus = try deduplicatedCorpus.get()
        let before = try corpus.clusters()
        let summary = try DedupJob(store: corpus.store).run(full: false)
        #expect(summary.scored == 0)
        let after = try corpus.clusters()
        #expect(after.matter == before.matter)
        #expect(after.classOf == before.classOf)
        #expect(after.backlog == before.backlog)
    }
}

@Suite("Incremental runs")
struct IncrementalTests {
    @Test("importing in two halves with a dedup after each gives the same matters as one full run")
    func halvesEqualFull() throws {
        let lines = try corpusLines()
        let half = lines.count / 2
        let corpus = try CorpusStore(petitionLines: Array(lines[..<half]))
        let first = try DedupJob(store: corpus.store).run(full: false)
        #expect(first.scored == half)
        try corpus.add(Array(lines[half...]))
        let second = try DedupJob(store: corpus.store).run(full: false)
        #expect(second.scored == lines.count - half)
        let incremental = try corpus.clusters()
        let full = try deduplicatedCorpus.get().clusters()
        #expect(incremental.matter == full.matter)
        #expect(incremental.classOf == full.classOf)
        #expect(incremental.backlog == full.backlog)
    }

    @Test("without the stored index state, an incremental run reads every profile and decides the same")
    func profilesEqualStoredRecords() throws {
        let lines = try corpusLines()
        let half = lines.count / 2
        let corpus = try CorpusStore(petitionLines: Array(lines[..<half]))
        _ = try DedupJob(store: corpus.store).run(full: false)
        try corpus.add(Array(lines[half...]))
        // What `check --save` or a re-import would do: the state no longer describes the store.
        try corpus.store.write { try $0.execute(sql: "DELETE FROM index_state") }
        _ = try DedupJob(store: corpus.store).run(full: false)
        let fromProfiles = try corpus.clusters()
        let full = try deduplicatedCorpus.get().clusters()
        #expect(fromProfiles.matter == full.matter)
        #expect(fromProfiles.classOf == full.classOf)
        #expect(fromProfiles.backlog == full.backlog)
    }
}

@Suite("Intake check")
struct IntakeCheckTests {
    /// What a clerk should be told about a held-back petition, from the ground truth.
    static func expectedVerdict(_ id: String, stored: [String], truth: Truth) -> Verdict {
        let matter = truth.matter[id]
        if stored.contains(where: { truth.matter[$0] == matter }) { return .repeat }
        if let classID = truth.classOf[id], stored.contains(where: { truth.classOf[$0] == classID }) { return .class }
        return .new
    }

    @Test("verdicts on a held-back tenth of the corpus checked against the rest")
    func heldBackVerdicts() throws {
        let lines = try corpusLines()
        let heldBack = lines.indices.filter { $0 % 10 == 7 }
        let rest = lines.indices.filter { $0 % 10 != 7 }.map { lines[$0] }
        let corpus = try CorpusStore(petitionLines: rest)
        _ = try DedupJob(store: corpus.store).run(full: true)
        let checker = try IntakeChecker(store: corpus.store)
        let truth = Truth.bundled
        let stored = try corpus.clusters().matter.keys.map { $0 }
        var storedByMatter: [String: [String]] = [:]
        var storedByClass: [String: [String]] = [:]
        for id in stored {
            storedByMatter[truth.matter[id]!, default: []].append(id)
            if let classID = truth.classOf[id] { storedByClass[classID, default: []].append(id) }
        }
        var correct = 0
        var confusion: [String: Int] = [:]
        for index in heldBack {
            let object = try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as! [String: Any]
            let petition = try RecordDecoding.petition(from: object)
            let related = (storedByMatter[truth.matter[petition.id]!] ?? []) + (truth.classOf[petition.id].flatMap { storedByClass[$0] } ?? [])
            let expected = Self.expectedVerdict(petition.id, stored: related, truth: truth)
            let verdict = try checker.check(petition).verdict
            if verdict == expected { correct += 1 }
            confusion["\(expected.rawValue)→\(verdict.rawValue)", default: 0] += 1
        }
        let accuracy = Double(correct) / Double(heldBack.count)
        print(String(format: "check verdict accuracy %.4f over %d held-back petitions: %@", accuracy, heldBack.count,
                     confusion.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        #expect(accuracy >= 0.96)
    }
}
