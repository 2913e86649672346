import Foundation
import PetitionModel
import PetitionStore
import Testing

/// What any backend of ``TokenRepository`` and ``RunHistory`` promises, on each backend.
@Suite("Token repository and run history")
struct TokenRepositoryTests {
    @Test("PostgreSQL backend configured ($PETITION_TEST_POSTGRES)", .enabled(if: Backend.isPostgresConfigured))
    func postgresConfigured() throws {
        let temporary = try BackendStore(.postgres)
        #expect(try temporary.store.tokens().isEmpty)
    }

    @Test("a token is found by its hash until revoked, stays listed after, and hashes and ids are unique", arguments: Backend.available)
    func tokens(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store: any PetitionStorage = temporary.store
        let token = ServiceToken(tokenID: "T-00000001", tokenHash: String(repeating: "a", count: 64), operatorName: "王科长",
                                 role: "admin", createdAt: "2026-01-01T00:00:00Z")
        try store.addToken(token)
        #expect(try store.activeToken(hash: token.tokenHash) == token)
        #expect(try store.activeToken(hash: String(repeating: "b", count: 64)) == nil)
        #expect(throws: (any Error).self) { try store.addToken(token) }
        var sameHash = token
        sameHash.tokenID = "T-00000002"
        #expect(throws: (any Error).self) { try store.addToken(sameHash) }
        #expect(try store.revokeToken(id: "T-00000001", at: "2026-02-01T00:00:00Z"))
        #expect(try !store.revokeToken(id: "T-00000001", at: "2026-03-01T00:00:00Z"))
        #expect(try !store.revokeToken(id: "T-NONE", at: "2026-03-01T00:00:00Z"))
        #expect(try store.activeToken(hash: token.tokenHash) == nil)
        #expect(try store.tokens().map(\.revokedAt) == ["2026-02-01T00:00:00Z"])
    }

    @Test("the latest finished run is the last one that finished, not one still running", arguments: Backend.available)
    func runs(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store: any PetitionStorage = temporary.store
        #expect(try store.latestFinishedRun() == nil)
        let first = try store.beginRun(full: true)
        _ = try store.finish(FinishedRun(runID: first, scored: 3, newMatters: 2, repeats: 1, derived: DerivedTables(),
                                         statistics: Data(count: 8)))
        _ = try store.beginRun(full: false)
        let latest = try #require(try store.latestFinishedRun())
        #expect(latest.runID == first)
        #expect(latest.full)
        #expect((latest.scored, latest.newMatters, latest.repeats) == (3, 2, 1))
        #expect(latest.finishedAt != nil)
    }
}
