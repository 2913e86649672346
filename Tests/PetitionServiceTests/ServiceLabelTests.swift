import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// `/v1/labels`: officials judge pairs over HTTP as `petition label` does.
@Suite("Service labels", .serialized)
struct ServiceLabelTests {
    @Test("investigators and admins judge pairs; clerks get 403")
    func roles() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        #expect(try await server.client(database.clerk).get("/v1/labels").status == 403)
        let queue = try await server.client(database.investigator).get("/v1/labels?limit=3&recent=50")
        #expect(queue.status == 200, "\(queue.text)")
        #expect(queue.json["pairs"] is [Any])
        // The read is audited with its parameters, as `petition label --list` audits it.
        #expect(try database.store.auditEntries(from: nil, to: nil, operatorName: "赵调查")
            .contains { $0.subject == "待判定 --limit 3 --recent 50" })
        try await server.stop()
    }

    @Test("the queue's petitions are masked")
    func masked() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let queue = try await server.client(database.admin).get("/v1/labels?limit=5&recent=200")
        #expect(queue.status == 200)
        let pairs = try #require(queue.json["pairs"] as? [[String: Any]])
        let texts = pairs.flatMap { ($0["petitions"] as? [[String: Any]] ?? []).flatMap { petition in
            ["title", "content", "petitioner"].compactMap { petition[$0] as? String }
        } }
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(text.range(of: #"(?<!\d)1[3-9]\d{9}(?!\d)"#, options: .regularExpression) == nil, "\(text)")
            #expect(text.range(of: #"(?<!\d)\d{17}[\dXx](?!\d)"#, options: .regularExpression) == nil, "\(text)")
        }
        try await server.stop()
    }

    @Test("a judgment is stored with the caller as operator, and a bad one is refused naming its field")
    func save() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let client = server.client(database.investigator)
        let a = try #require(Fixture.record(0)["id"] as? String), b = try #require(Fixture.record(1)["id"] as? String)
        let badLabel = try await client.post("/v1/labels", json: ["a": a, "b": b, "label": "maybe"])
        #expect(badLabel.status == 400)
        #expect(badLabel.errorField == "label")
        let unknown = try await client.post("/v1/labels", json: ["a": a, "b": "XF-404", "label": "same_matter"])
        #expect(unknown.status == 400)
        #expect(unknown.errorField == "b")
        #expect(try database.store.pairLabels().isEmpty)
        let saved = try await client.post("/v1/labels", json: ["a": b, "b": a, "label": "different"])
        #expect(saved.status == 200)
        #expect(saved.json["label"] as? String == "different")
        #expect(saved.json["operator"] as? String == "赵调查")
        #expect(saved.json["a"] as? String == min(a, b))
        let labels = try database.store.pairLabels()
        #expect(labels.map(\.operatorName) == ["赵调查"])
        #expect(labels.map(\.source) == ["service"])
        try await server.stop()
    }

    @Test("learning from too few labels is 400, not a run that fails later")
    func tooFew() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let answer = try await server.client(database.admin).post("/v1/dedup?full=true&weights=learn", json: [:])
        #expect(answer.status == 400)
        #expect(answer.errorField == "weights")
        try await server.stop()
    }
}

/// `/labels`: the page on which an official judges pairs in a browser.
@Suite("Service label page", .serialized)
struct ServiceLabelPageTests {
    @Test("the page needs a signed-in investigator or admin, and shows the pairs masked")
    func page() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        #expect(try await server.client().get("/labels").status == 401)
        #expect(try await server.client(database.clerk).get("/labels").status == 403)
        let page = try await server.client(database.investigator).get("/labels")
        #expect(page.status == 200)
        #expect(page.text.contains("判定信访件对"))
        #expect(page.text.range(of: #"(?<![\d.])1[3-9]\d{9}(?!\d)"#, options: .regularExpression) == nil)
        try await server.stop()
    }

    @Test("an answer from the page is stored and audited; one posted from another site is refused")
    func answer() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let a = try #require(Fixture.record(0)["id"] as? String), b = try #require(Fixture.record(1)["id"] as? String)
        let form = "a=\(a)&b=\(b)&label=skip"
        let client = server.client(database.investigator)
        let crossSite = try await client.send("POST", "/labels", body: Data(form.utf8), headers: [
            "Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"])
        #expect(crossSite.status == 403)
        #expect(try database.store.pairLabels().isEmpty)
        let saved = try await client.post("/labels", text: form, contentType: "application/x-www-form-urlencoded")
        #expect(saved.status == 303)
        #expect(saved.headers["location"] == "/labels?saved=skip")
        #expect(try database.store.pairLabels().map(\.judgment) == [.skipped])
        #expect(try database.store.auditEntries(from: nil, to: nil, operatorName: "赵调查").contains { $0.subject == "判定：跳过" })
        try await server.stop()
    }
}
