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
            (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, "未知选项 $1。是否要输入 $2？"),
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

    /// What a usage error adds from the command's own help: the option meant
    /// for a misspelt one (--limt → --limit), and what a value should be when
    /// the option's default is a number (--limit abc).
    static func hint(for message: String, help: String) -> String? {
        let options = Set(help.matches(of: #/--[a-z][a-z0-9-]*/#).map { String($0.output) })
        if !message.contains("是否要输入"), let match = message.firstMatch(of: #/^未知选项 (--[a-z0-9-]+)/#) {
            let given = String(match.1)
            guard let closest = options.map({ ($0, distance(given, $0)) }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }),
                  closest.1 <= 2 else { return nil }
            return "是否要输入 \(closest.0)？"
        }
        if let match = message.firstMatch(of: #/^(--[a-z0-9-]+)[^ ]* ?[^ ]* 的取值/#) {
            let option = String(match.1)
            // The help line of the option: its default says its kind.
            let line = help.split(separator: "\n").first { $0.contains(option + " ") || $0.hasSuffix(option) } ?? ""
            if line.firstMatch(of: #/\(default: -?\d+\)|（默认 -?\d+）/#) != nil { return "\(option) 应为整数" }
        }
        return nil
    }

    /// The error as one JSON object, the service's error shape, for scripts that asked for `--json`.
    static func jsonError(code: String, message: String) -> String {
        let object: [String: Any] = ["error": code, "message": message, "field": NSNull()]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
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
