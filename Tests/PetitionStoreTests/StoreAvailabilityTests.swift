import Foundation
import PetitionBackends
import PetitionPostgres
import PetitionModel
import PetitionStore
import Testing

/// Whether a failed store call may succeed if tried again
/// (``StoreAvailabilityError``): what lets the service answer 503 rather than 500.
@Suite("Store availability")
struct StoreAvailabilityTests {
    @Test("a PostgreSQL server that refuses the connection is a transient failure")
    func refusedConnectionIsTransient() throws {
        do {
            let store = try StoreOpener.open("postgres://postgres@127.0.0.1:1/petitions", creating: false)
            _ = try store.petitionCount()
            Issue.record("a connection to port 1 succeeded")
        } catch let error as any StoreAvailabilityError {
            #expect(error.isTransient)
        }
    }

    @Test("a statement the server gave up on for its own reasons is transient; one it rejects is not",
          arguments: [("08006", true), ("57P01", true), ("57014", true), ("53300", true), ("40001", true),
                      ("40P01", true), ("42P01", false), ("23505", false), ("22P02", false)])
    func statementFailures(sqlState: String, transient: Bool) {
        let error = PostgresStoreError.statementFailed(database: "petitions", sqlState: sqlState, message: "", statement: "")
        #expect(error.isTransient == transient)
    }

    @Test("a schema newer than this build, a write sent to a replica and a bad URL are not transient")
    func configurationErrorsArePermanent() {
        #expect(!PostgresStoreError.schemaTooNew(database: "p", found: 9, known: 3).isTransient)
        #expect(!PostgresStoreError.readOnly(database: "p").isTransient)
        #expect(!PostgresStoreError.badURL(text: "postgres://", reason: "").isTransient)
    }

    @Test("after the server ends the store's connections, a read fails transiently at worst, and the next succeeds",
          .enabled(if: Backend.isPostgresConfigured))
    func survivesEndedConnections() throws {
        let scratch = try PostgresScratchDatabase(server: try #require(Backend.postgresServer))
        let store = try StoreOpener.open(scratch.url, creating: true)
        defer { (store as? PostgresStore)?.close() }
        #expect(try store.petitionCount() == 0)
        try scratch.endConnections()
        do {
            _ = try store.petitionCount()
        } catch let error as any StoreAvailabilityError {
            #expect(error.isTransient, "\(error)")
        }
        #expect(try store.petitionCount() == 0)
    }
}
