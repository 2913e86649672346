import PetitionModel
import PostgresNIO

/// The service's tokens: `service_token`, the hash unique and indexed, as on SQLite.
extension PostgresStore: TokenRepository {
    public func addToken(_ token: ServiceToken) throws {
        try write { session in
            try session.execute("""
                INSERT INTO service_token (token_id, token_hash, operator, role, created_at, revoked_at)
                VALUES (\(token.tokenID), \(token.tokenHash), \(token.operatorName), \(token.role), \(token.createdAt),
                        \(token.revokedAt))
                """)
        }
    }

    public func activeToken(hash: String) throws -> ServiceToken? {
        try read { session in
            try session.rows("""
                SELECT token_id, token_hash, operator, role, created_at, revoked_at FROM service_token
                WHERE token_hash = \(hash) AND revoked_at IS NULL
                """).first.map(Self.token(row:))
        }
    }

    public func tokens() throws -> [ServiceToken] {
        try read { session in
            try session.rows("""
                SELECT token_id, token_hash, operator, role, created_at, revoked_at FROM service_token
                ORDER BY created_at, token_id
                """).map(Self.token(row:))
        }
    }

    public func revokeToken(id: String, at: String) throws -> Bool {
        try write { session in
            try session.execute("UPDATE service_token SET revoked_at = \(at) WHERE token_id = \(id) AND revoked_at IS NULL") > 0
        }
    }

    private static func token(row: PostgresRow) throws -> ServiceToken {
        let (id, hash, operatorName, role, created, revoked) = try row.decode(
            (String, String, String, String, String, String?).self)
        return ServiceToken(tokenID: id, tokenHash: hash, operatorName: operatorName, role: role, createdAt: created,
                            revokedAt: revoked)
    }
}
