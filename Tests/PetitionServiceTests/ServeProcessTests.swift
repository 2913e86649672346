import Foundation
import PetitionService
import PetitionModel
import PetitionStore
import Testing

/// `petition serve` and `petition token` as an operator runs them.
@Suite("petition serve and token", .serialized)
struct ServeProcessTests {
    @Test("token add prints the token once (--json: operator, role, token), stores only its hash; list and revoke manage it")
    func tokenCommands() async throws {
        let database = try TestDatabase()
        let added = try await runPetition(["token", "add", "--operator", "陈主任", "--role", "investigator", "--json",
                                     "--db", database.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(added.utf8)) as? [String: Any])
        #expect(object["operator"] as? String == "陈主任")
        #expect(object["role"] as? String == "investigator")
        let token = try #require(object["token"] as? String)
        #expect(token.hasPrefix("pt_") && token.count == 46)
        let stored = try #require(try database.store.tokens().first { $0.operatorName == "陈主任" })
        #expect(stored.tokenHash == TokenIssuer.hash(token))
        #expect(stored.tokenHash != token)
        // The token itself is nowhere in the database's files.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: database.path + suffix))) ?? Data()
            #expect(bytes.firstRange(of: Data(token.utf8)) == nil)
        }
        let listed = try await runPetition(["token", "list", "--json", "--db", database.path])
        #expect(listed.contains("\"operator\":\"陈主任\""))
        #expect(!listed.contains(token))
        let server = try await RunningServer(database)
        #expect(try await server.client(token).get("/v1/search?q=\(encoded("房"))").status == 200)
        _ = try await runPetition(["token", "revoke", stored.tokenID, "--db", database.path])
        #expect(try await server.client(token).get("/v1/search?q=\(encoded("房"))").status == 401)
        try await server.stop()
        let refused = try await runPetition(["token", "add", "--operator", "某", "--role", "boss", "--db", database.path])
        #expect(refused.isEmpty)
    }

    @Test("on SIGTERM the service answers the request in flight, then exits 0")
    func gracefulShutdown() async throws {
        let database = try TestDatabase()
        let process = Process()
        process.executableURL = PetitionExecutable.url
        process.arguments = ["serve", "--port", "0", "--json", "--db", database.path]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line says where it listens.
        let reader = output.fileHandleForReading
        let buffer = try await onThread {
            var buffer = Data()
            while !buffer.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer += chunk
            }
            return buffer
        }
        let line = try #require(String(decoding: buffer, as: UTF8.self).split(separator: "\n").first)
        let listening = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let port = try #require(listening["port"] as? Int)
        let client = LoopbackClient(port: port, token: database.admin)
        #expect(try await client.get("/healthz").status == 200)
        // A full run, waited for: in flight when SIGTERM comes.
        let inFlight = Task { try await client.send("POST", "/v1/dedup?wait=true&full=true") }
        try await Task.sleep(for: .milliseconds(150))
        kill(process.processIdentifier, SIGTERM)
        let answer = try await inFlight.value
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["full"] as? Bool == true)
        #expect(answer.json["scored"] as? Int == Fixture.petitionCount)
        let status = try await onThread {
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
        let logs = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(logs.contains("service stopped"))
        // New connections are refused once it has stopped.
        await #expect(throws: (any Error).self) { try await client.get("/healthz") }
    }

    @Test("a run made by petition dedup in another process is picked up by the resident index")
    func refreshAfterOutsideRun() async throws {
        let database = try TestDatabase()
        let server = try await RunningServer(database) { $0.refreshInterval = .milliseconds(100) }
        #expect(try await server.client(database.admin).get("/v1/dedup").json["index_run_id"] as? Int == 1)
        _ = try await runPetition(["dedup", "--db", database.path])
        var runID: Int?
        for _ in 0..<100 {
            runID = try await server.client(database.admin).get("/v1/dedup").json["index_run_id"] as? Int
            if runID == 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(runID == 2)
        let metrics = try await server.client().get("/metrics").text
        #expect(metrics.contains("petition_index_run_id 2.0"))
        try await server.stop()
    }
}
