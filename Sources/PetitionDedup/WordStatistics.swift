import Foundation
import PetitionText

/// Document frequencies of words over the corpus, for TF-IDF weights.
///
/// Frequencies saved by the last run are read in place, by binary search over
/// a sorted array, and only what is counted since goes into a dictionary: the
/// intake check and an incremental run look up a few thousand words among
/// millions, and building a dictionary of millions would cost them more than
/// the lookups.
public struct WordStatistics: Sendable {
    public var documentCount: Int
    /// Frequencies counted in this process (on top of the saved ones).
    public var documentFrequency: [UInt32: Int32]
    /// Saved frequencies as `word << 32 | frequency`, sorted.
    private var saved: [UInt64] = []

    public init(documentCount: Int = 0, documentFrequency: [UInt32: Int32] = [:]) {
        self.documentCount = documentCount
        self.documentFrequency = documentFrequency
    }

    /// Starts from saved frequencies, given as ``savedForm`` wrote them.
    init(documentCount: Int, saved: [UInt64]) {
        self.documentCount = documentCount
        documentFrequency = [:]
        self.saved = saved
    }

    /// How many documents counted so far contain the word.
    @inline(__always)
    public func frequency(_ word: UInt32) -> Int32 {
        (documentFrequency[word] ?? 0) + savedFrequency(word)
    }

    /// Counts one more document containing the word.
    mutating func count(_ word: UInt32) {
        documentFrequency[word, default: 0] += 1
    }

    private func savedFrequency(_ word: UInt32) -> Int32 {
        var low = 0, high = saved.count
        while low < high {
            let middle = (low + high) / 2
            let found = UInt32(truncatingIfNeeded: saved[middle] >> 32)
            if found == word { return Int32(bitPattern: UInt32(truncatingIfNeeded: saved[middle])) }
            if found < word { low = middle + 1 } else { high = middle }
        }
        return 0
    }

    /// Calls `body` with every word's frequency as `word << 32 | frequency`, in word order.
    func forEachSaved(_ body: (UInt64) -> Void) {
        let counted = documentFrequency.keys.sorted()
        var i = 0, j = 0
        while i < saved.count || j < counted.count {
            let savedWord = i < saved.count ? UInt32(truncatingIfNeeded: saved[i] >> 32) : UInt32.max
            let countedWord = j < counted.count ? counted[j] : UInt32.max
            let word: UInt32
            var frequency: Int32 = 0
            if i < saved.count && (j == counted.count || savedWord <= countedWord) {
                word = savedWord
                frequency += Int32(bitPattern: UInt32(truncatingIfNeeded: saved[i]))
                i += 1
                if j < counted.count && countedWord == word {
                    frequency += documentFrequency[word]!
                    j += 1
                }
            } else {
                word = countedWord
                frequency = documentFrequency[word]!
                j += 1
            }
            body(UInt64(word) << 32 | UInt64(UInt32(bitPattern: frequency)))
        }
    }

    /// How many words ``forEachSaved(_:)`` gives at most.
    var savedCountBound: Int { saved.count + documentFrequency.count }

    /// Inverse document frequency, smoothed; unseen words count as rare.
    @inline(__always)
    public func idf(_ word: UInt32) -> Float {
        let df = Float(frequency(word))
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

