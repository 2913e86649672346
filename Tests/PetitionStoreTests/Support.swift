import Foundation
import PetitionModel
import PetitionStore

enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The 7,636 real citizen messages, read in place from the shared folder.
    static let realMessages = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus-real/messages.jsonl").path
    static let corpus = repositoryRoot.appendingPathComponent("corpus")
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }
}

/// A fresh database in a temporary directory, removed when the value dies.
final class TemporaryStore {
    let directory: URL
    let store: PetitionStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try PetitionStore(path: directory.appendingPathComponent("test.db").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func importFile(_ path: String, kind: Importer.Kind = .petitions) throws -> ImportSummary {
        try Importer(store: store).importRecords(try RecordFile.records(path: path), kind: kind)
    }
}

/// A deterministic generator for sampling (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
