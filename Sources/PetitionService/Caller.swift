/// The operator a request speaks for, as its bearer token says.
public struct Caller: Sendable, Equatable {
    public var operatorName: String
    public var role: Role
    /// The token's public handle (never the token).
    public var tokenID: String

    public init(operatorName: String, role: Role, tokenID: String) {
        self.operatorName = operatorName
        self.role = role
        self.tokenID = tokenID
    }
}
