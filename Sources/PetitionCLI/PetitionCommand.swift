import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
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
        if let words = HelpPage.request(in: arguments), let root = CommandDescription.of(PetitionCommand.self) {
            Terminal.current.print(HelpPage(root: root, width: Terminal.current.width).page(for: words))
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
