/// A map from 64-bit keys to nonzero 64-bit values by open addressing. The
/// keys are hashes already, so a multiply mixes them enough; Dictionary's
/// seeded SipHash was a tenth of the nightly job's time at a million petitions.
struct KeyTable {
    private var keys: [UInt64] = Array(repeating: 0, count: 1024)
    private var values: [UInt64] = Array(repeating: 0, count: 1024)
    private var count = 0
    /// The value of key 0, which marks empty slots in `keys`.
    private var zeroKeyValue: UInt64 = 0

    /// The key's value, 0 when absent.
    subscript(key: UInt64) -> UInt64 {
        guard key != 0 else { return zeroKeyValue }
        var slot = Self.slot(key, mask: keys.count - 1)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Changes the key's value (0 when absent) in place.
    mutating func update(_ key: UInt64, _ change: (inout UInt64) -> Void) {
        guard key != 0 else { return change(&zeroKeyValue) }
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while keys[slot] != key && keys[slot] != 0 { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            count += 1
        }
        change(&values[slot])
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Self.slot(key, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
