// petition-bench minhash: the baseline our detector must beat. MinHash over
// character 3-gram shingles of title + content, banded LSH for candidate pairs,
// a threshold on the estimated Jaccard similarity, clusters = connected
// components of the accepted pairs; scored against truth.jsonl exactly as
// `dedup` scores the nightly job.

import Foundation
import PetitionText

enum MinHashBenchmark {
    static let name = "minhash"
    static let summary = "MinHash-LSH baseline (3-gram shingles, 128 hashes): time, memory, quality"
    static let usage = """
        usage: petition-bench minhash --corpus DIR --out FILE.json [options]
          --corpus DIR        directory holding petitions.jsonl and truth.jsonl (petition-corpus)
          --out FILE.json     where to write every figure as JSON (the Markdown report goes to stdout)
          --bands LIST        LSH settings BANDSxROWS, comma-separated (default 16x8,20x6,25x5,32x4,42x3);
                              BANDS × ROWS ≤ 128
          --thresholds LIST   estimated-Jaccard thresholds on candidate pairs (default 0.3,0.4,0.5,0.6,0.7,0.8)
          --max-bucket N      LSH buckets holding more than N petitions are skipped (default 500)
          --folding F         `standard` (NFKC, case, Traditional → Simplified; default) or `none`
          --threads T         threads for signatures and LSH (default 2)
        """

    static let hashes = 128

    struct SettingResult: Codable {
        var bands: Int
        var rows: Int
        /// Candidate pairs emitted by the bands (with repeats over bands).
        var candidatePairs: Int
        /// Distinct candidate pairs whose estimated Jaccard is at least the lowest threshold.
        var keptPairs: Int
        var skippedBuckets: Int
        var skippedBucketPetitions: Int
        var lshSeconds: Double
        var thresholds: [ThresholdResult]
    }

    struct ThresholdResult: Codable {
        var threshold: Double
        var acceptedPairs: Int
        var clusterSeconds: Double
        var quality: Quality
    }

    struct Report: Codable {
        var benchmark = MinHashBenchmark.name
        var machine: Machine
        var corpus: String
        var petitions: Int
        var folding: String
        var hashes: Int
        var threads: Int
        var maxBucket: Int
        var loadSeconds: Double
        var meanShingles: Double
        var signatureSeconds: Double
        var signatureBytes: Int
        var settings: [SettingResult]
        var bestBands: Int
        var bestRows: Int
        var bestThreshold: Double
        var best: Quality
        /// Signatures + LSH of the best setting + components at the best threshold.
        var bestPipelineSeconds: Double
        var peakResidentBytes: Int
        var totalSeconds: Double
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["corpus", "out", "bands", "thresholds", "max-bucket", "folding", "threads"])
        let corpusDirectory = options.required("corpus")
        let outPath = options.required("out")
        let settings: [(bands: Int, rows: Int)] = (options.string("bands") ?? "16x8,20x6,25x5,32x4,42x3")
            .split(separator: ",").map { item in
                let parts = item.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] * parts[1] <= hashes else {
                    fail("bad --bands item \(item)")
                }
                return (parts[0], parts[1])
            }
        let thresholds = (options.string("thresholds") ?? "0.3,0.4,0.5,0.6,0.7,0.8").split(separator: ",")
            .map { item -> Double in
                guard let value = Double(item), value > 0, value <= 1 else { fail("bad threshold \(item)") }
                return value
            }
        let maxBucket = options.int("max-bucket", default: 500)
        let folding = options.string("folding") ?? "standard"
        guard ["standard", "none"].contains(folding) else { fail("--folding is standard or none") }
        let threads = options.int("threads", default: 2)
        let started = nowNanoseconds()
        func file(_ name: String) -> String { (corpusDirectory as NSString).appendingPathComponent(name) }

        Memory.resetPeak()
        let truth = try Truth(jsonl: file("truth.jsonl"))
        let (corpus, loadSeconds) = try timed { try PetitionCorpus(jsonl: file("petitions.jsonl")) }
        let n = corpus.count
        let truthRow: [Int] = try corpus.ids.map { id in
            guard let i = truth.index[id] else { throw BenchError("\(id) is not in truth.jsonl") }
            return i
        }
        progress("\(n) petitions loaded in \(String(format: "%.1f", loadSeconds)) s")

        // 1. Signatures.
        var random = SeededRandom(seed: 0x4D69_6E48_6173_68)
        let multipliers = (0..<hashes).map { _ in random.next() | 1 }
        let offsets = (0..<hashes).map { _ in random.next() }
        let signatures = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: n * hashes)
        defer { signatures.deallocate() }
        let shingleCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        defer { shingleCounts.deallocate() }
        let shared = SharedPointers(signatures: signatures, counts: shingleCounts)
        let fold = folding == "standard"
        let signatureStart = nowNanoseconds()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var codePoints: [UInt32] = []
            var shingles: [UInt64] = []
            var row = t
            while row < n {
                codePoints.removeAll(keepingCapacity: true)
                for field in [PetitionCorpus.Field.title, .content] {
                    for scalar in corpus.string(row: row, field: field).unicodeScalars {
                        let value = fold ? CharacterFolding.standard.fold(scalar.value) : scalar.value
                        guard let folded = Unicode.Scalar(value), keep(folded) else { continue }
                        codePoints.append(value)
                    }
                }
                shingles.removeAll(keepingCapacity: true)
                if codePoints.count >= 3 {
                    for k in 0...(codePoints.count - 3) {
                        shingles.append(fnv64(codePoints[k], codePoints[k + 1], codePoints[k + 2]))
                    }
                } else if !codePoints.isEmpty {
                    shingles.append(fnv64(codePoints[0], codePoints.count > 1 ? codePoints[1] : 0, 0))
                }
                shingles.sort()
                var unique = 0
                for s in shingles where unique == 0 || shingles[unique - 1] != s {
                    shingles[unique] = s
                    unique += 1
                }
                shared.counts[row] = unique
                var minimum = [UInt32](repeating: .max, count: hashes)
                for s in shingles.prefix(unique) {
                    for h in 0..<hashes {
                        let value = UInt32(truncatingIfNeeded: (multipliers[h] &* s &+ offsets[h]) >> 32)
                        if value < minimum[h] { minimum[h] = value }
                    }
                }
                for h in 0..<hashes { shared.signatures[row * hashes + h] = minimum[h] }
                row += threads
            }
        }
        let signatureSeconds = Double(nowNanoseconds() - signatureStart) / 1e9
        let meanShingles = Double(shingleCounts.reduce(0, +)) / Double(n)
        progress(String(format: "signatures: %.2f s (%.0f distinct shingles per petition)", signatureSeconds, meanShingles))

        // 2. LSH per setting, verification by estimated Jaccard, components per threshold.
        let lowest = thresholds.min() ?? 0
        let minimumAgree = Int((lowest * Double(hashes)).rounded(.up))
        var results: [SettingResult] = []
        var best: (setting: Int, threshold: Int, f1: Double)?
        for (settingIndex, setting) in settings.enumerated() {
            let lshStart = nowNanoseconds()
            let outputs = BandOutputs(threads)
            let settingCopy = setting
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                var kept: [UInt64] = []
                var candidates = 0, skipped = 0, skippedPetitions = 0
                var keys = [(UInt64, UInt32)](repeating: (0, 0), count: n)
                var band = t
                while band < settingCopy.bands {
                    let first = band * settingCopy.rows
                    for row in 0..<n {
                        var key: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
                        for h in first..<(first + settingCopy.rows) {
                            key = (key ^ UInt64(shared.signatures[row * hashes + h])) &* 0x0000_0100_0000_01B3
                            key ^= key >> 29
                        }
                        keys[row] = (key, UInt32(row))
                    }
                    keys.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    var start = 0
                    while start < n {
                        var end = start + 1
                        while end < n, keys[end].0 == keys[start].0 { end += 1 }
                        let size = end - start
                        if size > maxBucket {
                            skipped += 1
                            skippedPetitions += size
                        } else if size > 1 {
                            for a in start..<(end - 1) {
                                let i = Int(keys[a].1)
                                for b in (a + 1)..<end {
                                    let j = Int(keys[b].1)
                                    candidates += 1
                                    var agree = 0
                                    for h in 0..<hashes where shared.signatures[i * hashes + h] == shared.signatures[j * hashes + h] {
                                        agree += 1
                                    }
                                    if agree >= minimumAgree {
                                        kept.append(UInt64(agree) << 56 | UInt64(i) << 28 | UInt64(j))
                                    }
                                }
                            }
                        }
                        start = end
                    }
                    band += threads
                }
                outputs.store(t, kept: kept, candidates: candidates, skipped: skipped, skippedPetitions: skippedPetitions)
            }
            var kept = outputs.kept.flatMap { $0 }
            kept.sort()
            var unique = 0
            for value in kept where unique == 0 || kept[unique - 1] != value {
                kept[unique] = value
                unique += 1
            }
            kept.removeLast(kept.count - unique)
            let lshSeconds = Double(nowNanoseconds() - lshStart) / 1e9
            var result = SettingResult(bands: setting.bands, rows: setting.rows,
                                       candidatePairs: outputs.candidates.reduce(0, +), keptPairs: kept.count,
                                       skippedBuckets: outputs.skipped.reduce(0, +),
                                       skippedBucketPetitions: outputs.skippedPetitions.reduce(0, +),
                                       lshSeconds: lshSeconds, thresholds: [])
            for (thresholdIndex, threshold) in thresholds.enumerated() {
                let clusterStart = nowNanoseconds()
                let needed = Int((threshold * Double(hashes)).rounded(.up))
                var parent = Array(0..<n)
                func find(_ x: Int) -> Int {
                    var x = x
                    while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
                    return x
                }
                var accepted = 0
                for value in kept where Int(value >> 56) >= needed {
                    accepted += 1
                    let i = Int((value >> 28) & 0x0FFF_FFFF), j = Int(value & 0x0FFF_FFFF)
                    let a = find(i), b = find(j)
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
                var members: [Int: [Int]] = [:]
                for row in 0..<n { members[find(row), default: []].append(truthRow[row]) }
                let clusters = Array(members.values)
                let clusterSeconds = Double(nowNanoseconds() - clusterStart) / 1e9
                let quality = Quality(clusters: clusters, backlog: nil, truth: truth)
                result.thresholds.append(ThresholdResult(threshold: threshold, acceptedPairs: accepted,
                                                         clusterSeconds: clusterSeconds, quality: quality))
                if best == nil || quality.f1 > best!.f1 { best = (settingIndex, thresholdIndex, quality.f1) }
            }
            progress(String(format: "%dx%d: %.2f s, %d candidates, %d kept, best F1 here %.3f", setting.bands,
                            setting.rows, lshSeconds, result.candidatePairs, result.keptPairs,
                            result.thresholds.map(\.quality.f1).max() ?? 0))
            results.append(result)
        }
        guard let best else { throw BenchError("no LSH setting") }
        let bestSetting = results[best.setting], bestThreshold = bestSetting.thresholds[best.threshold]
        let sqliteVersion = "n/a (no database)"
        let report = Report(
            machine: Machine.describe(sqliteVersion: sqliteVersion), corpus: corpusDirectory, petitions: n,
            folding: folding == "standard" ? "CharacterFolding.standard (NFKC, case, Traditional → Simplified)" : "none",
            hashes: hashes, threads: threads, maxBucket: maxBucket, loadSeconds: loadSeconds,
            meanShingles: meanShingles, signatureSeconds: signatureSeconds, signatureBytes: n * hashes * 4,
            settings: results, bestBands: bestSetting.bands, bestRows: bestSetting.rows,
            bestThreshold: bestThreshold.threshold, best: bestThreshold.quality,
            bestPipelineSeconds: signatureSeconds + bestSetting.lshSeconds + bestThreshold.clusterSeconds,
            peakResidentBytes: Memory.peakResident(), totalSeconds: Double(nowNanoseconds() - started) / 1e9)
        try writeJSON(report, to: outPath)
        print(markdown(report))
    }

    /// Whitespace, punctuation, symbols and controls are dropped before shingling.
    @inline(__always)
    static func keep(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// 64-bit FNV-1a of the three code points (4 bytes each).
    @inline(__always)
    static func fnv64(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in [a, b, c] {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64((value >> UInt32(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    static func markdown(_ r: Report) -> String {
        var table = MarkdownTable("bands × rows", "LSH s", "candidate pairs", "kept (J ≥ min)", "skipped buckets",
                                  "best threshold", "precision", "recall", "F1", "class false pairs")
        for s in r.settings {
            guard let t = s.thresholds.max(by: { $0.quality.f1 < $1.quality.f1 }) else { continue }
            let isBest = s.bands == r.bestBands && s.rows == r.bestRows
            table.add((isBest ? "**" : "") + "\(s.bands) × \(s.rows)" + (isBest ? "**" : ""),
                      String(format: "%.2f", s.lshSeconds), "\(s.candidatePairs)", "\(s.keptPairs)",
                      "\(s.skippedBuckets) (\(s.skippedBucketPetitions) petitions)", String(format: "%.2f", t.threshold),
                      formatFraction(t.quality.precision), formatFraction(t.quality.recall), formatFraction(t.quality.f1),
                      "\(t.quality.classFalsePairs)")
        }
        var sweep = MarkdownTable("threshold")
        sweep.header += r.settings.map { "F1 \($0.bands)×\($0.rows)" }
        for (k, threshold) in (r.settings.first?.thresholds.map(\.threshold) ?? []).enumerated() {
            sweep.rows.append([String(format: "%.2f", threshold)] + r.settings.map { formatFraction($0.thresholds[k].quality.f1) })
        }
        let b = r.best
        return """
            # petition-bench minhash: MinHash-LSH baseline, \(r.petitions) petitions

            \(machineMarkdown(r.machine))
            - shingles: character 3-grams of title + content after \(r.folding) and dropping whitespace, \
            punctuation and symbols (\(String(format: "%.0f", r.meanShingles)) distinct per petition); \(r.hashes) \
            multiply-shift hashes over a 64-bit FNV-1a of the shingle; buckets of more than \(r.maxBucket) petitions \
            skipped; clusters = connected components of candidate pairs whose estimated Jaccard ≥ threshold
            - **best: \(r.bestBands) bands × \(r.bestRows) rows, threshold \(String(format: "%.2f", r.bestThreshold)): \
            P \(formatFraction(b.precision)), R \(formatFraction(b.recall)), F1 \(formatFraction(b.f1)), \
            \(b.classFalsePairs) class false pairs**
            - time: signatures \(String(format: "%.2f", r.signatureSeconds)) s on \(r.threads) threads; best pipeline \
            (signatures + LSH + components) \(String(format: "%.2f", r.bestPipelineSeconds)) s; whole sweep \
            \(String(format: "%.1f", r.totalSeconds)) s; peak RSS \(formatMB(r.peakResidentBytes)) MB \
            (signatures \(formatMB(r.signatureBytes)) MB)

            \(table.text)

            F1 by threshold on the estimated Jaccard:

            \(sweep.text)

            """
    }
}

/// Raw buffers shared by the signature threads; each thread writes only its own rows.
private struct SharedPointers: @unchecked Sendable {
    let signatures: UnsafeMutableBufferPointer<UInt32>
    let counts: UnsafeMutableBufferPointer<Int>
}

/// Per-thread LSH output slots.
private final class BandOutputs: @unchecked Sendable {
    var kept: [[UInt64]]
    var candidates: [Int]
    var skipped: [Int]
    var skippedPetitions: [Int]
    private let lock = NSLock()

    init(_ threads: Int) {
        kept = Array(repeating: [], count: threads)
        candidates = Array(repeating: 0, count: threads)
        skipped = Array(repeating: 0, count: threads)
        skippedPetitions = Array(repeating: 0, count: threads)
    }

    func store(_ t: Int, kept: [UInt64], candidates: Int, skipped: Int, skippedPetitions: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.kept[t] = kept
        self.candidates[t] = candidates
        self.skipped[t] = skipped
        self.skippedPetitions[t] = skippedPetitions
    }
}
