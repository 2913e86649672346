import Foundation
import PetitionDedup
import PetitionService
import PetitionModel
import PetitionStore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The repository's root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The first petitions of the bundled corpus and its backlog cases, imported
/// and deduplicated once, then copied for each test: a few hundred records keep the tests fast.
enum Fixture {
    static let petitionCount = 200

    static let petitionLines: [String] = {
        let text = (try? String(contentsOf: repositoryRoot.appendingPathComponent("corpus/petitions.jsonl"), encoding: .utf8)) ?? ""
        return Array(text.split(separator: "\n").prefix(petitionCount).map(String.init))
    }()

    /// The template database, built on first use.
    static let template: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-service-template-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("template.db").path
        do {
            let store = try PetitionStore(path: path)
            let importer = Importer(store: store, derivedData: try ProfileWriter())
            _ = try importer.importRecords(RecordFile.jsonLines(petitionLines.joined(separator: "\n")), kind: .petitions)
            let backlog = try RecordFile.records(path: repositoryRoot.appendingPathComponent("corpus/backlog.jsonl").path)
            _ = try importer.importRecords(backlog, kind: .backlogCases)
            _ = try DedupJob(store: store).run(full: true)
        } catch {
            fatalError("fixture: \(error)")
        }
        return path
    }()

    /// A record of the corpus, decoded.
    static func record(_ index: Int) -> [String: Any] {
        (try! JSONSerialization.jsonObject(with: Data(petitionLines[index].utf8))) as! [String: Any]
    }
}

/// A copy of the fixture database in a directory of its own, with a token for each role.
final class TestDatabase: Sendable {
    let directory: URL
    let path: String
    let store: PetitionStore
    let clerk: String
    let investigator: String
    let admin: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("service.db").path
        // The template's store is closed, so its WAL is checkpointed; copy one if any is left.
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: Fixture.template + suffix) {
            try FileManager.default.copyItem(atPath: Fixture.template + suffix, toPath: path + suffix)
        }
        store = try PetitionStore(path: path)
        let issuer = TokenIssuer(store: store)
        clerk = try issuer.issue(operatorName: "李登记", role: .clerk).token
        investigator = try issuer.issue(operatorName: "赵调查", role: .investigator).token
        admin = try issuer.issue(operatorName: "王科长", role: .admin).token
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// `petition serve` on a free port of loopback, run as an operator runs it:
/// a process of its own, so that its threads are its own whatever else the
/// test run keeps busy. Its logs (standard error) go to a file.
final class RunningServer: Sendable {
    let process: Process
    let port: Int
    let logs: LogCapture

    init(_ database: TestDatabase, configure: (inout ServiceConfiguration) -> Void = { _ in }) async throws {
        var configuration = ServiceConfiguration()
        configuration.checkers = 2
        configure(&configuration)
        func seconds(_ duration: Duration) -> String {
            String(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        var arguments = ["serve", "--db", database.path, "--json", "--port", "0", "--checkers", String(configuration.checkers),
                         "--record-limit", String(configuration.bodyLimits.record),
                         "--batch-limit", String(configuration.bodyLimits.batch),
                         "--request-timeout", seconds(configuration.requestTimeout),
                         "--batch-timeout", seconds(configuration.batchTimeout),
                         "--refresh-interval", seconds(configuration.refreshInterval),
                         "--check-identifiers-per-day", String(configuration.checkIdentifiersPerDay),
                         "--requests-per-second", String(configuration.operatorRequestsPerSecond)]
        if let nightly = configuration.nightly { arguments += ["--nightly", nightly.description] }
        let logFile = database.directory.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        logs = LogCapture(path: logFile.path)
        let process = Process()
        process.executableURL = PetitionExecutable.url
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        self.process = process
        // The first line it prints says where it listens.
        let reader = output.fileHandleForReading
        let line = try await onThread { () -> String in
            var buffer = Data()
            while !buffer.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer += chunk
            }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let port = object["port"] as? Int else {
            process.terminate()
            throw TestFailure("petition serve did not start: \(line) \(logs.text)")
        }
        self.port = port
    }

    /// SIGTERM, as an operator stops it; waits for it to exit, which must be cleanly.
    func stop() async throws {
        kill(process.processIdentifier, SIGTERM)
        let process = process
        let status = try await onThread {
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard status == 0 else { throw TestFailure("petition serve exited with \(status): \(logs.text)") }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    func client(_ token: String? = nil) -> LoopbackClient {
        LoopbackClient(port: port, token: token)
    }
}

/// What the server logged so far.
struct LogCapture: Sendable {
    let path: String

    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One HTTP answer.
struct Answer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; an empty object when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    var errorCode: String? { json["error"] as? String }
    var errorField: String? { json["field"] as? String }
}

/// A plain HTTP/1.1 client over a POSIX socket on loopback, one connection
/// per request (`Connection: close`), so that tests control every byte sent:
/// bodies without a declared length, bodies larger than allowed.
struct LoopbackClient: Sendable {
    let port: Int
    var token: String?

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, headers: headers)
    }

    func post(_ path: String, json object: Any) async throws -> Answer {
        try await send("POST", path, body: try JSONSerialization.data(withJSONObject: object),
                       headers: ["Content-Type": "application/json"])
    }

    func post(_ path: String, text: String, contentType: String = "application/json") async throws -> Answer {
        try await send("POST", path, body: Data(text.utf8), headers: ["Content-Type": contentType])
    }

    /// Sends a request on a thread of its own: the socket calls block, and
    /// Swift's few cooperative threads are the server's, in this same process.
    /// With `chunked`, the body goes in chunks without a declared length.
    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:],
              chunked: Bool = false) async throws -> Answer {
        try await onThread { try sendBlocking(method, path, body: body, headers: headers, chunked: chunked) }
    }

    private func sendBlocking(_ method: String, _ path: String, body: Data?, headers: [String: String],
                              chunked: Bool) throws -> Answer {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        var payload = Data()
        if let body {
            if chunked {
                head += "Transfer-Encoding: chunked\r\n"
                var offset = 0
                while offset < body.count {
                    let piece = body[offset..<min(body.count, offset + 16_384)]
                    payload += Data((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Data("\r\n".utf8)
                    offset += piece.count
                }
                payload += Data("0\r\n\r\n".utf8)
            } else {
                head += "Content-Length: \(body.count)\r\n"
                payload = body
            }
        } else if method == "POST" {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        let raw = try exchange(Data(head.utf8) + payload)
        return try Self.parse(raw)
    }

    /// A TCP socket connected to the port on loopback, reads waiting at most `timeout` seconds; the caller closes it.
    static func connectedSocket(port: Int, timeout: Int = 60) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket: \(errno)") }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw TestFailure("connect: \(errno)")
        }
        return descriptor
    }

    private func exchange(_ request: Data) throws -> Data {
        let descriptor = try Self.connectedSocket(port: port)
        defer { close(descriptor) }
        // The server may answer (413) and stop reading before the body is all sent: keep what was sent.
        request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let written = Glibc.send(descriptor, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                if written <= 0 { break }
                sent += written
            }
        }
        shutdown(descriptor, Int32(SHUT_WR))
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        return response
    }

    static func parse(_ raw: Data) throws -> Answer {
        guard let end = raw.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw TestFailure("no HTTP answer: \(String(decoding: raw.prefix(200), as: UTF8.self))")
        }
        let lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw TestFailure("status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoded = Data()
            var rest = body[...]
            while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)),
                  let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 {
                let start = lineEnd.upperBound
                decoded += rest[start..<start + size]
                rest = rest[(start + size + 2)...]
            }
            body = decoded
        }
        return Answer(status: status, headers: headers, body: body)
    }
}

/// A query string value, percent-encoded.
func encoded(_ text: String) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}

/// Runs blocking work on a new thread, off Swift's cooperative pool.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            continuation.resume(with: Result { try work() })
        }.start()
    }
}
