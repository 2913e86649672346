/// A bearer token of the HTTP service, as the store keeps it: never the token
/// itself, only its SHA-256 hash (the service hashes what a caller presents
/// and looks the hash up), with the operator it speaks for and that
/// operator's role.
public struct ServiceToken: Sendable, Equatable {
    /// A short public handle to list and revoke the token by (`T-` and eight hex digits).
    public var tokenID: String
    /// Lowercase hex SHA-256 of the token.
    public var tokenHash: String
    public var operatorName: String
    /// `clerk`, `investigator` or `admin`: the service decides what each may do.
    public var role: String
    /// ISO 8601.
    public var createdAt: String
    /// ISO 8601; nil while the token is valid.
    public var revokedAt: String?

    public init(tokenID: String, tokenHash: String, operatorName: String, role: String, createdAt: String,
                revokedAt: String? = nil) {
        self.tokenID = tokenID
        self.tokenHash = tokenHash
        self.operatorName = operatorName
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
