import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// Each route's good answer, over a real socket on loopback.
@Suite("Service routes", .serialized)
struct ServiceRouteTests {
    @Test("healthz, metrics and openapi.json answer without a token")
    func operationalRoutes() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let health = try await server.client().get("/healthz")
        #expect(health.status == 200)
        #expect(health.json["status"] as? String == "ok")
        #expect(health.json["petitions"] as? Int == Fixture.petitionCount)
        #expect(health.json["index_run_id"] as? Int == 1)
        let document = try await server.client().get("/openapi.json")
        #expect(document.status == 200)
        #expect(document.json["openapi"] as? String == "3.1.0")
        _ = try await server.client(database.clerk).post("/v1/check", json: Fixture.record(0))
        let metrics = try await server.client().get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains(#"petition_http_requests_total{route="/v1/check",method="POST",status="200"} 1"#))
        #expect(metrics.text.contains(#"petition_http_request_duration_seconds_bucket{route="/v1/check",method="POST",status="200",le="#))
        #expect(metrics.text.contains("petition_corpus_petitions \(Fixture.petitionCount).0"))
        #expect(metrics.text.contains("petition_index_run_id 1.0"))
        #expect(metrics.text.contains("petition_dedup_last_run_scored \(Fixture.petitionCount).0"))
        try await server.stop()
    }

    @Test("check gives check --json's verdict; a repeat of a stored petition finds it")
    func check() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        var repeated = Fixture.record(5)
        repeated["id"] = nil
        let answer = try await server.client(database.clerk).post("/v1/check", json: repeated)
        #expect(answer.status == 200)
        #expect(["repeat", "class", "new"].contains(answer.json["verdict"] as? String))
        let matches = answer.json["matches"] as? [[String: Any]] ?? []
        #expect(matches.contains { $0["id"] as? String == Fixture.record(5)["id"] as? String }, "\(answer.text)")
        #expect(answer.json["verdict"] as? String == "repeat")
        #expect(answer.json.keys.contains("acceptance"))
        // Nothing was stored by a check without save.
        #expect(try database.store.petitionCount() == Fixture.petitionCount)
        try await server.stop()
    }

    @Test("a petition saved through the service is found by search and by GET /v1/petitions/{id}, in its matter")
    func saveThenFind() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let record: [String: Any] = [
            "id": "XF-SVC-0001", "received_at": "2024-05-06", "channel": "来访", "level": "县级", "county": "历城区",
            "petitioners": [["name": "钱多多", "id_number": "370112198001011236", "phone": "13812345678"]],
            "title": "反映翡翠湾小区电梯长期停运问题", "content": "信访人钱多多反映翡翠湾小区3号楼电梯停运半年，物业公司拒不维修，要求尽快修复。",
        ]
        let saved = try await server.client(database.clerk).post("/v1/check?save=true", json: record)
        #expect(saved.status == 200, "\(saved.text)")
        let matter = try #require(saved.json["matter_id"] as? String)
        let found = try await server.client(database.investigator).get("/v1/search?q=\(encoded("翡翠湾 电梯"))")
        #expect(found.status == 200)
        #expect(found.json["total"] as? Int == 1)
        let hit = try #require((found.json["hits"] as? [[String: Any]])?.first)
        #expect(hit["id"] as? String == "XF-SVC-0001")
        #expect((hit["snippet"] as? String)?.contains("【") == true)
        let shown = try await server.client(database.clerk).get("/v1/petitions/XF-SVC-0001")
        #expect(shown.status == 200)
        let petition = try #require(shown.json["petition"] as? [String: Any])
        #expect(petition["content"] as? String == record["content"] as? String)
        let people = try #require(petition["petitioners"] as? [[String: Any]])
        #expect(people.first?["id_number"] as? String == "3701**********1236")
        #expect(people.first?["phone"] as? String == "138****5678")
        let matters = try #require(shown.json["matters"] as? [[String: Any]])
        #expect(matters.first?["matter_id"] as? String == matter)
        let byMatter = try await server.client(database.clerk).get("/v1/matters/\(matter)")
        #expect(byMatter.status == 200)
        #expect((byMatter.json["petitions"] as? [[String: Any]])?.contains { $0["id"] as? String == "XF-SVC-0001" } == true)
        try await server.stop()
    }

    @Test("search takes search's filters as parameters and pages")
    func searchFilters() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let client = server.client(database.investigator)
        let all = try await client.get("/v1/search?q=\(encoded("问题"))&limit=5")
        #expect(all.status == 200)
        let total = try #require(all.json["total"] as? Int)
        #expect(total > 5)
        #expect((all.json["hits"] as? [Any])?.count == 5)
        let paged = try await client.get("/v1/search?q=\(encoded("问题"))&limit=5&offset=5")
        #expect((paged.json["hits"] as? [[String: Any]])?.first?["id"] as? String
            != (all.json["hits"] as? [[String: Any]])?.first?["id"] as? String)
        let level = try await client.get("/v1/search?q=\(encoded("问题"))&level=\(encoded("市级"))&limit=1000")
        let levels = Set((level.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["level"] as? String })
        #expect(levels == ["市级"])
        let late = try await client.get("/v1/search?q=\(encoded("问题"))&from=2020-01-01&limit=1000")
        #expect((late.json["hits"] as? [[String: Any]] ?? []).allSatisfy { ($0["received_at"] as? String ?? "") >= "2020-01-01" })
        // `+` is a space, as forms send it: two terms, both required.
        let both = try await client.get("/v1/search?q=\(encoded("房产证"))+\(encoded("开发商"))")
        let either = try await client.get("/v1/search?q=\(encoded("房产证"))")
        #expect((both.json["total"] as? Int ?? 0) <= (either.json["total"] as? Int ?? 0))
        try await server.stop()
    }

    @Test("upsert takes JSON Lines or a JSON array, reports rejections as import --json and is idempotent")
    func upsert() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let client = server.client(database.clerk)
        let good = #"{"id": "XF-NEW-1", "received_at": "2024-01-02", "content": "反映小区停车位被占用问题。"}"#
        let bad = #"{"id": "XF-NEW-2", "received_at": "2024-02-30", "content": "日期不对"}"#
        let lines = [good, "{broken", bad, Fixture.petitionLines[0]].joined(separator: "\n")
        let answer = try await client.post("/v1/petitions", text: lines, contentType: "application/x-ndjson")
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["added"] as? Int == 1)
        #expect(answer.json["unchanged"] as? Int == 1)
        let rejected = try #require(answer.json["rejected"] as? [[String: Any]])
        #expect(rejected.count == 2)
        #expect(rejected[0]["line"] as? Int == 2)
        #expect(rejected[1]["line"] as? Int == 3)
        #expect(rejected[1]["id"] as? String == "XF-NEW-2")
        #expect(rejected[1]["field"] as? String == "received_at")
        #expect((rejected[1]["message"] as? String)?.contains("不是有效日期") == true)
        #expect(rejected[1]["file"] is NSNull)
        // A JSON array, with an update of the record just added.
        let array = try await client.post("/v1/petitions", json: [
            ["id": "XF-NEW-1", "received_at": "2024-01-02", "content": "反映小区停车位被长期占用问题。"],
            ["id": "XF-NEW-3", "received_at": "2024-01-03", "content": "反映道路破损。"],
            "not a record",
        ])
        #expect(array.status == 200, "\(array.text)")
        #expect(array.json["added"] as? Int == 1)
        #expect(array.json["updated"] as? Int == 1)
        #expect((array.json["rejected"] as? [[String: Any]])?.first?["line"] as? Int == 3)
        #expect(try database.store.storedPetition(id: "XF-NEW-1")?.petition.content == "反映小区停车位被长期占用问题。")
        #expect(try database.store.petitionCount() == Fixture.petitionCount + 2)
        try await server.stop()
    }

    @Test("a backlog case and a matter answer with their petitions; show's keys for the case")
    func backlogAndMatter() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let linked = try database.store.backlogCases().first { try !database.store.matterIDs(ofBacklogCase: $0.caseID).isEmpty }
        let backlog = try #require(linked)
        let answer = try await server.client(database.clerk).get("/v1/backlog-cases/\(backlog.caseID)")
        #expect(answer.status == 200)
        #expect((answer.json["backlog_case"] as? [String: Any])?["case_id"] as? String == backlog.caseID)
        let matters = try #require(answer.json["matters"] as? [[String: Any]])
        #expect(!matters.isEmpty)
        let matterID = try #require(matters.first?["matter_id"] as? String)
        let matter = try await server.client(database.clerk).get("/v1/matters/\(matterID)")
        #expect(matter.status == 200)
        #expect((matter.json["backlog_case"] as? [String: Any])?["case_id"] as? String == backlog.caseID)
        #expect(matter.json["petitions"] as? [Any] != nil)
        try await server.stop()
    }

    @Test("POST /v1/dedup runs the job (202, or 200 with dedup --json's summary when waited for) and GET /v1/dedup reports it")
    func dedup() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let admin = server.client(database.admin)
        let waited = try await admin.send("POST", "/v1/dedup?wait=true")
        #expect(waited.status == 200, "\(waited.text)")
        #expect(waited.json["run_id"] as? Int == 2)
        #expect(waited.json["scored"] as? Int == 0)
        #expect(waited.json["matters"] as? Int != nil)
        let status = try await admin.get("/v1/dedup")
        #expect(status.json["running"] as? Bool == false)
        #expect((status.json["last_run"] as? [String: Any])?["run_id"] as? Int == 2)
        // The resident index was rebuilt on the run's statistics.
        #expect(status.json["index_run_id"] as? Int == 2)
        let started = try await admin.send("POST", "/v1/dedup?full=true")
        #expect(started.status == 202)
        #expect(started.json["running"] as? Bool == true)
        #expect(started.json["full"] as? Bool == true)
        // A save during the run goes through.
        let saved = try await server.client(database.clerk).post("/v1/check?save=true", json: [
            "id": "XF-DURING-1", "received_at": "2024-06-01", "content": "反映村道积水问题，要求修排水沟。"])
        #expect(saved.status == 200)
        for _ in 0..<600 {
            if try await admin.get("/v1/dedup").json["running"] as? Bool != true { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let after = try await admin.get("/v1/dedup")
        #expect(after.json["running"] as? Bool == false)
        #expect((after.json["last_run"] as? [String: Any])?["full"] as? Bool == true)
        #expect(after.json["index_run_id"] as? Int == 3)
        try await server.stop()
    }
}
