import Foundation

/// Help in Chinese from the first line to the last: the argument parser frames
/// its help in English (OVERVIEW, USAGE, OPTIONS, "Show help information.")
/// and aligns by characters, not by the columns Chinese takes. This renders
/// the same description (``CommandDescription``) with Chinese frames, aligned
/// and wrapped by display width to the terminal.
struct HelpPage {
    let root: CommandDescription
    let width: Int

    /// The words naming the command whose help `arguments` ask for (`--help`,
    /// `-h`, `help [命令…]`, `命令… --help`, or nothing at all), or nil when they
    /// ask for something else. Read before anything is built: every command
    /// passes through here. A `-h` after `--` is a search term, not a request.
    static func request(in arguments: [String]) -> [String]? {
        let options = arguments.prefix { $0 != "--" }
        if arguments.isEmpty { return [] }
        if arguments.first == "help" { return Array(options.dropFirst()) }
        guard let index = options.firstIndex(where: { $0 == "--help" || $0 == "-h" }) else { return nil }
        return Array(options[..<index])
    }

    /// The page of the command the words name (as far as they name one).
    func page(for words: [String]) -> String {
        var path = [root.commandName], command = root
        for word in words {
            guard let sub = command.subcommands?.first(where: { $0.commandName == word }) else { break }
            path.append(word)
            command = sub
        }
        return render(path, command)
    }

    private func render(_ path: [String], _ command: CommandDescription) -> String {
        var lines: [String] = []
        if let abstract = command.abstract, !abstract.isEmpty { lines += wrapped(abstract, width: width) + [""] }
        let shown = (command.arguments ?? []).filter(\.shouldDisplay)
        let positionals = shown.filter { $0.kind == "positional" }
        let options = shown.filter { $0.kind != "positional" }
        let subcommands = (command.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        var usage = "用法：" + path.joined(separator: " ")
        if !subcommands.isEmpty { usage += " <命令>" }
        if !options.isEmpty { usage += " [<选项>]" }
        for argument in positionals {
            let name = "<\(argument.valueName ?? "值")>" + (argument.isRepeating ? " …" : "")
            usage += " " + (argument.isOptional ? "[\(name)]" : name)
        }
        lines += wrapped(usage, width: width) + [""]
        if let discussion = command.discussion, !discussion.isEmpty {
            for paragraph in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += wrapped(String(paragraph), width: width)
            }
            lines.append("")
        }
        if !positionals.isEmpty {
            lines.append("参数：")
            lines += table(positionals.map { ("<\($0.valueName ?? "值")>" + ($0.isRepeating ? " …" : ""), describe($0)) })
            lines.append("")
        }
        if !options.isEmpty {
            lines.append("选项：")
            lines += table(options.map { argument in
                let names = (argument.names ?? []).map(\.written).joined(separator: ", ")
                let value = argument.kind == "option" ? " <\(argument.valueName ?? "值")>" : ""
                return (names + value, describe(argument))
            })
            lines.append("")
        }
        if !subcommands.isEmpty {
            lines.append("命令：")
            lines += table(subcommands.map { ($0.commandName, $0.abstract ?? "") })
            lines.append("")
            lines += wrapped("用 \(path.joined(separator: " ")) help <命令> 或 <命令> --help 查看各命令的说明。", width: width)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func describe(_ argument: CommandDescription.Argument) -> String {
        var text = argument.abstract ?? ""
        if text == "Show help information." { text = "显示本说明" }
        if let value = argument.defaultValue, !value.isEmpty { text += "（默认 \(value)）" }
        return text
    }

    /// Two columns, the second wrapped beside the first; a first column too wide
    /// for its share puts the second on the lines below.
    private func table(_ rows: [(String, String)]) -> [String] {
        let nameWidth = min(28, rows.map { displayWidth($0.0) }.max() ?? 0)
        let left = 2 + nameWidth + 2
        let textWidth = max(20, width - left)
        var lines: [String] = []
        for (name, text) in rows {
            let pieces = text.isEmpty ? [""] : wrapped(text, width: textWidth).map { $0.trimmingCharacters(in: .whitespaces) }
            let padding = String(repeating: " ", count: left)
            if displayWidth(name) > nameWidth {
                lines.append("  " + name)
                lines += pieces.map { padding + $0 }
            } else {
                lines.append("  " + name + String(repeating: " ", count: left - 2 - displayWidth(name)) + pieces[0])
                lines += pieces.dropFirst().map { padding + $0 }
            }
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }
}
