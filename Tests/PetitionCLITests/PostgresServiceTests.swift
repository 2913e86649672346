import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PetitionPostgres
import Testing

/// `petition serve --db postgres://…` over a real socket on loopback: the
/// same answers as the command line on the same database. Runs when
/// `$PETITION_TEST_POSTGRES` names a server.
@Suite("Service on PostgreSQL", .serialized)
struct PostgresServiceTests {
    /// A `petition serve` process on a free port, stopped with SIGTERM.
    final class Server {
        let process = Process()
        let port: Int

        init(database: String) throws {
            process.executableURL = PetitionProcess.executable
            process.arguments = ["serve", "--db", database, "--port", "0", "--json", "--checkers", "1"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var buffer = Data()
            while !buffer.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer += chunk
            }
            let first = (try? JSONSerialization.jsonObject(with: buffer.prefix { $0 != UInt8(ascii: "\n") })) as? [String: Any]
            guard let port = first?["port"] as? Int else {
                process.terminate()
                throw ServeFailure(output: String(decoding: buffer, as: UTF8.self))
            }
            self.port = port
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit { if process.isRunning { process.terminate() } }

        /// One request; the status and the body as a JSON object.
        func request(_ method: String, _ path: String, token: String, body: Data? = nil) throws -> (Int, [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let body {
                request.httpBody = body
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var answer: (Int, [String: Any]) = (0, [:])
            URLSession.shared.dataTask(with: request) { data, response, _ in
                let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any] ?? [:]
                answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
                done.signal()
            }.resume()
            done.wait()
            return answer
        }
    }

    struct ServeFailure: Error { var output: String }

    @Test("a check and a search through the service give the command line's answers",
          .enabled(if: PostgresCommandLineTests.server != nil))
    func sameAnswersAsCommandLine() throws {
        let scratch = try PostgresScratchDatabase(server: try #require(PostgresCommandLineTests.server),
                                                  prefix: "petition_serve")
        let petitions = PostgresCommandLineTests.corpus.appendingPathComponent("petitions.jsonl").path
        #expect(try PostgresCommandLineTests.run(["import", petitions], database: scratch.url).status == 0)
        #expect(try PostgresCommandLineTests.run(["dedup"], database: scratch.url).status == 0)
        let issued = try PostgresCommandLineTests.run(["token", "add", "--operator", "服务测试", "--role", "investigator"],
                                                      database: scratch.url)
        let token = issued.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(issued.status == 0 && !token.isEmpty)

        let line = try String(contentsOfFile: petitions, encoding: .utf8).split(separator: "\n")[40]
        var record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        record["id"] = "XF-SERVE-1"
        let recordFile = FileManager.default.temporaryDirectory.appendingPathComponent("petition-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: recordFile) }
        try JSONSerialization.data(withJSONObject: record).write(to: recordFile)
        let cliCheck = try PostgresCommandLineTests.run(["check", recordFile.path, "--json"], database: scratch.url)
        let expectedCheck = try #require(JSONSerialization.jsonObject(with: Data(cliCheck.output.utf8)) as? [String: Any])
        let cliSearch = try PostgresCommandLineTests.run(["search", "房产证", "--json", "--limit", "1000"], database: scratch.url)
        let expectedIDs = Set(cliSearch.output.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        })
        #expect(!expectedIDs.isEmpty)

        let server = try Server(database: scratch.url)
        let (checkStatus, check) = try server.request("POST", "/v1/check", token: token,
                                                      body: try JSONSerialization.data(withJSONObject: record))
        #expect(checkStatus == 200)
        #expect(check["verdict"] as? String == expectedCheck["verdict"] as? String)
        #expect(check["matter_id"] as? String == expectedCheck["matter_id"] as? String)
        let (searchStatus, search) = try server.request("GET", "/v1/search?q=%E6%88%BF%E4%BA%A7%E8%AF%81&limit=1000",
                                                        token: token)
        #expect(searchStatus == 200)
        let hits = search["hits"] as? [[String: Any]] ?? []
        #expect(Set(hits.compactMap { $0["id"] as? String }) == expectedIDs)
        #expect(search["total"] as? Int == expectedIDs.count)
        #expect(server.stop() == 0)
    }
}
