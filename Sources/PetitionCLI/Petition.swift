import ArgumentParser
import Foundation

@main
struct PetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petition",
        abstract: "信访件全文检索与重复信访识别",
        subcommands: [ImportCommand.self, SearchCommand.self, CheckCommand.self, DedupCommand.self, ShowCommand.self])

    /// Exit codes of DOMAIN.md: 1 for input or usage errors, 2 for internal errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as UserError {
            FileHandle.standardError.write(Data("错误：\(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit { exit(withError: error) }
            if code == .validationFailure {
                // Usage errors exit with 1, as DOMAIN.md's contract says, not 64.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            FileHandle.standardError.write(Data("内部错误：\(error)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// A problem with what the user gave us, reported with exit code 1.
struct UserError: Error {
    var message: String
}

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite 数据库路径（默认 $PETITION_DB 或 petitions.db）")
    var db: String?

    @Flag(name: .long, help: "输出 JSON（英文键，列表每行一个对象）")
    var json = false

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["PETITION_DB"] ?? "petitions.db"
    }
}
