import Foundation
import PetitionText

/// Sparse unit vector over sorted word hashes.
public struct WordVector: Sendable {
    public var words: [UInt32]
    public var weights: [Float]

    /// Cosine similarity (both are unit length): a merge over the sorted words.
    public func cosine(_ other: WordVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        while i < words.count && j < other.words.count {
            let a = words[i], b = other.words[j]
            if a == b {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
