import Foundation
import PetitionModel
import PetitionStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What bounds a caller: no answer is cached, a sign-in comes from the
/// service's own page, a body arrives by the deadline, an operator has a
/// share of requests, and bad tokens neither flood the trail nor go unanswered.
@Suite("Service limits", .serialized)
struct ServiceLimitsTests {
    @Test("every answer, refusals included, is Cache-Control: no-store")
    func noStore() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let answers = [
            try await server.client(database.investigator).get("/v1/search?q=\(encoded("房产证"))"),
            try await server.client(database.admin).get("/v1/petitions/\(Fixture.record(0)["id"] as! String)?reveal=true",
                                                        headers: ["X-Reveal-Reason": "test"]),
            try await server.client().get("/v1/search?q=x"),
            try await server.client(database.admin).get("/v1/nowhere"),
            try await server.client().get("/"),
        ]
        for answer in answers {
            #expect(answer.headers["cache-control"] == "no-store", "\(answer.status) \(answer.text.prefix(80))")
        }
        try await server.stop()
    }

    @Test("a sign-in posted from another site's page is 403; from the service's own it is not")
    func signInOrigin() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let form = Data("token=\(database.admin)".utf8)
        let formType = "application/x-www-form-urlencoded"
        let elsewhere = try await server.client().send("POST", "/login", body: form,
                                                       headers: ["Content-Type": formType, "Origin": "http://evil.example"])
        #expect(elsewhere.status == 403)
        #expect(elsewhere.errorCode == "cross_origin")
        let crossSite = try await server.client().send("POST", "/login", body: form,
                                                       headers: ["Content-Type": formType, "Sec-Fetch-Site": "cross-site"])
        #expect(crossSite.status == 403)
        let own = try await server.client().send("POST", "/login", body: form,
                                                 headers: ["Content-Type": formType, "Origin": "http://127.0.0.1:\(server.port)"])
        #expect(own.status == 303)
        #expect(own.headers["set-cookie"]?.contains("petition_session=") == true)
        try await server.stop()
    }

    @Test("a sign-in form over 4,096 bytes is 413 in JSON, not 500")
    func signInTooLarge() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let body = Data(("token=" + String(repeating: "a", count: 5000)).utf8)
        for chunked in [false, true] {
            let answer = try await server.client().send("POST", "/login", body: body,
                                                        headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                        chunked: chunked)
            #expect(answer.status == 413, "chunked \(chunked): \(answer.text)")
            #expect(answer.errorCode == "body_too_large")
        }
        try await server.stop()
    }

    @Test("a body still arriving at the deadline is answered 503 then, not held open")
    func trickledBody() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.requestTimeout = .seconds(2) }
        let port = server.port, token = database.clerk
        let (status, seconds) = try await onThread { () throws -> (Int, Double) in
            let head = "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\": "
            return try TrickleClient.sendHeadAndWait(port: port, head: head, timeout: 20)
        }
        #expect(status == 503)
        #expect(seconds < 10, "answered after \(seconds) s")
        try await server.stop()
    }

    @Test("bad tokens from one address make one audit entry a minute, and past their share are 429")
    func badTokens() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        var statuses: [Int] = []
        for attempt in 0..<40 {
            let answer = try await server.client("pt_" + String(repeating: "x", count: 40) + String(attempt)).get("/v1/dedup")
            statuses.append(answer.status)
        }
        #expect(statuses.prefix(30).allSatisfy { $0 == 401 }, "\(statuses)")
        #expect(statuses.suffix(5).allSatisfy { $0 == 429 }, "\(statuses)")
        let limited = try await server.client("pt_bad").get("/v1/dedup")
        #expect(limited.headers["retry-after"] != nil)
        let anonymous = try database.store.auditEntries(from: nil, to: nil, operatorName: "（未认证）")
        #expect(anonymous.count == 1, "\(anonymous.map(\.command))")
        #expect(anonymous.first?.subject?.contains("127.0.0.1") == true)
        // A valid token from the same address is not held back by the guesses.
        #expect(try await server.client(database.admin).get("/v1/dedup").status == 200)
        try await server.stop()
    }

    @Test("an operator past its share of requests is 429 with Retry-After; another operator is not")
    func operatorShare() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.operatorRequestsPerSecond = 0.5 }
        var statuses: [Int] = []
        for _ in 0..<6 { statuses.append(try await server.client(database.admin).get("/v1/dedup").status) }
        #expect(statuses.prefix(2) == [200, 200], "\(statuses)")
        #expect(statuses.last == 429, "\(statuses)")
        #expect(try await server.client(database.investigator).get("/v1/search?q=\(encoded("房产证"))").status == 200)
        try await server.stop()
    }

    @Test("an import over HTTP names every id it was sent in the audit trail")
    func importAudited() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let lines = [
            #"{"id": "HTTP-1", "received_at": "2023-05-01", "content": "反映小区停车位问题"}"#,
            #"{"id": "HTTP-2", "received_at": "2023-05-02", "content": "反映道路破损\u0001问题"}"#,
            #"{"id": "HTTP-3", "received_at": "2023-02-30", "content": "坏日期"}"#,
        ]
        let answer = try await server.client(database.admin).post("/v1/petitions", text: lines.joined(separator: "\n"))
        #expect(answer.status == 200)
        let warnings = try #require(answer.json["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["line"] as? Int == 2)
        #expect(warnings.first?["field"] as? String == "content")
        let entry = try #require(try database.store.auditEntries(from: nil, to: nil, operatorName: "王科长")
            .last { $0.command.hasPrefix("POST /v1/petitions") })
        #expect(entry.returned == ["HTTP-1", "HTTP-2", "HTTP-3"])
        #expect(try database.store.storedPetition(id: "HTTP-2")?.petition.content == "反映道路破损问题")
        try await server.stop()
    }
}

/// A client that sends a request's head and part of its body, then waits
/// for the answer without sending the rest.
enum TrickleClient {
    static func sendHeadAndWait(port: Int, head: String, timeout: Int) throws -> (status: Int, seconds: Double) {
        let descriptor = try LoopbackClient.connectedSocket(port: port, timeout: timeout)
        defer { close(descriptor) }
        let start = Date()
        let bytes = Array(head.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = recv(descriptor, &buffer, buffer.count, 0)
        let seconds = Date().timeIntervalSince(start)
        guard received > 0 else { return (0, seconds) }
        let line = String(decoding: buffer[0..<received], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, seconds)
    }
}
