// petition-bench calibrate: fits the score's calibration (ScoreCalibration) on
// judged real pairs, shows how it holds out of fold and on pairs it was not
// fitted on, and writes it where the scorer bundles it.

import Foundation
import PetitionEvaluation
import PetitionDedup

enum CalibrationBenchmark {
    static let name = "calibrate"
    static let summary = "fit the calibrated probability of one matter on judged real pairs"
    static let usage = """
        usage: petition-bench calibrate --fit FILE[,FILE…] [--check FILE[,FILE…]] [--write FILE.json]
          --messages FILE     real messages as petition records (default ../shared/corpus-real/messages.jsonl)
          --fit FILES         judged pairs to fit on (comma-separated)
          --check FILES       judged pairs never fitted on: the reliability reported for them
          --write FILE.json   write the calibration (the bundled one: Sources/PetitionDedup/Resources/calibration.json)
          --tmp DIR           where the scratch database goes
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let options = Options(arguments, known: ["messages", "fit", "check", "write", "tmp"], flags: [])
        guard let fitFiles = options.string("fit")?.split(separator: ",").map(String.init), !fitFiles.isEmpty else {
            fail("--fit FILE is required\n" + usage)
        }
        let checkFiles = options.string("check")?.split(separator: ",").map(String.init) ?? []
        let scratch = try ScratchDirectory(prefix: "petition-bench-calibrate", base: options.string("tmp"))
        defer { scratch.remove() }
        let evaluation = RealTextEvaluation(messagesPath: options.string("messages") ?? "../shared/corpus-real/messages.jsonl",
                                            pairsPath: fitFiles[0], scratchDirectory: scratch.path)
        progress("导入全部消息并去重，为判定样本评分")
        let scored = try evaluation.judgedScores(pairFiles: fitFiles + checkFiles)
        let fitted = scored.prefix(fitFiles.count).flatMap { $0 }
        let checked = scored.dropFirst(fitFiles.count).flatMap { $0 }

        let fit = CalibrationFit(examples: fitted.map { ($0.explanation.score.calibrationInputs, $0.pair.label == .sameMatter) })
        let outOfFold = ReliabilityTable(probabilities: fit.outOfFold(), isRepeat: fit.examples.map(\.isRepeat))
        let calibration = ScoreCalibration(
            source: "petition-bench calibrate --fit \(fitFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ",")) "
                + "(\(fitted.count) judged pairs, ridge \(fit.ridge))",
            coefficients: fit.coefficients(), crossValidated: outOfFold.bins)

        print("## Calibration fitted on \(fitted.count) judged pairs\n")
        print(coefficientTable(calibration.coefficients!))
        print("\n### Out of fold (5 folds)\n\n" + outOfFold.markdown)
        print(String(format: "\nworst gap (deciles of ≥ 10 pairs): %.3f; deciles outside their 95 %% interval: %d",
                     outOfFold.worstGap(), outOfFold.outsideInterval.count))
        if !checked.isEmpty {
            let table = ReliabilityTable(probabilities: checked.map { calibration.probability($0.explanation.score.calibrationInputs,
                                                                                               logOdds: $0.explanation.score.logOdds) },
                                         isRepeat: checked.map { $0.pair.label == .sameMatter })
            print("\n### Never fitted on: \(checkFiles.joined(separator: ", ")) (\(checked.count) pairs)\n\n" + table.markdown)
            print(String(format: "\nworst gap (deciles of ≥ 10 pairs): %.3f; deciles outside their 95 %% interval: %d",
                         table.worstGap(), table.outsideInterval.count))
        }
        if let path = options.string("write") {
            try writeJSON(calibration, to: path)
            progress("已写入 \(path)")
        }
    }

    static func coefficientTable(_ c: ScoreCalibration.Coefficients) -> String {
        var table = MarkdownTable("regressor", "coefficient")
        for (name, value) in [("intercept", c.intercept), ("identity (summed weights)", c.identity),
                              ("specifics (summed weights)", c.specifics), ("text similarity", c.textSimilarity),
                              ("identity only", c.identityOnly), ("identity only × text similarity", c.identityOnlyText),
                              ("problem kinds agree", c.conceptAgrees), ("problem kinds disjoint", c.conceptDisagrees)] {
            table.add(name, String(format: "%+.3f", value))
        }
        return table.text
    }
}
