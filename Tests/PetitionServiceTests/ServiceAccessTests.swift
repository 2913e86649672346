import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// Tokens, roles, reveals and the audit trail.
@Suite("Service access", .serialized)
struct ServiceAccessTests {
    @Test("no token, a malformed, unknown or revoked token are 401 with a Bearer challenge")
    func unauthorized() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let missing = try await server.client().get("/v1/petitions/XF-1")
        #expect(missing.status == 401)
        #expect(missing.errorCode == "missing_token")
        #expect(missing.headers["www-authenticate"] == "Bearer")
        for token in ["nonsense", "pt_" + String(repeating: "A", count: 43), String(database.admin.dropLast())] {
            let answer = try await server.client(token).get("/v1/petitions/XF-1")
            #expect(answer.status == 401, "\(token)")
            #expect(answer.errorCode == "bad_token")
        }
        let basic = try await server.client().get("/v1/petitions/XF-1", headers: ["Authorization": "Basic dXNlcjpwYXNz"])
        #expect(basic.status == 401)
        let issued = try TokenIssuer(store: database.store).issue(operatorName: "临时", role: .admin)
        #expect(try await server.client(issued.token).get("/v1/dedup").status == 200)
        #expect(try database.store.revokeToken(id: issued.record.tokenID, at: "2026-01-01T00:00:00Z"))
        #expect(try await server.client(issued.token).get("/v1/dedup").status == 401)
        try await server.stop()
    }

    @Test("each role reaches what it may and gets 403 elsewhere")
    func roles() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let petitionID = try #require(Fixture.record(0)["id"] as? String)
        let record = Fixture.record(1)
        func status(_ token: String, _ method: String, _ path: String) async throws -> Int {
            let client = server.client(token)
            return method == "POST" ? try await client.post(path, json: record).status : try await client.get(path).status
        }
        let search = "/v1/search?q=\(encoded("房产证"))"
        let reveal = "/v1/petitions/\(petitionID)?reveal=true"
        // Clerks: check, check-and-save, upsert, read.
        #expect(try await status(database.clerk, "POST", "/v1/check") == 200)
        #expect(try await status(database.clerk, "GET", "/v1/petitions/\(petitionID)") == 200)
        #expect(try await status(database.clerk, "GET", search) == 403)
        #expect(try await status(database.clerk, "GET", "/v1/dedup") == 403)
        #expect(try await status(database.clerk, "GET", "/v1/audit") == 403)
        #expect(try await status(database.clerk, "GET", reveal) == 403)
        let forbidden = try await server.client(database.clerk).get(search)
        #expect(forbidden.errorCode == "forbidden")
        #expect(forbidden.json["message"] as? String == "角色「登记员」无权全文检索")
        // Investigators: also search.
        #expect(try await status(database.investigator, "GET", search) == 200)
        #expect(try await status(database.investigator, "POST", "/v1/dedup") == 403)
        #expect(try await status(database.investigator, "GET", "/v1/audit") == 403)
        #expect(try await status(database.investigator, "GET", search + "&reveal=true") == 403)
        // Admins: everything.
        #expect(try await status(database.admin, "GET", search) == 200)
        #expect(try await status(database.admin, "GET", "/v1/audit") == 200)
        #expect(try await status(database.admin, "GET", "/v1/dedup") == 200)
        try await server.stop()
    }

    @Test("a reveal needs an admin and a reason, shows full numbers and is audited with its reason")
    func reveal() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let record: [String: Any] = [
            "id": "XF-REVEAL-1", "received_at": "2024-03-01",
            "petitioners": [["name": "孙某", "id_number": "370112198001011236", "phone": "138-1234-5678"]],
            "content": "孙某反映其电话13812345678多次被骚扰。"]
        #expect(try await server.client(database.clerk).post("/v1/check?save=true", json: record).status == 200)
        let admin = server.client(database.admin)
        let noReason = try await admin.get("/v1/petitions/XF-REVEAL-1?reveal=true")
        #expect(noReason.status == 400)
        #expect(noReason.errorField == "X-Reveal-Reason")
        let masked = try await admin.get("/v1/petitions/XF-REVEAL-1")
        #expect(!masked.text.contains("370112198001011236"))
        #expect(!masked.text.contains("13812345678"))
        let revealed = try await admin.get("/v1/petitions/XF-REVEAL-1?reveal=true",
                                     headers: ["X-Reveal-Reason": encoded("核实信访人身份")])
        #expect(revealed.status == 200)
        #expect(revealed.text.contains("370112198001011236"))
        #expect(revealed.text.contains("13812345678"))
        let trail = try database.store.auditEntries(from: nil, to: nil, operatorName: "王科长")
        let entry = try #require(trail.last { $0.revealed })
        #expect(entry.reason == "核实信访人身份")
        #expect(entry.subject == "XF-REVEAL-1")
        #expect(entry.command == "GET /v1/petitions/{id} 200")
        try await server.stop()
    }

    @Test("every /v1 request is in the audit trail with its operator, refused ones included; only admins read it")
    func auditTrail() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        _ = try await server.client().get("/v1/dedup")
        _ = try await server.client(database.clerk).get("/v1/search?q=\(encoded("欠薪"))")
        let searched = try await server.client(database.investigator).get("/v1/search?q=\(encoded("欠薪"))&petitioner=\(encoded("张三"))")
        _ = try await server.client(database.clerk).post("/v1/check", json: Fixture.record(2))
        let answer = try await server.client(database.admin).get("/v1/audit")
        #expect(answer.status == 200)
        let entries = try #require(answer.json["entries"] as? [[String: Any]])
        let lines = entries.map { "\($0["operator"] as? String ?? "") \($0["command"] as? String ?? "")" }
        #expect(lines.contains("（未认证） GET /v1/dedup 401"))
        #expect(lines.contains("李登记 GET /v1/search 403"))
        #expect(lines.contains("赵调查 GET /v1/search 200"))
        #expect(lines.contains("李登记 POST /v1/check 200"))
        let search = try #require(entries.first { $0["operator"] as? String == "赵调查" })
        // Every filter and the paging, as `petition search` records them.
        #expect(search["subject"] as? String == "欠薪 --petitioner 张三 --limit 20 --offset 0")
        let ids = (searched.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(search["returned"] as? [String] == ids)
        let filtered = try await server.client(database.admin).get("/v1/audit?operator=\(encoded("李登记"))")
        #expect((filtered.json["entries"] as? [[String: Any]])?.allSatisfy { $0["operator"] as? String == "李登记" } == true)
        try await server.stop()
    }
}
