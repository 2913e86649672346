// petition-bench real: the detector on real citizen messages, scored on pairs
// judged by reading both texts (../shared/corpus-real/): repeat recall and join
// precision of the nightly job, shared issues kept together, look-alikes kept
// out of one class, and the intake check of each pair's later message held back.

import Foundation
import PetitionEvaluation
import PetitionDedup

enum RealTextBenchmark {
    static let name = "real"
    static let summary = "repeat recall, join precision and intake check on real messages with judged pairs"
    static let usage = """
        usage: petition-bench real [--messages FILE] [--pairs FILE] [--out FILE.json] [--list] [--features FILE]
          --messages FILE     real messages as petition records (default ../shared/corpus-real/messages.jsonl)
          --pairs FILE        judged pairs (default ../shared/corpus-real/pairs-dev.jsonl)
          --out FILE.json     where to write every figure as JSON
          --list              also list the pairs judged otherwise than grouped, explaining the nightly job's
          --tmp DIR           where the scratch databases go (default: the system temporary directory)
          --weights W         estimate (from the messages) or hand-set (default: what the nightly job does by default)
          --learn-from F[,F]  store these judged pairs as officials' labels and run with --weights learn
          --features FILE     write each judged pair's comparison levels, similarity and score (JSON Lines)
          --joined FILE       write the pairs the nightly job joined, with their scores (JSON Lines)
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["messages", "pairs", "out", "tmp", "weights", "features", "joined", "learn-from"], flags: ["list"])
        let messages = options.string("messages") ?? "../shared/corpus-real/messages.jsonl"
        let pairs = options.string("pairs") ?? "../shared/corpus-real/pairs-dev.jsonl"
        let scratch = try ScratchDirectory(prefix: "petition-bench-real", base: options.string("tmp"))
        defer { scratch.remove() }
        var evaluation = RealTextEvaluation(messagesPath: messages, pairsPath: pairs, scratchDirectory: scratch.path)
        evaluation.explaining = options.flag("list")
        evaluation.featuresPath = options.string("features")
        evaluation.joinedPath = options.string("joined")
        evaluation.learningPairsPaths = options.string("learn-from")?.split(separator: ",").map(String.init) ?? []
        switch options.string("weights") {
        case nil: break
        case "estimate": evaluation.weightChoice = .estimate
        case "hand-set": evaluation.weightChoice = .handSet
        case let other?: fail("--weights takes estimate or hand-set, not \(other)")
        }
        let report = try evaluation.run(progress: progress)
        if let out = options.string("out") { try writeJSON(report, to: out) }
        print(markdown(report, pairs: pairs, listing: options.flag("list")))
    }

    static func markdown(_ report: RealTextEvaluation.Report, pairs: String, listing: Bool) -> String {
        let g = report.grouping, i = report.intake
        var table = MarkdownTable("measure", "value")
        if let learned = report.learned {
            table.add("learned from labels", String(format: "%d same matter, %d different: matter gate %+.1f, subject gate %+.1f, text ×%.2f",
                                                    learned.sameMatterLabels, learned.differentLabels, learned.matterShift,
                                                    learned.subjectShift, learned.textScale))
            table.add("on the labels, out of fold", "before: " + learned.before.summary + "; after: " + learned.after.summary)
        }
        table.add("repeat recall (nightly job)", String(format: "%.3f (%d/%d)", g.repeatRecall, g.repeatsJoined, g.repeats))
        table.add("join precision (nightly job)", String(format: "%.3f (%d/%d)", g.joinPrecision, g.joinedCorrectly, g.joined))
        table.add("shared issues in one matter or class", String(format: "%.3f (%d/%d)", g.sharedIssuesGroupedRate,
                                                                  g.sharedIssuesGrouped, g.sharedIssues))
        table.add("class pairs in one class / joined", "\(g.classPairsInClass)/\(g.classPairs) / \(g.classPairsJoined)")
        table.add("different pairs sharing a class", String(format: "%.3f (%d/%d)", g.differentInClassRate,
                                                            g.differentPairsInClass, g.differentPairs))
        table.add("intake: repeats found in the right matter", String(format: "%.3f (%d/%d)", i.repeatRate,
                                                                      i.repeatsFound, i.repeatsChecked))
        table.add("intake: look-alikes kept apart", String(format: "%.3f (%d/%d)", i.keptApartRate,
                                                           i.lookAlikesKeptApart, i.lookAlikesChecked))
        table.add("intake: look-alikes advised 不予受理 (given a handling in progress below)",
                  "\(i.declinedLookAlikes.count) of \(i.wronglyJoined.count) wrongly joined")
        table.add("intake: repeats found advised 不予受理 under the same history (the rest: verify)",
                  "\(i.declinedRepeats) of \(i.repeatsFound)")
        table.add("intake: pairs skipped (earlier message held back)", "\(i.skipped)")
        if !i.latencies.isEmpty {
            table.add("intake check p50 / p99", formatMilliseconds(Summary.median(i.latencies)) + " / "
                      + formatMilliseconds(Summary.percentile(i.latencies, 0.99)))
        }
        table.add("messages / matters / classes", "\(report.messages) / \(report.matters) / \(report.classes)")
        var text = "## Real messages, judged pairs (\(pairs))\n\n" + table.text + "\n"
        text += "\n### Each judged pair's own probability against its label\n\n" + report.reliability.markdown + "\n"
        text += String(format: "\nworst gap (deciles of ≥ 10 pairs): %.3f; deciles outside their 95 %% interval: %d\n",
                       report.reliability.worstGap(), report.reliability.outsideInterval.count)
        if listing {
            text += "\nmissed repeats (nightly): \(g.missedRepeats.map(String.init).joined(separator: " "))"
            text += "\nwrong joins (nightly): \(g.wrongJoins.map(String.init).joined(separator: " "))"
            text += "\nmissed repeats (intake): \(i.missedRepeats.map(String.init).joined(separator: " "))"
            text += "\nwrongly joined (intake): \(i.wronglyJoined.map(String.init).joined(separator: " "))"
            text += "\nadvised 不予受理 though different (intake): \(i.declinedLookAlikes.map(String.init).joined(separator: " "))\n"
            text += report.explanations.map { "\n- " + $0 }.joined() + "\n"
        }
        return text
    }
}
