

/// Text similarity, a cosine in [0, 1], in ten levels of a tenth each. The
/// weight of a similarity is interpolated between the levels' centres, so
/// that it grows smoothly with the similarity rather than in steps.
public enum TextSimilarityLevels {
    public static let count = 10
    static let labels = (0..<count).map { String(format: "文本相似度 %.1f–%.1f", Double($0) / 10, Double($0 + 1) / 10) }

    /// The level (1...10) a similarity falls in.
    public static func level(_ similarity: Float) -> Int {
        1 + min(count - 1, max(0, Int(similarity * Float(count))))
    }

    /// The centre of a level (1...10).
    public static func centre(_ level: Int) -> Double { (Double(level) - 0.5) / Double(count) }
}
