// petition-bench: the benchmarks of the petition tools, one subcommand each.
// A benchmark is one file with `name`, `summary`, `usage` and `run(_:)`; add
// it to `benchmarks` below. Shared helpers live in Support.swift and Corpus.swift.

import Foundation

struct BenchmarkEntry {
    var name: String
    var summary: String
    var run: (ArraySlice<String>) throws -> Void
}

let benchmarks: [BenchmarkEntry] = [
    BenchmarkEntry(name: SearchIngestBenchmark.name, summary: SearchIngestBenchmark.summary,
                   run: SearchIngestBenchmark.run),
    BenchmarkEntry(name: DedupBenchmark.name, summary: DedupBenchmark.summary, run: DedupBenchmark.run),
    BenchmarkEntry(name: CheckBenchmark.name, summary: CheckBenchmark.summary, run: CheckBenchmark.run),
    BenchmarkEntry(name: MinHashBenchmark.name, summary: MinHashBenchmark.summary, run: MinHashBenchmark.run),
    BenchmarkEntry(name: BackendsBenchmark.name, summary: BackendsBenchmark.summary, run: BackendsBenchmark.run),
    BenchmarkEntry(name: RealTextBenchmark.name, summary: RealTextBenchmark.summary, run: RealTextBenchmark.run),
    BenchmarkEntry(name: LearningBenchmark.name, summary: LearningBenchmark.summary, run: LearningBenchmark.run),
    BenchmarkEntry(name: CalibrationBenchmark.name, summary: CalibrationBenchmark.summary, run: CalibrationBenchmark.run),
    BenchmarkEntry(name: EntitySample.name, summary: EntitySample.summary, run: EntitySample.run),
    BenchmarkEntry(name: ErrorSample.name, summary: ErrorSample.summary, run: ErrorSample.run),
    BenchmarkEntry(name: ServiceLoadBenchmark.name, summary: ServiceLoadBenchmark.summary, run: ServiceLoadBenchmark.run),
    BenchmarkEntry(name: Render.name, summary: Render.summary, run: Render.run),
]

@MainActor func printUsage() {
    print("usage: petition-bench <benchmark> [options]   (petition-bench <benchmark> --help for its options)\n")
    for entry in benchmarks { print("  \(entry.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(entry.summary)") }
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, command != "--help", command != "-h" else {
    printUsage()
    exit(arguments.isEmpty ? 1 : 0)
}
guard let entry = benchmarks.first(where: { $0.name == command }) else {
    printUsage()
    fail("unknown benchmark \(command)")
}
do {
    try entry.run(arguments.dropFirst())
} catch {
    fail("\(error)")
}
