// Deterministic pseudo-random numbers and small helpers. SplitMix64: the output
// depends only on the seed, so a corpus is byte-identical on every machine.

struct RNG {
    var state: UInt64

    init(_ seed: UInt64) { state = seed }

    /// Derive an independent stream from a seed and a few labels.
    init(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0) {
        var s = RNG(seed ^ 0x9E37_79B9_7F4A_7C15)
        let x = s.next() ^ (a &* 0xBF58_476D_1CE4_E5B9)
        var t = RNG(x)
        let y = t.next() ^ (b &* 0x94D0_49BB_1331_11EB)
        state = y
        _ = next()
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform integer in 0..<n (n > 0).
    @inline(__always)
    mutating func int(_ n: Int) -> Int {
        precondition(n > 0)
        return Int((next() >> 11) % UInt64(n))
    }

    /// Uniform integer in lo...hi.
    @inline(__always)
    mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + int(hi - lo + 1) }

    /// Uniform double in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    @inline(__always)
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }

    /// Index drawn with the given weights.
    mutating func weighted(_ w: [Double]) -> Int {
        var total = 0.0
        for x in w { total += x }
        var r = unit() * total
        for (i, x) in w.enumerated() {
            r -= x
            if r < 0 { return i }
        }
        return w.count - 1
    }

    mutating func shuffle<T>(_ a: inout [T]) {
        if a.count < 2 { return }
        var i = a.count - 1
        while i > 0 {
            let j = int(i + 1)
            a.swapAt(i, j)
            i -= 1
        }
    }
}

/// A stable 64-bit mix of integers (for names derived from identities).
@inline(__always)
func mix(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
    var r = RNG(a, b, c)
    return r.next()
}

// MARK: - Calendar (days since 1970-01-01, proleptic Gregorian)

@inline(__always)
func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

@inline(__always)
func civilFromDays(_ z0: Int) -> (y: Int, m: Int, d: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    var s = String(n)
    while s.count < width { s = "0" + s }
    return s
}

func isoDate(_ days: Int) -> String {
    let c = civilFromDays(days)
    return "\(c.y)-\(pad(c.m, 2))-\(pad(c.d, 2))"
}
