import Foundation
import PetitionModel
import GRDB

/// The service's tokens in SQLite: `service_token`, one row per token, the
/// hash unique and indexed so that a request's lookup is one index probe.
extension PetitionStore: TokenRepository {
    public func addToken(_ token: ServiceToken) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO service_token (token_id, token_hash, operator, role, created_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [token.tokenID, token.tokenHash, token.operatorName, token.role, token.createdAt,
                                 token.revokedAt])
        }
    }

    public func activeToken(hash: String) throws -> ServiceToken? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM service_token WHERE token_hash = ? AND revoked_at IS NULL",
                             arguments: [hash]).map(Self.token(row:))
        }
    }

    public func tokens() throws -> [ServiceToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM service_token ORDER BY created_at, token_id").map(Self.token(row:))
        }
    }

    public func revokeToken(id: String, at: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE service_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                           arguments: [at, id])
            return db.changesCount > 0
        }
    }

    private static func token(row: Row) -> ServiceToken {
        ServiceToken(tokenID: row["token_id"], tokenHash: row["token_hash"], operatorName: row["operator"],
                     role: row["role"], createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
