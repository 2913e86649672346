import Foundation

/// A word vector and rare words as stored with an assignment: the word count
/// (four bytes), then (word, weight bits) pairs, then the rare words with
/// their count, all four-byte little-endian words of ``BinaryWriter``.
enum VectorCodec {
    static func encode(_ vector: WordVector, rareWords: [UInt32]) -> Data {
        var writer = BinaryWriter(capacity: 8 + vector.words.count * 8 + rareWords.count * 4)
        writer.fixed32(UInt32(vector.words.count))
        for (word, weight) in zip(vector.words, vector.weights) {
            writer.fixed32(word)
            writer.fixed32(weight.bitPattern)
        }
        writer.fixed32(UInt32(rareWords.count))
        rareWords.forEach { writer.fixed32($0) }
        return writer.data
    }

    static func decode(_ data: Data) -> (WordVector, [UInt32])? {
        var reader = BinaryReader(data)
        guard let count = reader.fixed32(), Int(count) <= reader.remaining / 8 else { return nil }
        var words: [UInt32] = [], weights: [Float] = []
        words.reserveCapacity(Int(count))
        weights.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let word = reader.fixed32(), let weight = reader.fixed32() else { return nil }
            words.append(word)
            weights.append(Float(bitPattern: weight))
        }
        guard let rareCount = reader.fixed32(), Int(rareCount) <= reader.remaining / 4 else { return nil }
        var rare: [UInt32] = []
        for _ in 0..<rareCount {
            guard let word = reader.fixed32() else { return nil }
            rare.append(word)
        }
        return (WordVector(words: words, weights: weights), rare)
    }
}
