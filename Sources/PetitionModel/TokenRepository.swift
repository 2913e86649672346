/// The service's bearer tokens: hashes only, each with its operator and
/// role. A token is added once, looked up by hash on every request, and
/// revoked rather than deleted, so that a revoked token stays listed.
public protocol TokenRepository: Sendable {
    /// Stores a new token; its id and hash are unique.
    func addToken(_ token: ServiceToken) throws
    /// The valid (not revoked) token with this hash, if any.
    func activeToken(hash: String) throws -> ServiceToken?
    /// Every token, revoked ones included, oldest first.
    func tokens() throws -> [ServiceToken]
    /// Revokes a valid token at an ISO 8601 time; false when no valid token has this id.
    func revokeToken(id: String, at: String) throws -> Bool
}
