import Foundation

/// How a decision fares on labelled pairs: the joins' precision, the repeats'
/// recall, and the log loss of its probabilities (lower is better: it punishes
/// a sure probability that is wrong).
public struct LabelFigures: Sendable, Codable, Equatable {
    public var pairs: Int
    public var joined: Int
    public var rightJoins: Int
    public var repeats: Int
    public var logLoss: Double

    public var precision: Double { joined == 0 ? 1 : Double(rightJoins) / Double(joined) }
    public var recall: Double { repeats == 0 ? 1 : Double(rightJoins) / Double(repeats) }

    /// `joins[i]`: whether pair i was called one matter; `probabilities[i]`, how sure.
    public init(joins: [Bool], probabilities: [Double], isRepeat: [Bool]) {
        precondition(joins.count == isRepeat.count && probabilities.count == isRepeat.count)
        pairs = isRepeat.count
        joined = joins.filter { $0 }.count
        rightJoins = zip(joins, isRepeat).filter { $0 && $1 }.count
        repeats = isRepeat.filter { $0 }.count
        let clamp = { (p: Double) in min(1 - 1e-6, max(1e-6, p)) }
        logLoss = pairs == 0 ? 0 : zip(probabilities, isRepeat)
            .map { -log($1 ? clamp($0) : 1 - clamp($0)) }.reduce(0, +) / Double(pairs)
    }

    /// One line, in Chinese.
    public var summary: String {
        String(format: "合并准确率 %.3f（%d/%d），重复召回率 %.3f（%d/%d），对数损失 %.3f",
               precision, rightJoins, joined, recall, rightJoins, repeats, logLoss)
    }
}
