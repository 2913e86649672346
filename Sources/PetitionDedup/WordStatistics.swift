import Foundation
import PetitionText

/// Document frequencies of words over the corpus, for TF-IDF weights.
public struct WordStatistics: Sendable {
    public var documentCount: Int
    public var documentFrequency: [UInt32: Int32]

    public init(documentCount: Int = 0, documentFrequency: [UInt32: Int32] = [:]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
    }

    /// Inverse document frequency, smoothed; unseen words count as rare.
    @inline(__always)
    public func idf(_ word: UInt32) -> Float {
        let df = Float(documentFrequency[word] ?? 0)
        return log((Float(documentCount) + 1) / (df + 1)) + 1
    }

    /// A unit-length TF-IDF vector of a profile's words.
    public func vector(_ profile: PetitionProfile) -> WordVector {
        var weights = [Float](repeating: 0, count: profile.words.count)
        var norm: Float = 0
        for index in profile.words.indices {
            let weight = (1 + log(Float(profile.counts[index]))) * idf(profile.words[index])
            weights[index] = weight
            norm += weight * weight
        }
        norm = norm.squareRoot()
        if norm > 0 { for index in weights.indices { weights[index] /= norm } }
        return WordVector(words: profile.words, weights: weights)
    }

    /// FNV-1a of the folded word: stable across runs and machines.
    public static func hash(_ word: String) -> UInt32 {
        var value: UInt32 = 0x811C9DC5
        for byte in word.utf8 { value = (value ^ UInt32(byte)) &* 0x01000193 }
        return value
    }

    static func isNumeric(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { CharacterClass($0.value) != .han }
    }
}

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
