import Foundation

/// Inverted lists of entry offsets under 64-bit keys, each a chain of nodes in
/// two flat arrays, newest first. A dictionary of arrays spent about a
/// kilobyte per petition on array headers and spare capacity; this spends
/// eight bytes per posting and about twenty per key. A list past its cap keeps
/// counting but stores nothing more: it will never be read again.
struct PostingLists {
    /// Key → number of postings appended (upper half) and first node + 1 (lower half).
    private var heads = KeyTable()
    private var nextNode: [Int32] = []
    private var values: [Int32] = []

    mutating func append(_ value: Int32, to key: UInt64, keepingAtMost cap: Int) {
        heads.update(key) { head in
            let count = head >> 32
            guard count < UInt64(cap) else {
                head = (count + 1) << 32 | (head & 0xFFFF_FFFF)
                return
            }
            nextNode.append(Int32(truncatingIfNeeded: Int64(head & 0xFFFF_FFFF)) - 1)
            values.append(value)
            head = (count + 1) << 32 | UInt64(values.count)
        }
    }

    /// Calls `body` with each posting of `key`, unless it has more than `limit`.
    func forEach(in key: UInt64, ifAtMost limit: Int, _ body: (Int32) -> Void) {
        let head = heads[key]
        guard head != 0, head >> 32 <= UInt64(limit) else { return }
        var node = Int(head & 0xFFFF_FFFF) - 1
        while node >= 0 {
            body(values[node])
            node = Int(nextNode[node])
        }
    }
}
