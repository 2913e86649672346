// petition-bench serve-load: a running `petition serve` under concurrent
// connections of intake checks, saves and searches, as intake systems and
// investigators load it; per-operation latency, throughput and failures.
// The writers that run meanwhile (an import, the nightly job) are started by
// Benchmarks/service-load.sh, which also builds the database and the server.

import Foundation

enum ServiceLoadBenchmark {
    static let name = "serve-load"
    static let summary = "HTTP load on petition serve: checks, saves, searches on N keep-alive connections"
    static let usage = """
        usage: petition-bench serve-load --port P --token T --corpus DIR --out FILE.json [options]
          --port P            petition serve on 127.0.0.1:P
          --token T           a bearer token allowed to check, save and search (investigator or admin)
          --corpus DIR        petitions.jsonl whose records are sent as checks and saves (petition-corpus)
          --out FILE.json     every figure as JSON (the Markdown report goes to stdout)
          --connections N     concurrent keep-alive connections (default 16), one thread each
          --seconds S         how long to load (default 60)
          --mix C,S,Q         weights of checks, saves and searches (default 80,10,10)
          --label TEXT        what the run measured, for the report (default: empty)
        """

    enum Operation: String, CaseIterable, Codable {
        case check, save, search
    }

    struct OperationReport: Codable {
        var requests: Int
        var failed: Int
        var perSecond: Double
        /// Seconds per request, answered ones.
        var latency: Summary
    }

    struct Report: Codable {
        var benchmark = ServiceLoadBenchmark.name
        var machine: Machine
        var label: String
        var connections: Int
        var seconds: Double
        var operations: [String: OperationReport]
        var failed: Int
        /// Failures by kind (status code or error), for reading.
        var failures: [String: Int]
    }

    /// What one connection saw.
    final class Tally: @unchecked Sendable {
        var latencies: [Operation: [Double]] = [:]
        var failures: [String: Int] = [:]
        var failedByOperation: [Operation: Int] = [:]
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") { print(usage); return }
        let options = Options(arguments, known: ["port", "token", "corpus", "out", "connections", "seconds", "mix", "label"])
        let port = options.int("port", default: 8080)
        let token = options.required("token")
        let connections = options.int("connections", default: 16)
        let seconds = Double(options.int("seconds", default: 60))
        let weights = (options.string("mix") ?? "80,10,10").split(separator: ",").compactMap { Int($0) }
        guard weights.count == 3, weights.allSatisfy({ $0 >= 0 }), weights.reduce(0, +) > 0 else { fail("--mix needs three weights") }
        let records = try sampleRecords(corpus: options.required("corpus"), count: 2000)
        let terms = ["房产证", "拖欠工资", "物业", "征地补偿", "低保", "噪音", "开发商", "社保", "拆迁", "学校", "欠薪", "小区",
                     "土地", "医院", "环境污染", "供暖", "违章建筑", "户口", "养老保险", "退役军人"]
        progress("serve-load: \(connections) connections for \(Int(seconds)) s on port \(port)")
        let deadline = nowNanoseconds() + UInt64(seconds * 1e9)
        let tallies = (0..<connections).map { _ in Tally() }
        let group = DispatchGroup()
        let started = nowNanoseconds()
        for (index, tally) in tallies.enumerated() {
            let thread = Thread {
                var random = SystemRandomNumberGenerator()
                var connection: Connection?
                var sequence = 0
                while nowNanoseconds() < deadline {
                    let pick = Int.random(in: 0..<weights.reduce(0, +), using: &random)
                    let operation: Operation = pick < weights[0] ? .check : (pick < weights[0] + weights[1] ? .save : .search)
                    let request: (method: String, path: String, body: Data?)
                    switch operation {
                    case .check:
                        request = ("POST", "/v1/check", Data(records[Int.random(in: 0..<records.count, using: &random)].utf8))
                    case .save:
                        // A new petition under a new id: a save that writes.
                        sequence += 1
                        let record = records[Int.random(in: 0..<records.count, using: &random)]
                        let body = "{\"id\": \"LOAD-\(started)-\(index)-\(sequence)\", " + record.dropFirst()
                        request = ("POST", "/v1/check?save=true", Data(body.utf8))
                    case .search:
                        let term = terms[Int.random(in: 0..<terms.count, using: &random)]
                        let encoded = term.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? term
                        request = ("GET", "/v1/search?q=\(encoded)&limit=20", nil)
                    }
                    let sent = nowNanoseconds()
                    do {
                        if connection == nil { connection = try Connection(port: port) }
                        let status = try connection!.exchange(request.method, request.path, body: request.body, token: token)
                        let elapsed = Double(nowNanoseconds() - sent) / 1e9
                        if status == 200 {
                            tally.latencies[operation, default: []].append(elapsed)
                        } else {
                            tally.failures["HTTP \(status)", default: 0] += 1
                            tally.failedByOperation[operation, default: 0] += 1
                        }
                    } catch {
                        tally.failures["\(error)", default: 0] += 1
                        tally.failedByOperation[operation, default: 0] += 1
                        connection = nil
                    }
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            group.enter()
            thread.start()
        }
        group.wait()
        let elapsed = Double(nowNanoseconds() - started) / 1e9
        var operations: [String: OperationReport] = [:]
        var failures: [String: Int] = [:]
        for tally in tallies { failures.merge(tally.failures, uniquingKeysWith: +) }
        for operation in Operation.allCases {
            let latencies = tallies.flatMap { $0.latencies[operation] ?? [] }
            let failed = tallies.map { $0.failedByOperation[operation] ?? 0 }.reduce(0, +)
            guard !latencies.isEmpty || failed > 0 else { continue }
            operations[operation.rawValue] = OperationReport(requests: latencies.count + failed, failed: failed,
                                                             perSecond: Double(latencies.count) / elapsed,
                                                             latency: Summary(latencies))
        }
        let report = Report(machine: Machine.describe(sqliteVersion: "-"), label: options.string("label") ?? "",
                            connections: connections, seconds: elapsed, operations: operations,
                            failed: failures.values.reduce(0, +), failures: failures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: options.required("out")))
        print(markdown(report))
    }

    static func markdown(_ report: Report) -> String {
        var table = MarkdownTable("operation", "requests", "failed", "per second", "p50", "p90", "p99", "max")
        for operation in Operation.allCases {
            guard let figures = report.operations[operation.rawValue] else { continue }
            table.add(operation.rawValue, String(figures.requests), String(figures.failed), String(format: "%.1f", figures.perSecond),
                      formatMilliseconds(figures.latency.median), formatMilliseconds(figures.latency.p90),
                      formatMilliseconds(figures.latency.p99), formatMilliseconds(figures.latency.max))
        }
        var text = "## serve-load \(report.label)\n\n\(report.connections) connections, \(String(format: "%.1f", report.seconds)) s; "
        text += "failed requests: \(report.failed)\(report.failures.isEmpty ? "" : " \(report.failures)")\n\n"
        return text + table.text + "\n"
    }

    /// Records of the corpus to send, spread over it, as JSON objects without their ids (checked as 待受理).
    static func sampleRecords(corpus: String, count: Int) throws -> [String] {
        let text = try String(contentsOfFile: corpus + "/petitions.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n")
        let step = max(1, lines.count / count)
        return stride(from: 0, to: lines.count, by: step).compactMap { index in
            guard var record = try? JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any] else { return nil }
            record["id"] = nil
            return (try? JSONSerialization.data(withJSONObject: record)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// One HTTP/1.1 keep-alive connection on loopback, blocking.
    final class Connection {
        let socket: Int32
        private var buffer = [UInt8]()

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw BenchError("socket failed") }
            var one: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                close(socket)
                throw BenchError("connect failed")
            }
        }

        deinit { close(socket) }

        /// Sends a request and reads its answer whole; returns the status.
        func exchange(_ method: String, _ path: String, body: Data?, token: String) throws -> Int {
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
            var request = Data((head + "\r\n").utf8)
            if let body { request.append(body) }
            try request.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    guard written > 0 else { throw BenchError("send failed") }
                    offset += written
                }
            }
            let header = try readUntilBlankLine()
            guard let statusLine = header.split(separator: "\r\n").first,
                  let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { throw BenchError("bad answer") }
            var length = 0
            var closes = false
            for line in header.split(separator: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard parts.count == 2 else { continue }
                if parts[0] == "content-length" { length = Int(parts[1]) ?? 0 }
                if parts[0] == "connection" && parts[1] == "close" { closes = true }
                if parts[0] == "transfer-encoding" { throw BenchError("chunked answers are not read by this client") }
            }
            try readBody(length)
            if closes { throw BenchError("server closed the connection") }
            return status
        }

        private func fill() throws {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else { throw BenchError("connection closed") }
            buffer.append(contentsOf: chunk[0..<count])
        }

        private func readUntilBlankLine() throws -> String {
            while true {
                if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                    let header = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                    buffer.removeSubrange(..<end.upperBound)
                    return header
                }
                try fill()
            }
        }

        private func readBody(_ length: Int) throws {
            while buffer.count < length { try fill() }
            buffer.removeSubrange(..<length)
        }
    }
}
