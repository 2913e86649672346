import PetitionText

/// Chinese full-text search over the petitions: ranked, with snippets and
/// filters, and never missing a substring (``SearchRequest``).
public protocol PetitionSearching: Sendable {
    func search(_ request: SearchRequest) throws -> SearchResult
    /// Every petition id matching a query, unranked (for recall checks).
    func matchingIDs(_ query: SearchQuery) throws -> [String]
    /// Ends the searches running now and refuses new ones: the service is
    /// stopping, and a search's caller would wait for it up to its deadline.
    func stopSearches()
}
