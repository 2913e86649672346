import Crypto
import Foundation
import PetitionModel

/// Makes bearer tokens and recognises them. A token is `pt_` and 43
/// characters of base64url over 32 random bytes from the system's secure
/// generator; the store keeps its SHA-256 only, so a copy of the database
/// does not hand out access.
public struct TokenIssuer: Sendable {
    public let store: any TokenRepository

    public init(store: any TokenRepository) {
        self.store = store
    }

    /// A new token for an operator, stored by hash. The returned token is
    /// the only time it is seen: it cannot be read back.
    public func issue(operatorName: String, role: Role, at date: Date = Date()) throws -> (token: String, record: ServiceToken) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "pt_" + Self.base64URL(bytes)
        let hash = Self.hash(token)
        let record = ServiceToken(tokenID: "T-" + String(hash.prefix(8)), tokenHash: hash, operatorName: operatorName,
                                  role: role.rawValue, createdAt: ISO8601DateFormatter().string(from: date))
        try store.addToken(record)
        return (token, record)
    }

    /// The caller a presented token speaks for; nil when it is malformed, unknown or revoked.
    public func caller(presenting token: String) throws -> Caller? {
        guard Self.isWellFormed(token), let record = try store.activeToken(hash: Self.hash(token)),
              let role = Role(rawValue: record.role) else { return nil }
        return Caller(operatorName: record.operatorName, role: role, tokenID: record.tokenID)
    }

    /// The caller a token's hash speaks for (a dashboard session keeps the
    /// hash, never the token); nil when it is unknown or revoked.
    public func caller(hash: String) throws -> Caller? {
        guard let record = try store.activeToken(hash: hash), let role = Role(rawValue: record.role) else { return nil }
        return Caller(operatorName: record.operatorName, role: role, tokenID: record.tokenID)
    }

    /// Lowercase hex SHA-256 of the token's UTF-8 bytes.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 46 && token.hasPrefix("pt_")
            && token.utf8.dropFirst(3).allSatisfy { $0.isBase64URL }
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

private extension UInt8 {
    var isBase64URL: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
            || self == 0x2D || self == 0x5F
    }
}
