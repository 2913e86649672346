import PetitionText

/// Chinese full-text search over the petitions: ranked, with snippets and
/// filters, and never missing a substring (``SearchRequest``).
public protocol PetitionSearching: Sendable {
    func search(_ request: SearchRequest) throws -> SearchResult
    /// Every petition id matching a query, unranked (for recall checks).
    func matchingIDs(_ query: SearchQuery) throws -> [String]
}
