@testable import PetitionDedup
import Testing

/// The nightly job's inverted lists: what they give back decides which
/// candidates a petition is scored against.
@Suite("Posting lists")
struct PostingListTests {
    @Test("a key table keeps every key and value through growth, key 0 included")
    func keyTableGrowth() {
        var table = KeyTable()
        var expected: [UInt64: UInt64] = [:]
        var generator = SystemRandomNumberGenerator()
        for index in 0..<20_000 {
            let key: UInt64 = index == 0 ? 0 : generator.next()
            table.update(key) { $0 += UInt64(index) + 1 }
            expected[key, default: 0] += UInt64(index) + 1
        }
        for (key, value) in expected { #expect(table[key] == value) }
        #expect(table[12345] == 0 || expected[12345] != nil)
    }

    @Test("a list gives back every posting up to its cap, and nothing once it has grown past the limit")
    func postingCap() {
        var lists = PostingLists()
        for offset in 0..<5 { lists.append(Int32(offset), to: 7, keepingAtMost: 4) }
        for offset in 0..<3 { lists.append(Int32(offset), to: 8, keepingAtMost: 4) }
        var seven: [Int32] = [], eight: [Int32] = []
        lists.forEach(in: 7, ifAtMost: 4) { seven.append($0) }
        lists.forEach(in: 8, ifAtMost: 4) { eight.append($0) }
        #expect(seven.isEmpty)
        #expect(eight.sorted() == [0, 1, 2])
        var missing: [Int32] = []
        lists.forEach(in: 9, ifAtMost: 4) { missing.append($0) }
        #expect(missing.isEmpty)
    }
}
