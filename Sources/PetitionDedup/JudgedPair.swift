import Foundation
import PetitionModel

/// Two petitions judged by reading both texts in full: whether they raise one
/// matter. A bureau measures the detector on its own judged pairs the same
/// way as on the real messages (`../shared/corpus-real/pairs-dev.jsonl`).
public struct JudgedPair: Sendable, Equatable {
    public enum Label: String, Sendable, CaseIterable {
        /// The same petitioner raising the same concrete problem again: must share a matter.
        case sameMatter = "same_matter"
        /// Different petitioners about one shared thing: one matter or one class, never unrelated.
        case sharedIssue = "shared_issue"
        /// Different petitioners with individual claims of one kind at one place: one class, never one matter.
        case sameClass = "class"
        /// Anything else: never one matter, never one class.
        case different
    }

    public var number: Int
    public var a: String
    public var b: String
    public var label: Label

    public init(number: Int, a: String, b: String, label: Label) {
        self.number = number
        self.a = a
        self.b = b
        self.label = label
    }

    /// The pair as an official's label: `class` and `different` are two
    /// matters; `shared_issue` (different petitioners about one shared thing:
    /// one matter or one class) does not say which, so it is nil.
    public func pairLabel(operatorName: String, at: String) -> PairLabel? {
        let judgment: PairLabel.Judgment
        switch label {
        case .sameMatter: judgment = .sameMatter
        case .different, .sameClass: judgment = .different
        case .sharedIssue: return nil
        }
        return PairLabel(a, b, judgment: judgment, operatorName: operatorName, labelledAt: at, source: "import")
    }

    /// A line of a judged-pairs file that cannot be read.
    public struct FileError: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var reason: String
        public var description: String { "判定样本 \(path) 第 \(line) 行：\(reason)" }
    }

    /// Reads a JSON Lines file of `{"pair", "a", "b", "label"}` objects.
    public static func load(path: String) throws -> [JudgedPair] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileError(path: path, line: 0, reason: "无法读取文件")
        }
        var pairs: [JudgedPair] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            func failure(_ reason: String) -> FileError { FileError(path: path, line: offset + 1, reason: reason) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw failure("不是有效的 JSON 对象")
            }
            guard let a = object["a"] as? String, !a.isEmpty else { throw failure("缺少字段 a") }
            guard let b = object["b"] as? String, !b.isEmpty else { throw failure("缺少字段 b") }
            guard let raw = object["label"] as? String, let label = Label(rawValue: raw) else {
                throw failure("字段 label 不是 same_matter、shared_issue、class 或 different")
            }
            pairs.append(JudgedPair(number: object["pair"] as? Int ?? offset + 1, a: a, b: b, label: label))
        }
        return pairs
    }
}
