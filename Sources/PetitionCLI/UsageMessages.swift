import Foundation

/// Usage errors in Chinese: the argument parser words its own in English.
enum UsageMessages {
    /// The message for a first argument that names no command, with the closest
    /// command when one is near (serch → search); nil when it names one or is an option.
    static func unknownCommand(in arguments: [String], known: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !known.contains(first) else { return nil }
        let closest = known.map { ($0, distance(first, $0)) }.min { $0.1 < $1.1 }
        var message = "没有命令 \(first)。"
        if let closest, closest.1 <= 2 { message += "是否要输入 petition \(closest.0)？" }
        return message + "可用命令：\(known.joined(separator: "、"))（petition help 查看说明）"
    }

    /// The parser's English message, translated where its form is known.
    static func chinese(_ message: String) -> String {
        let patterns: [(String, String)] = [
            (#"^Missing expected argument '(.+)'$"#, "缺少参数 $1"),
            (#"^Missing value for '(.+)'$"#, "选项 $1 缺少取值"),
            (#"^Unknown option '(.+)'$"#, "未知选项 $1"),
            (#"^Unexpected argument '(.+)'$"#, "多余的参数 $1"),
            (#"^\d+ unexpected arguments: (.+)$"#, "多余的参数：$1"),
            (#"^The value '(.*)' is invalid for '(.+)'.*$"#, "$2 的取值 $1 无效"),
        ]
        let trimmed = message.replacingOccurrences(of: "^Error: ", with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for (pattern, template) in patterns where trimmed.range(of: pattern, options: .regularExpression) != nil {
            return trimmed.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return trimmed
    }

    /// Edit distance (insertions, deletions, substitutions, adjacent swaps).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var rows = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { rows[i][0] = i }
        for j in 0...y.count { rows[0][j] = j }
        for i in stride(from: 1, through: x.count, by: 1) {
            for j in stride(from: 1, through: y.count, by: 1) {
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[x.count][y.count]
    }
}
