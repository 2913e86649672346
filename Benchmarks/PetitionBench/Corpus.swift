// Loading petitions.jsonl (written by petition-corpus) into memory, compactly:
// the text of every row lives in one UTF-8 arena, so 200,000 petitions cost
// their bytes and not 600,000 String allocations, and rows can be bound to
// SQLite statements without copying. Shared by the benchmarks.

import Foundation

struct PetitionCorpus {
    enum Field: Int, CaseIterable {
        case title = 0, content = 1, respondent = 2
    }

    /// Petition ids, in file order; row `i` gets SQLite rowid `i + 1` everywhere.
    private(set) var ids: [String] = []
    /// Name of the first petitioner (empty when absent), for person-name queries.
    private(set) var firstPetitioner: [String] = []
    /// UTF-8 of title, content, respondent of every row, back to back.
    private(set) var text: [UInt8] = []
    /// `bounds[3 * row + field]` is where that field starts in `text`; one extra entry ends the arena.
    private(set) var bounds: [Int] = [0]

    var count: Int { ids.count }
    /// UTF-8 bytes of the three indexed fields of all rows.
    var textBytes: Int { text.count }

    private struct Line: Decodable {
        struct Person: Decodable { var name: String? }
        var id: String
        var title: String?
        var content: String?
        var respondent: String?
        var petitioners: [Person]?
    }

    /// Reads `path` line by line (memory stays at one line plus the arena).
    init(jsonl path: String, limit: Int? = nil) throws {
        // The three fields are about two thirds of the JSON: reserving the file size once
        // avoids doubling copies of the arena; pages never written are never resident.
        text.reserveCapacity(fileSize(path))
        try forEachJSONLine(path, as: Line.self) { line in
            if let limit, ids.count >= limit { return false }
            ids.append(line.id)
            firstPetitioner.append(line.petitioners?.first?.name ?? "")
            for field in [line.title, line.content, line.respondent] {
                text.append(contentsOf: (field ?? "").utf8)
                bounds.append(text.count)
            }
            return true
        }
        if ids.isEmpty { throw BenchError("\(path) holds no petitions") }
    }

    func byteRange(row: Int, field: Field) -> Range<Int> {
        bounds[3 * row + field.rawValue]..<bounds[3 * row + field.rawValue + 1]
    }

    func string(row: Int, field: Field) -> String {
        text.withUnsafeBufferPointer { String(decoding: $0[byteRange(row: row, field: field)], as: UTF8.self) }
    }

    /// Calls `body` with pointers to the three fields of a row (valid only inside `body`).
    func withFields<T>(row: Int, _ body: (_ fields: [(UnsafePointer<UInt8>, Int)]) throws -> T) rethrows -> T {
        try text.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let fields = Field.allCases.map { field -> (UnsafePointer<UInt8>, Int) in
                let range = byteRange(row: row, field: field)
                return (base + range.lowerBound, range.count)
            }
            return try body(fields)
        }
    }

    /// The whole arena, for loops over many rows without re-entering `withUnsafeBufferPointer`.
    func withArena<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try text.withUnsafeBufferPointer(body)
    }
}
