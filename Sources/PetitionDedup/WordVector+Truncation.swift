import Foundation

extension WordVector {
    /// Weights are kept as multiples of 1/65535: the nightly job holds a
    /// million vectors as 16-bit weights, and the same value comes back from
    /// the store, so a resumed run scores exactly as a full one.
    static let weightScale: Float = 65535

    /// Keeps the heaviest words, renormalized and quantized, still sorted by word.
    func truncated(to count: Int) -> WordVector {
        let kept = words.count <= count ? Array(words.indices)
            : weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : words[$0] < words[$1] }
                .prefix(count).sorted { words[$0] < words[$1] }
        var norm: Float = 0
        for index in kept { norm += weights[index] * weights[index] }
        norm = max(norm.squareRoot(), 1e-9)
        return WordVector(words: kept.map { words[$0] }, weights: kept.map { index in
            (min(weights[index] / norm, 1) * Self.weightScale).rounded() / Self.weightScale
        })
    }
}
