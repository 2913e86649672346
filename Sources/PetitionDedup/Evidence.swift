import Foundation
import PetitionText

/// One piece of evidence with its weight, as Splink's waterfall shows it.
public struct Evidence: Sendable, Equatable {
    public var comparison: Comparison
    public var level: Int
    /// In Chinese: what was found (同一账号, 小区不一致, 文本相似度 0.71).
    public var reason: String
    /// Log-likelihood ratio added to the score.
    public var weight: Double
}
