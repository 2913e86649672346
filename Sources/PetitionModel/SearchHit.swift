import Foundation

/// One petition found, with its highlighted title and snippet. Highlights are
/// marked with ``SearchHit/highlightStart`` and ``SearchHit/highlightEnd`` for
/// the caller to render (colour on a terminal, 【】 elsewhere).
public struct SearchHit: Sendable {
    public static let highlightStart = "\u{1}"
    public static let highlightEnd = "\u{2}"

    public var id: String
    public var receivedAt: String
    public var channel: String?
    public var level: String?
    public var region: String
    public var category: String?
    public var title: String
    public var snippet: String
    /// bm25 score (smaller is better, as SQLite reports it).
    public var rank: Double

    public init(id: String, receivedAt: String, channel: String?, level: String?, region: String, category: String?,
                title: String, snippet: String, rank: Double) {
        self.id = id
        self.receivedAt = receivedAt
        self.channel = channel
        self.level = level
        self.region = region
        self.category = category
        self.title = title
        self.snippet = snippet
        self.rank = rank
    }
}
