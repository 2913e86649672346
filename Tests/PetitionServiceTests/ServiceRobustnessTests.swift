import Foundation
import PetitionDedup
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// Bad input is 400 naming the field, never 500; limits, timeouts, 404, 409; logs without identifiers.
@Suite("Service robustness", .serialized)
struct ServiceRobustnessTests {
    @Test("bad JSON and bad fields are 400 with a Chinese message naming the field")
    func badInput() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let clerk = server.client(database.clerk)
        let cases: [(body: String, code: String, field: String?)] = [
            ("", "bad_json", nil),
            ("{\"id\": ", "bad_json", nil),
            ("[1, 2]", "bad_json", nil),
            ("\"text\"", "bad_json", nil),
            (#"{"id": "X", "received_at": "2021-02-30", "content": "内容"}"#, "bad_field", "received_at"),
            (#"{"id": "X", "content": "内容"}"#, "bad_field", "received_at"),
            (#"{"id": "X", "received_at": "2021-02-03"}"#, "bad_field", "content"),
            (#"{"id": "X", "received_at": "2021-02-03", "content": "内容", "level": "乡级"}"#, "bad_field", "level"),
            (#"{"id": "X", "received_at": "2021-02-03", "content": "内容", "headcount": "很多"}"#, "bad_field", "headcount"),
            (#"{"id": "X", "received_at": "2021-02-03", "content": "内容", "petitioners": [1]}"#, "bad_field", "petitioners[0]"),
            (#"{"id": "X", "received_at": "2021-02-03", "content": 5}"#, "bad_field", "content"),
            (#"{"id": "X", "received_at": "2021-02-03", "content": "内容", "title": ["a"]}"#, "bad_field", "title"),
            (#"{"id": "X Y", "received_at": "2021-02-03", "content": "内容"}"#, "bad_field", "id"),
        ]
        for item in cases {
            let answer = try await clerk.post("/v1/check", text: item.body)
            #expect(answer.status == 400, "\(item.body): \(answer.text)")
            #expect(answer.errorCode == item.code, "\(item.body): \(answer.text)")
            #expect(answer.errorField == item.field, "\(item.body): \(answer.text)")
            let message = answer.json["message"] as? String ?? ""
            #expect(message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message)")
            if let field = item.field { #expect(message.contains(field), "\(message)") }
        }
        let noID = try await clerk.post("/v1/check?save=true", json: ["received_at": "2021-02-03", "content": "内容"])
        #expect(noID.status == 400)
        #expect(noID.errorField == "id")
        #expect(try await clerk.post("/v1/check?save=maybe", json: Fixture.record(0)).errorField == "save")
        let investigator = server.client(database.investigator)
        for (query, field) in [("", "q"), ("q=%22%22", "q"), ("q=-\(encoded("房"))", "q"),
                               ("q=\(encoded("房"))&level=\(encoded("乡级"))", "level"),
                               ("q=\(encoded("房"))&from=2021-13-01", "from"), ("q=\(encoded("房"))&limit=-1", "limit"),
                               ("q=\(encoded("房"))&limit=many", "limit"), ("q=\(encoded("房"))&stage=done", "stage"),
                               ("q=\(encoded("房"))&reveal=perhaps", "reveal"), ("q=%FF%FE", "q"),
                               ("q=\(encoded("房"))&region=%C3%28", "region")] {
            let answer = try await investigator.get("/v1/search?\(query)")
            #expect(answer.status == 400, "\(query): \(answer.text)")
            #expect(answer.errorField == field, "\(query): \(answer.text)")
        }
        // Hostile queries reach no FTS5 syntax: an answer or a 400, never a 500.
        for query in ["\"", "*", "NEAR(", "AND OR", "'; drop table petition; --", "{title}: 房", "%_%"] {
            let answer = try await investigator.get("/v1/search?q=\(encoded(query))")
            #expect([200, 400].contains(answer.status), "\(query): \(answer.text)")
        }
        for body in ["", "   ", "[{\"id\": ", "<xml/>"] {
            let answer = try await clerk.post("/v1/petitions", text: body)
            #expect(answer.status == 400, "\(body): \(answer.text)")
            #expect(answer.errorCode == "bad_json")
        }
        #expect(try await server.client(database.admin).send("POST", "/v1/dedup?weights=best").errorField == "weights")
        #expect(try await server.client(database.admin).get("/v1/audit?from=yesterday").errorField == "from")
        try await server.stop()
    }

    @Test("unknown ids and routes are 404, a known route asked with another method 405")
    func notFound() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let clerk = server.client(database.clerk)
        for path in ["/v1/petitions/XF-NONE", "/v1/matters/M-999999", "/v1/backlog-cases/JA-NONE"] {
            let answer = try await clerk.get(path)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.errorCode == "not_found")
        }
        // A backlog case id is not a petition.
        let backlog = try #require(try database.store.backlogCases().first)
        #expect(try await clerk.get("/v1/petitions/\(backlog.caseID)").status == 404)
        let route = try await clerk.get("/v1/nothing")
        #expect(route.status == 404)
        #expect(route.errorCode == "no_route")
        // A known path with another method: 405 with the methods it takes.
        let method = try await clerk.send("DELETE", "/v1/petitions/XF-1")
        #expect(method.status == 405)
        #expect(method.errorCode == "method_not_allowed")
        #expect(method.headers["allow"] == "GET")
        #expect(try await clerk.send("PUT", "/v1/dedup").headers["allow"] == "GET, POST")
        try await server.stop()
    }

    @Test("POST /v1/dedup is 409 while a job holds the database, here or in another process")
    func jobRunning() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        // As `petition dedup` in another process would: the store's lock on the database.
        let other = try PetitionStore(path: database.path)
        let lock = try other.acquireJobLock()
        let refused = try await server.client(database.admin).send("POST", "/v1/dedup")
        #expect(refused.status == 409)
        #expect(refused.errorCode == "job_running")
        // Checks, saves and searches go on meanwhile.
        #expect(try await server.client(database.clerk).post("/v1/check?save=true", json: [
            "id": "XF-LOCKED-1", "received_at": "2024-06-01", "content": "反映村道积水问题。"]).status == 200)
        #expect(try await server.client(database.admin).get("/v1/search?q=\(encoded("积水"))").status == 200)
        lock.release()
        #expect(try await server.client(database.admin).send("POST", "/v1/dedup?wait=true").status == 200)
        try await server.stop()
    }

    @Test("a query of more terms than allowed is 400 naming q, not a search holding a core")
    func tooManyTerms() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let many = Array(repeating: "的", count: 200).joined(separator: " OR ")
        let refused = try await server.client(database.investigator).get("/v1/search?q=" + encoded(many))
        #expect(refused.status == 400)
        #expect(refused.errorField == "q")
        try await server.stop()
    }

    @Test("a body over the limit is 413, declared or streamed in chunks")
    func bodyTooLarge() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.bodyLimits = BodyLimits(record: 1 << 20, batch: 64 << 10) }
        let clerk = server.client(database.clerk)
        var record = Fixture.record(0)
        record["content"] = String(repeating: "长", count: (1 << 20) / 3 + 10)
        let declared = try await clerk.post("/v1/check", json: record)
        #expect(declared.status == 413)
        #expect(declared.errorCode == "body_too_large")
        #expect((declared.json["message"] as? String)?.contains("1 MiB") == true)
        let streamed = try await clerk.send("POST", "/v1/check", body: try JSONSerialization.data(withJSONObject: record),
                                      chunked: true)
        #expect(streamed.status == 413)
        let batch = Data(Array(repeating: Fixture.petitionLines[0], count: 100).joined(separator: "\n").utf8)
        #expect(batch.count > 64 << 10)
        #expect(try await clerk.send("POST", "/v1/petitions", body: batch, chunked: true).status == 413)
        #expect(try await clerk.send("POST", "/v1/petitions", body: batch).status == 413)
        // Within the limit, still fine.
        #expect(try await clerk.post("/v1/check", json: Fixture.record(0)).status == 200)
        try await server.stop()
    }

    @Test("a request past its deadline is 503 timeout")
    func timeout() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.requestTimeout = .microseconds(1) }
        let answer = try await server.client(database.investigator).get("/v1/search?q=\(encoded("房产证"))")
        #expect(answer.status == 503)
        #expect(answer.errorCode == "timeout")
        #expect(answer.headers["retry-after"] != nil)
        try await server.stop()
    }

    @Test("logs carry the operator and route, never ID numbers, phones or queries")
    func logsWithoutIdentifiers() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let record: [String: Any] = [
            "id": "XF-LOG-1", "received_at": "2024-03-01",
            "petitioners": [["name": "周某", "id_number": "370112198001011236", "phone": "13812345678"]],
            "content": "周某（身份证370112198001011236，电话13812345678）反映楼道堆放杂物。"]
        #expect(try await server.client(database.clerk).post("/v1/check?save=true", json: record).status == 200)
        _ = try await server.client(database.admin).get("/v1/search?q=\(encoded("杂物"))&petitioner=370112198001011236")
        _ = try await server.client(database.admin).get("/v1/petitions/XF-LOG-1?reveal=true", headers: ["X-Reveal-Reason": "13812345678"])
        try await server.stop()
        let logs = server.logs.text
        #expect(logs.contains("\"operator\":\"周某\"") == false)
        #expect(logs.contains("\"operator\":\"李登记\""))
        #expect(logs.contains("\"route\":\"/v1/petitions/{id}\""))
        #expect(!logs.contains("370112198001011236"))
        #expect(!logs.contains("13812345678"))
        #expect(!logs.contains("杂物"))
    }
}
