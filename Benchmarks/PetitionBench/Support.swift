// Shared by every benchmark of petition-bench: clocks, statistics, memory read
// from the OS, machine description, argument parsing, Markdown tables and JSON
// output. Each benchmark lives in its own file and only uses what is here.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Failing

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("petition-bench: " + message + "\n").utf8))
    exit(1)
}

/// Progress lines go to standard error so standard output holds only the report.
func progress(_ message: String) {
    FileHandle.standardError.write(Data(("· " + message + "\n").utf8))
}

// MARK: - Clock

/// Monotonic time in nanoseconds.
@inline(__always)
func nowNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Runs `body` once and returns its result and the elapsed seconds.
@inline(__always)
func timed<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
    let start = nowNanoseconds()
    let result = try body()
    return (result, Double(nowNanoseconds() - start) / 1e9)
}

// MARK: - Statistics

/// Summary of a sample of durations (or any values), nearest-rank percentiles.
struct Summary: Codable {
    var count: Int
    var min: Double
    var median: Double
    var mean: Double
    var p90: Double
    var p99: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        guard !sorted.isEmpty else {
            min = .nan; median = .nan; mean = .nan; p90 = .nan; p99 = .nan; max = .nan
            return
        }
        min = sorted.first!
        max = sorted.last!
        mean = sorted.reduce(0, +) / Double(sorted.count)
        median = Summary.median(sorted)
        p90 = Summary.percentile(sorted, 0.90)
        p99 = Summary.percentile(sorted, 0.99)
    }

    /// Median of already sorted values (mean of the two middle ones for even counts).
    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Nearest-rank percentile of sorted values: with fewer than 100 values p99 is the maximum.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

func medianOf(_ values: [Double]) -> Double { Summary.median(values.sorted()) }

// MARK: - Memory (from the OS)

enum Memory {
    /// A field of /proc/self/status in bytes ("VmHWM", "VmRSS"), nil where there is no /proc.
    static func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            // The value is separated by a tab and right-aligned with spaces ("VmHWM:\t   97600 kB").
            let number = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }

    /// Peak resident set size in bytes: VmHWM, else getrusage's ru_maxrss (never reset).
    static func peakResident() -> Int {
        if let peak = status("VmHWM") { return peak }
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }

    static func currentResident() -> Int? { status("VmRSS") }

    /// Returns freed heap pages to the OS (glibc's malloc_trim), so that the
    /// next phase's RSS starts from what is still in use.
    static func releaseFreed() {
        #if os(Linux)
        // malloc.h is not in Glibc's module map: look the function up.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    /// Resets the peak (VmHWM) to the current RSS so the next phase gets its own peak.
    /// Linux only (writing 5 to /proc/self/clear_refs); returns false where unsupported.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}

// MARK: - Machine

struct Machine: Codable {
    var cores: Int
    var memoryBytes: Int
    var cpuModel: String
    var kernel: String
    var date: String
    var sqliteVersion: String

    static func describe(sqliteVersion: String) -> Machine {
        var memory = 0
        if let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
           let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
            memory = kilobytes * 1024
        } else {
            memory = Int(ProcessInfo.processInfo.physicalMemory)
        }
        var model = "unknown"
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let formatter = ISO8601DateFormatter()
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: memory, cpuModel: model,
                       kernel: release, date: formatter.string(from: Date()), sqliteVersion: sqliteVersion)
    }
}

// MARK: - Arguments

/// `--name value` options and bare flags after the subcommand.
struct Options {
    private var values: [String: String] = [:]
    private var setFlags: Set<String> = []

    init(_ arguments: some Sequence<String>, known: Set<String>, flags: Set<String> = []) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { fail("unexpected argument \(argument)") }
            let name = String(argument.dropFirst(2))
            if flags.contains(name) {
                setFlags.insert(name)
                continue
            }
            guard known.contains(name) else { fail("unknown option \(argument)") }
            guard let value = iterator.next() else { fail("\(argument) needs a value") }
            values[name] = value
        }
    }

    func string(_ name: String) -> String? { values[name] }

    func flag(_ name: String) -> Bool { setFlags.contains(name) }

    func required(_ name: String) -> String {
        guard let value = values[name] else { fail("--\(name) is required") }
        return value
    }

    func int(_ name: String, default fallback: Int) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { fail("--\(name) needs a positive integer") }
        return value
    }
}

// MARK: - Formatting

func formatMilliseconds(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "–" }
    let ms = seconds * 1000
    if ms < 1 { return String(format: "%.3f", ms) }
    if ms < 10 { return String(format: "%.2f", ms) }
    if ms < 100 { return String(format: "%.1f", ms) }
    return String(format: "%.0f", ms)
}

func formatMB(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }

func formatCount(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    return value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
}

func formatRatio(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    return value >= 10 ? String(format: "%.0f×", value) : String(format: "%.1f×", value)
}

/// A Markdown table.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var text: String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n")
    }
}

func machineMarkdown(_ machine: Machine) -> String {
    """
    - date: \(machine.date)
    - machine: \(machine.cores) cores (\(machine.cpuModel)), \(String(format: "%.1f", Double(machine.memoryBytes) / 1_073_741_824)) GiB memory, Linux \(machine.kernel)
    - SQLite \(machine.sqliteVersion)
    """
}

// MARK: - JSON

func writeJSON(_ value: some Encodable, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                   nan: "nan")
    var data = try encoder.encode(value)
    data.append(0x0A)
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

// MARK: - Random numbers

/// SplitMix64: a tiny seeded generator, so query mixes are the same on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound.
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

// MARK: - Files

/// A fresh directory under the system temporary directory (or `base`), removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(prefix: String, base: String? = nil) throws {
        let root = base ?? NSTemporaryDirectory()
        let path = (root as NSString).appendingPathComponent("\(prefix)-\(getpid())-\(nowNanoseconds() % 1_000_000_000)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.path = path
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Decodes a JSON Lines file one line at a time (memory stays at one line),
/// calling `body` with each record until it returns false. Errors name the line.
func forEachJSONLine<T: Decodable>(_ path: String, as type: T.Type, _ body: (T) throws -> Bool) throws {
    guard let file = fopen(path, "r") else { throw BenchError("cannot open \(path)") }
    defer { fclose(file) }
    let decoder = JSONDecoder()
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    var lineNumber = 0
    while true {
        let length = getline(&buffer, &capacity, file)
        if length < 0 { break }
        lineNumber += 1
        guard length > 1, let buffer else { continue }
        let record: T
        do {
            record = try decoder.decode(T.self, from: Data(bytesNoCopy: buffer, count: length, deallocator: .none))
        } catch {
            throw BenchError("\(path):\(lineNumber): \(error)")
        }
        if try !body(record) { break }
    }
}
