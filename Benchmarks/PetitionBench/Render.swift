// petition-bench render: the Markdown report of a results JSON file, again —
// for assembling RESULTS.md from runs made by hand (the 1,000,000 runs are
// long enough to be started one benchmark at a time).

import Foundation

enum Render {
    static let name = "render"
    static let summary = "print the Markdown report of a results-*.json file again"
    static let usage = "usage: petition-bench render FILE.json"

    static func run(_ arguments: ArraySlice<String>) throws {
        guard let path = arguments.first, arguments.count == 1, path != "--help", path != "-h" else {
            print(usage)
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        print(try markdown(of: data, path: path))
    }

    static func markdown(of data: Data, path: String) throws -> String {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                        nan: "nan")
        let benchmark = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["benchmark"] as? String
        switch benchmark {
        case SearchIngestBenchmark.name:
            return SearchIngestBenchmark.markdown(try decoder.decode(SearchIngestBenchmark.Report.self, from: data))
        case DedupBenchmark.name:
            return DedupBenchmark.markdown(try decoder.decode(DedupBenchmark.Report.self, from: data))
        case CheckBenchmark.name:
            return CheckBenchmark.markdown(try decoder.decode(CheckBenchmark.Report.self, from: data))
        case MinHashBenchmark.name:
            return MinHashBenchmark.markdown(try decoder.decode(MinHashBenchmark.Report.self, from: data))
        default:
            fail("\(path): no \"benchmark\" field naming one of the benchmarks")
        }
    }
}
