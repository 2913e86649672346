import Foundation

/// Every entry's vector in two flat arrays: words and 16-bit weights. Two
/// arrays per petition cost about 480 bytes in headers and rounding; this
/// costs 6 bytes per word.
final class VectorArena {
    private var words: [UInt32] = []
    private var weights: [UInt16] = []
    /// Where each entry's vector starts and how many words it has.
    private var starts: [UInt32] = []
    private var counts: [UInt8] = []

    func reserve(entries: Int) {
        starts = Array(repeating: 0, count: entries)
        counts = Array(repeating: 0, count: entries)
    }

    /// Stores an entry's vector of ``WordVector/truncated(to:)`` (at most 255 words, quantized weights).
    func set(_ entry: Int, _ vector: WordVector) {
        let count = min(vector.words.count, Int(UInt8.max))
        starts[entry] = UInt32(words.count)
        counts[entry] = UInt8(count)
        words += vector.words.prefix(count)
        weights += vector.weights.prefix(count).map { UInt16(($0 * WordVector.weightScale).rounded()) }
    }

    /// The dot product of two stored vectors, in integers: exact, so no
    /// order of summation can change a decision.
    func cosine(_ a: Int, _ b: Int) -> Float {
        var i = Int(starts[a]), j = Int(starts[b])
        let endA = i + Int(counts[a]), endB = j + Int(counts[b])
        var sum: UInt64 = 0
        words.withUnsafeBufferPointer { words in
            weights.withUnsafeBufferPointer { weights in
                while i < endA && j < endB {
                    let x = words[i], y = words[j]
                    if x == y {
                        sum += UInt64(weights[i]) * UInt64(weights[j])
                        i += 1
                        j += 1
                    } else if x < y {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        return Float(Double(sum) / Double(WordVector.weightScale * WordVector.weightScale))
    }

    /// The dot product of a vector from outside the corpus and a stored one.
    func cosine(_ vector: WordVector, _ entry: Int) -> Float {
        var i = 0, j = Int(starts[entry])
        let end = j + Int(counts[entry])
        var sum: Float = 0
        while i < vector.words.count && j < end {
            let x = vector.words[i], y = words[j]
            if x == y {
                sum += vector.weights[i] * Float(weights[j]) / WordVector.weightScale
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
