import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
import PetitionStore
import PetitionText

@main
struct PetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petition",
        abstract: "信访件全文检索与重复信访识别",
        subcommands: [ImportCommand.self, SearchCommand.self, CheckCommand.self, DedupCommand.self, ShowCommand.self,
                      AuditCommand.self, LabelCommand.self, RulesCommand.self, ServeCommand.self, TokenCommand.self])

    /// Exit codes of DOMAIN.md: 1 for input or usage errors, 2 for internal errors.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if !arguments.contains("--experimental-dump-help"), let root = CommandDescription.of(PetitionCommand.self),
           let page = HelpPage(root: root, width: Terminal.current.width).page(for: arguments) {
            Terminal.current.print(page)
            Foundation.exit(0)
        }
        if let unknown = UsageMessages.unknownCommand(in: arguments,
                                                       known: configuration.subcommands.map { $0._commandName }) {
            report(code: "unknown_command", unknown, arguments: arguments)
            Foundation.exit(1)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as UserError {
            report(code: "bad_input", withHint(error.message, arguments: arguments), arguments: arguments)
            Foundation.exit(1)
        } catch let error as StoreError {
            // Another job on the database is the user's to wait for, not an internal failure.
            guard case .jobRunning = error else {
                report(code: "store_error", error.description, arguments: arguments)
                Foundation.exit(2)
            }
            report(code: "job_running", error.description, arguments: arguments)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit { exit(withError: error) }
            if code == .validationFailure {
                // Usage errors exit with 1, as DOMAIN.md's contract says, not 64, and in Chinese.
                let message = withHint(UsageMessages.chinese(message(for: error)), arguments: arguments)
                report(code: "usage", message, arguments: arguments, footer: "用 petition help <命令> 查看用法。")
                Foundation.exit(1)
            }
            report(code: "internal", "\(error)", arguments: arguments, prefix: "内部错误：")
            Foundation.exit(2)
        }
    }

    /// The message with what the command's own help suggests, when it does.
    private static func withHint(_ message: String, arguments: [String]) -> String {
        guard let name = arguments.first,
              let command = configuration.subcommands.first(where: { $0._commandName == name }),
              let hint = UsageMessages.hint(for: message, help: helpMessage(for: command, columns: 200)) else { return message }
        return message + "。" + hint
    }

    /// An error on standard error: in Chinese, or under `--json` as one JSON object a script can read.
    private static func report(code: String, _ message: String, arguments: [String], prefix: String = "错误：",
                               footer: String? = nil) {
        if arguments.contains("--json") {
            Terminal.writeError(UsageMessages.jsonError(code: code, message: message) + "\n")
        } else {
            Terminal.writeError(prefix + message + "\n" + (footer.map { $0 + "\n" } ?? ""))
        }
    }
}

/// A problem with what the user gave us, reported with exit code 1.
struct UserError: Error {
    var message: String
}

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "数据库：SQLite 文件路径，或 PostgreSQL 地址 postgres://用户@主机[:端口]/库（默认 $PETITION_DB 或 petitions.db）")
    var db: String?

    @Flag(name: .long, help: "输出 JSON（英文键，列表每行一个对象）")
    var json = false

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["PETITION_DB"] ?? "petitions.db"
    }
}

/// `--reveal --reason`: full ID numbers and phones, only with a stated reason,
/// and every reveal is audited. Masked by default in every output.
struct PrivacyOptions: ParsableArguments {
    @Option(name: .long, help: "操作人（默认 $PETITION_OPERATOR 或系统用户名），记入审计")
    var `operator`: String?

    @Flag(name: .long, help: "显示完整身份证号和电话（须同时给出 --reason，记入审计）")
    var reveal = false

    @Option(name: .long, help: "查看完整信息的理由")
    var reason: String?

    func validate() throws {
        if reveal && (reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) {
            throw ValidationError("--reveal 须同时给出 --reason \"理由\"")
        }
    }

    /// The mask both doors apply (``PrivacyFilter``).
    var filter: PrivacyFilter { PrivacyFilter(reveal: reveal) }

    func identifier(_ text: String?) -> String? {
        filter.identifier(text)
    }

    func text(_ text: String) -> String {
        filter.text(text)
    }

    var operatorName: String { OperatorIdentity.name(given: `operator`) }

    func audit(_ store: any PetitionStorage, command: String, subject: String?, returned: [String]) throws {
        try store.appendAudit(AuditEntry(operatorName: operatorName, command: command, subject: subject,
                                         returned: returned, revealed: reveal, reason: reveal ? reason : nil))
    }
}
