import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// A check answers whether a stored petitioner has the identifiers it names,
/// so it must not be usable to guess a masked digit: a record names a bounded
/// number of petitioners, an operator a bounded number of different
/// identifiers a day, and the trail records what was asked, masked.
@Suite("Service: a check is not an oracle", .serialized)
struct CheckOracleTests {
    private func record(phones: [String]) -> [String: Any] {
        var record = Fixture.record(0)
        record["id"] = nil
        record["petitioners"] = phones.map { ["name": "张某", "phone": $0] }
        return record
    }

    @Test("a record naming more petitioners than a group's representatives and a joint letter's is 400")
    func petitionerCap() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let clerk = server.client(database.clerk)
        let phones = (0..<(RecordDecoding.petitionersPerCheck + 1)).map { String(13_800_138_000 + $0) }
        let refused = try await clerk.post("/v1/check", json: record(phones: phones))
        #expect(refused.status == 400)
        #expect(refused.errorField == "petitioners")
        #expect(try await clerk.post("/v1/check", json: record(phones: Array(phones.prefix(2)))).status == 200)
        try await server.stop()
    }

    @Test("an operator's different identifiers per day are bounded; the same petition checked again is free")
    func identifierBudget() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.checkIdentifiersPerDay = 4 }
        let clerk = server.client(database.clerk)
        let first = record(phones: ["13800138001", "13800138002", "13800138003"])
        #expect(try await clerk.post("/v1/check", json: first).status == 200)
        #expect(try await clerk.post("/v1/check", json: first).status == 200)
        let guesses = try await clerk.post("/v1/check", json: record(phones: ["13800138004", "13800138005"]))
        #expect(guesses.status == 429)
        #expect(guesses.errorCode == "identifier_budget_spent")
        // Another operator has a budget of their own.
        #expect(try await server.client(database.investigator).post("/v1/check", json: first).status == 200)
        try await server.stop()
    }

    @Test("the audit trail records the identifiers a check named, masked")
    func auditedMasked() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        #expect(try await server.client(database.clerk).post("/v1/check", json: record(phones: ["13800138005"])).status == 200)
        try await server.stop()
        let checks = try database.store.auditEntries(from: nil, to: nil, operatorName: "李登记")
            .filter { $0.command.contains("/v1/check") }
        let subject = try #require(checks.last?.subject)
        #expect(subject.contains("138****8005"))
        #expect(!subject.contains("13800138005"))
    }
}
