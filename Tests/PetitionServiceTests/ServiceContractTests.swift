import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// Every route's answers, good and bad, against the OpenAPI document the
/// service serves; and the service's JSON against the command line's `--json`.
@Suite("Service contract", .serialized)
struct ServiceContractTests {
    @Test("the document is OpenAPI 3.1 and documents every route the service answers")
    func documentCoversRoutes() throws {
        let contract = try OpenAPIContract()
        guard case let .object(root) = contract.document else { throw TestFailure("not an object") }
        #expect(root["openapi"] == .string("3.1.0"))
        #expect(contract.operations == [
            "GET /", "GET /healthz", "GET /labels", "GET /metrics", "GET /openapi.json", "GET /v1/audit", "GET /v1/backlog-cases/{id}",
            "GET /v1/dashboard", "GET /v1/dedup", "GET /v1/labels", "GET /v1/matters/{id}", "GET /v1/petitions/{id}",
            "GET /v1/search", "POST /labels", "POST /login", "POST /logout", "POST /v1/check", "POST /v1/dedup", "POST /v1/labels",
            "POST /v1/petitions",
        ])
        // The table that tells 404 from 405 lists the same routes.
        #expect(RouteTable.routes.flatMap { route in route.methods.map { "\($0) \(route.template)" } }.sorted()
            == contract.operations)
    }

    @Test("every answer, good and bad, has a documented status and a body of the documented shape")
    func answersKeepTheContract() async throws {
        let contract = try OpenAPIContract()
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let petitionID = try #require(Fixture.record(0)["id"] as? String)
        let matterID = try #require(try database.store.matterID(ofPetition: petitionID))
        let linked = try database.store.backlogCases().first { try !database.store.matterIDs(ofBacklogCase: $0.caseID).isEmpty }
        let backlogID = try #require(linked?.caseID)
        let clerk = server.client(database.clerk), investigator = server.client(database.investigator)
        let admin = server.client(database.admin), anonymous = server.client()
        var repeated = Fixture.record(3)
        repeated["id"] = nil
        let reason = ["X-Reveal-Reason": encoded("核实")]
        // Route template, then the answer; every status each route gives in these tests.
        var answers: [(String, String, Answer)] = [
            ("GET", "/healthz", try await anonymous.get("/healthz")),
            ("GET", "/metrics", try await anonymous.get("/metrics")),
            ("GET", "/openapi.json", try await anonymous.get("/openapi.json")),
            ("POST", "/v1/check", try await clerk.post("/v1/check", json: repeated)),
            ("POST", "/v1/check", try await clerk.post("/v1/check", json: Fixture.record(4))),
            ("POST", "/v1/check", try await clerk.post("/v1/check?save=true", json: [
                "id": "XF-C-1", "received_at": "2024-01-01", "level": "市级", "headcount": 6,
                "content": "六名村民反映村集体土地被占用，要求退还。",
                "handling": ["organ": "某县人民政府", "level": "县级", "accepted_at": "2023-12-01"]])),
            ("POST", "/v1/check", try await clerk.post("/v1/check", text: "{")),
            ("POST", "/v1/check", try await clerk.post("/v1/check", json: ["id": "X", "received_at": "昨天", "content": "x"])),
            ("POST", "/v1/check", try await anonymous.post("/v1/check", json: repeated)),
            ("POST", "/v1/check", try await server.client("pt_bad").post("/v1/check", json: repeated)),
            ("POST", "/v1/check", try await clerk.post("/v1/check", text: String(repeating: " ", count: (1 << 20) + 1))),
            ("POST", "/v1/petitions", try await clerk.post("/v1/petitions", text: Fixture.petitionLines[0] + "\n{bad}")),
            ("POST", "/v1/petitions", try await clerk.post("/v1/petitions", text: "[")),
            ("POST", "/v1/petitions", try await anonymous.post("/v1/petitions", text: "[]")),
            ("GET", "/v1/search", try await investigator.get("/v1/search?q=\(encoded("房产证"))&limit=3")),
            ("GET", "/v1/search", try await admin.get("/v1/search?q=\(encoded("房产证"))&reveal=true", headers: reason)),
            ("GET", "/v1/search", try await investigator.get("/v1/search?q=\(encoded("房产证"))&level=x")),
            ("GET", "/v1/search", try await clerk.get("/v1/search?q=\(encoded("房产证"))")),
            ("GET", "/v1/search", try await anonymous.get("/v1/search?q=\(encoded("房产证"))")),
            ("GET", "/v1/petitions/{id}", try await clerk.get("/v1/petitions/\(petitionID)")),
            ("GET", "/v1/petitions/{id}", try await clerk.get("/v1/petitions/XF-C-1")),
            ("GET", "/v1/petitions/{id}", try await admin.get("/v1/petitions/\(petitionID)?reveal=true", headers: reason)),
            ("GET", "/v1/petitions/{id}", try await admin.get("/v1/petitions/\(petitionID)?reveal=true")),
            ("GET", "/v1/petitions/{id}", try await clerk.get("/v1/petitions/\(petitionID)?reveal=true")),
            ("GET", "/v1/petitions/{id}", try await clerk.get("/v1/petitions/XF-NONE")),
            ("GET", "/v1/petitions/{id}", try await anonymous.get("/v1/petitions/\(petitionID)")),
            ("GET", "/v1/matters/{id}", try await clerk.get("/v1/matters/\(matterID)")),
            ("GET", "/v1/matters/{id}", try await clerk.get("/v1/matters/M-999999")),
            ("GET", "/v1/matters/{id}", try await admin.get("/v1/matters/\(matterID)?reveal=true", headers: reason)),
            ("GET", "/v1/matters/{id}", try await admin.get("/v1/matters/\(matterID)?reveal=true")),
            ("GET", "/v1/matters/{id}", try await investigator.get("/v1/matters/\(matterID)?reveal=true", headers: reason)),
            ("GET", "/v1/matters/{id}", try await anonymous.get("/v1/matters/\(matterID)")),
            ("GET", "/v1/backlog-cases/{id}", try await clerk.get("/v1/backlog-cases/\(backlogID)")),
            ("GET", "/v1/backlog-cases/{id}", try await clerk.get("/v1/backlog-cases/JA-NONE")),
            ("GET", "/v1/backlog-cases/{id}", try await admin.get("/v1/backlog-cases/\(backlogID)?reveal=1", headers: reason)),
            ("GET", "/v1/backlog-cases/{id}", try await admin.get("/v1/backlog-cases/\(backlogID)?reveal=x")),
            ("GET", "/v1/backlog-cases/{id}", try await clerk.get("/v1/backlog-cases/\(backlogID)?reveal=true")),
            ("GET", "/v1/backlog-cases/{id}", try await anonymous.get("/v1/backlog-cases/\(backlogID)")),
            ("GET", "/v1/dedup", try await admin.get("/v1/dedup")),
            ("GET", "/v1/dedup", try await investigator.get("/v1/dedup")),
            ("GET", "/v1/dedup", try await anonymous.get("/v1/dedup")),
            ("POST", "/v1/dedup", try await admin.send("POST", "/v1/dedup?wait=true")),
            ("POST", "/v1/dedup", try await admin.send("POST", "/v1/dedup?weights=none")),
            ("POST", "/v1/dedup", try await clerk.send("POST", "/v1/dedup")),
            ("POST", "/v1/dedup", try await anonymous.send("POST", "/v1/dedup")),
            ("GET", "/v1/audit", try await admin.get("/v1/audit")),
            ("GET", "/v1/audit", try await admin.get("/v1/audit?to=x")),
            ("GET", "/v1/audit", try await investigator.get("/v1/audit")),
            ("GET", "/v1/audit", try await anonymous.get("/v1/audit")),
            ("GET", "/v1/labels", try await investigator.get("/v1/labels?limit=2&recent=30")),
            ("GET", "/v1/labels", try await investigator.get("/v1/labels?limit=0")),
            ("GET", "/v1/labels", try await clerk.get("/v1/labels")),
            ("GET", "/v1/labels", try await anonymous.get("/v1/labels")),
            ("POST", "/v1/labels", try await investigator.post("/v1/labels", json: [
                "a": Fixture.record(0)["id"] as! String, "b": Fixture.record(1)["id"] as! String, "label": "different"])),
            ("POST", "/v1/labels", try await investigator.post("/v1/labels", json: ["a": "XF-1", "b": "XF-2", "label": "maybe"])),
            ("POST", "/v1/labels", try await investigator.post("/v1/labels", text: "{")),
            ("POST", "/v1/labels", try await clerk.post("/v1/labels", json: ["a": "XF-1", "b": "XF-2", "label": "skip"])),
            ("POST", "/v1/labels", try await anonymous.post("/v1/labels", json: ["a": "XF-1", "b": "XF-2", "label": "skip"])),
            ("GET", "/v1/dashboard", try await clerk.get("/v1/dashboard")),
            ("GET", "/v1/dashboard", try await clerk.get("/v1/dashboard?city=\(encoded("济南市"))")),
            ("GET", "/v1/dashboard", try await clerk.get("/v1/dashboard?province=\(encoded("火星"))")),
            ("GET", "/v1/dashboard", try await anonymous.get("/v1/dashboard")),
            ("GET", "/", try await anonymous.get("/")),
            ("GET", "/", try await clerk.get("/")),
            ("GET", "/", try await clerk.get("/?province=\(encoded("火星"))")),
            ("GET", "/", try await clerk.get("/?county=x")),
            ("POST", "/login", try await anonymous.post("/login", text: "token=pt_bad", contentType: "application/x-www-form-urlencoded")),
            ("POST", "/login", try await anonymous.post("/login", text: "token=\(database.clerk)", contentType: "application/x-www-form-urlencoded")),
            ("POST", "/logout", try await anonymous.send("POST", "/logout")),
        ]
        let lock = try PetitionStore(path: database.path).acquireJobLock()
        answers.append(("POST", "/v1/dedup", try await admin.send("POST", "/v1/dedup")))
        lock.release()
        answers.append(("POST", "/v1/dedup", try await admin.send("POST", "/v1/dedup")))
        try await server.stop()
        let slow = try await RunningServer(database) { $0.requestTimeout = .microseconds(1) }
        answers.append(("GET", "/v1/search", try await slow.client(database.admin).get("/v1/search?q=\(encoded("房"))")))
        try await slow.stop()

        var seen: [String: Set<Int>] = [:]
        for (method, template, answer) in answers {
            let problems = contract.problems(method: method, template: template, answer: answer)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\(answer.text.prefix(400))")
            #expect(answer.status != 500, "\(method) \(template): \(answer.text)")
            seen["\(method) \(template)", default: []].insert(answer.status)
        }
        // Each route was seen answering well and refusing.
        for operation in contract.operations where operation.contains("/v1/") {
            let statuses = seen[operation] ?? []
            #expect(statuses.contains { $0 < 300 }, "\(operation): \(statuses)")
            #expect(statuses.contains(401), "\(operation): \(statuses)")
            #expect(statuses.contains { $0 == 400 || $0 == 403 }, "\(operation): \(statuses)")
        }
        #expect(seen["POST /v1/dedup"]?.isSuperset(of: [200, 202, 400, 401, 403, 409]) == true)
        #expect(seen["POST /v1/check"]?.isSuperset(of: [200, 400, 401, 413]) == true)
        #expect(seen["GET /v1/search"]?.contains(503) == true)
    }

    @Test("check, show and search answer with the keys of the command line's --json")
    func sameKeysAsCommandLine() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database)
        let petitionID = try #require(Fixture.record(0)["id"] as? String)
        let backlogID = try #require(try database.store.backlogCases().first { try !database.store.matterIDs(ofBacklogCase: $0.caseID).isEmpty }?.caseID)
        var record = Fixture.record(7)
        record["id"] = nil
        let line = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        let pairs: [(cli: [String], http: Answer)] = [
            (["check", "--json", "-"], try await server.client(database.clerk).post("/v1/check", text: line)),
            (["show", petitionID, "--json"], try await server.client(database.clerk).get("/v1/petitions/\(petitionID)")),
            (["show", backlogID, "--json"], try await server.client(database.clerk).get("/v1/backlog-cases/\(backlogID)")),
            (["dedup", "--json"], try await server.client(database.admin).send("POST", "/v1/dedup?wait=true")),
        ]
        try await server.stop()
        for (arguments, answer) in pairs {
            let output = try await runPetition(arguments + ["--db", database.path], input: line)
            let cli = try JSONSerialization.jsonObject(with: Data(output.utf8))
            #expect(keyPaths(cli) == keyPaths(try JSONSerialization.jsonObject(with: answer.body)), "\(arguments)")
        }
        // search: the CLI prints one hit a line; the service lists them under `hits`.
        let output = try await runPetition(["search", "房产证", "--json", "--limit", "3", "--db", database.path])
        let server2 = try await RunningServer(database)
        let answer = try await server2.client(database.admin).get("/v1/search?q=\(encoded("房产证"))&limit=3")
        try await server2.stop()
        let cliHits = try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
        let hits = try #require(answer.json["hits"] as? [Any])
        #expect(cliHits.count == hits.count)
        #expect(keyPaths(cliHits) == keyPaths(hits))
        // And the same hits, in the same order.
        #expect(cliHits.compactMap { ($0 as? [String: Any])?["id"] as? String }
            == hits.compactMap { ($0 as? [String: Any])?["id"] as? String })
    }

    @Test("the same read through either door gives the same answer, masks included, and the same audit subject")
    func sameAnswerAndAuditThroughBothDoors() async throws {
        let database = try TestDatabase()
        let petitionID = try #require(Fixture.record(0)["id"] as? String)
        let phone = try #require(((Fixture.record(0)["petitioners"] as? [[String: Any]])?.first?["phone"]) as? String)
        var record = Fixture.record(7)
        record["id"] = nil
        let line = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        let search = "q=\(encoded("物业"))&region=\(encoded("河南"))&from=2016-01-01&limit=5&offset=1"
        let server = try await RunningServer(database)
        let viaHTTP = (
            search: try await server.client(database.investigator).get("/v1/search?\(search)"),
            show: try await server.client(database.investigator).get("/v1/petitions/\(petitionID)"),
            check: try await server.client(database.investigator).post("/v1/check", text: line),
            audit: try await server.client(database.admin).get("/v1/audit?from=2016-01-01&operator=\(encoded("赵调查"))")
        )
        try await server.stop()
        func cli(_ arguments: [String], input: String? = nil) async throws -> String {
            try await runPetition(arguments + ["--db", database.path], input: input)
        }
        let searched = try await cli(["search", "物业", "--region", "河南", "--from", "2016-01-01", "--limit", "5",
                                      "--offset", "1", "--json", "--operator", "赵调查"])
        let shown = try await cli(["show", petitionID, "--json", "--operator", "赵调查"])
        _ = try await cli(["check", "-", "--json", "--operator", "赵调查"], input: line)
        _ = try await cli(["audit", "--from", "2016-01-01", "--operator", "赵调查"])

        // The answers: equal values, not only keys, so that a mask applied through one door is applied through the other.
        let hits = try searched.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
        #expect(!hits.isEmpty)
        #expect(NSArray(array: hits) == NSArray(array: viaHTTP.search.json["hits"] as? [Any] ?? []))
        let shownObject = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? NSDictionary
        #expect(shownObject == NSDictionary(dictionary: viaHTTP.show.json))
        #expect(!shown.contains(phone) && !viaHTTP.show.text.contains(phone))

        // The audit trail: the same subject for the same request, whichever door.
        let entries = try database.store.auditEntries(from: nil, to: nil, operatorName: nil)
        func subject(_ command: String) -> String? { entries.last { $0.command == command }?.subject }
        for (cliCommand, httpCommand) in [("search", "GET /v1/search 200"), ("show", "GET /v1/petitions/{id} 200"),
                                          ("check", "POST /v1/check 200"), ("audit", "GET /v1/audit 200")] {
            let viaCLI = subject(cliCommand), viaService = subject(httpCommand)
            #expect(viaCLI != nil && viaCLI == viaService, "\(cliCommand): \(viaCLI ?? "-") ≠ \(viaService ?? "-")")
        }
    }

    /// Every key path in a JSON value (`matches[].evidence[].weight`), ignoring values.
    private func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, member) in object {
                // Maps keyed by data (phase names) are values, not keys.
                if key == "phase_seconds" || key == "handling" {
                    paths.insert(prefix + key)
                    continue
                }
                paths.insert(prefix + key)
                paths.formUnion(keyPaths(member, prefix: prefix + key + "."))
            }
        } else if let array = value as? [Any] {
            for element in array { paths.formUnion(keyPaths(element, prefix: prefix + "[].")) }
        }
        return paths
    }
}

/// Runs the built `petition` executable.
func runPetition(_ arguments: [String], input: String? = nil) async throws -> String {
    try await onThread { try runPetitionBlocking(arguments, input: input) }
}

private func runPetitionBlocking(_ arguments: [String], input: String?) throws -> String {
    let process = Process()
    process.executableURL = PetitionExecutable.url
    process.arguments = arguments
    let output = Pipe(), error = Pipe(), standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    _ = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: out, as: UTF8.self)
}

enum PetitionExecutable {
    static let url: URL = {
        // The test bundle sits in the build products directory, beside `petition`.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("petition")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/petition")
    }()
}
