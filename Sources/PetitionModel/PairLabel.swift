import Foundation

/// An official's judgment of two stored petitions: one matter, two matters, or
/// skipped (too little to tell). The detector learns from these
/// (`dedup --weights learn`), as the dedupe library learns from its labels;
/// a skipped pair is kept so that it is not asked again.
public struct PairLabel: Sendable, Equatable, Codable {
    public enum Judgment: String, Sendable, Codable, CaseIterable {
        /// 同一事项: the same matter raised again.
        case sameMatter = "same_matter"
        /// 不同事项: anything else, a class case's members included.
        case different
        /// 跳过: the official could not tell.
        case skipped = "skip"

        /// As an official reads it.
        public var chinese: String {
            switch self {
            case .sameMatter: "同一事项"
            case .different: "不同事项"
            case .skipped: "跳过"
            }
        }
    }

    /// The pair's ids, the smaller first, so that a pair has one label whichever way it was shown.
    public private(set) var first: String
    public private(set) var second: String
    public var judgment: Judgment
    public var operatorName: String
    /// ISO 8601, UTC.
    public var labelledAt: String
    /// How it came: `label` (the command line), `service` (POST /v1/labels) or `import` (a judged-pairs file).
    public var source: String

    public init(_ a: String, _ b: String, judgment: Judgment, operatorName: String, labelledAt: String, source: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
        self.judgment = judgment
        self.operatorName = operatorName
        self.labelledAt = labelledAt
        self.source = source
    }
}
