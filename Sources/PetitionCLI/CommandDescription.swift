import Foundation

/// A command as the argument parser describes it (`--experimental-dump-help`,
/// the JSON its manual plugin reads): the model ``HelpPage`` renders in Chinese.
struct CommandDescription: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String

        var written: String { kind == "short" ? "-" + name : kind == "longWithSingleDash" ? "-" + name : "--" + name }
    }

    struct Argument: Decodable {
        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool
    }

    private struct Dump: Decodable {
        var command: CommandDescription
    }

    var commandName: String
    var abstract: String?
    var discussion: String?
    var arguments: [Argument]?
    var subcommands: [CommandDescription]?
    var shouldDisplay: Bool?

    /// The whole tree of a command type, read from the parser's own description.
    static func of(_ command: PetitionCommand.Type) -> CommandDescription? {
        do {
            _ = try command.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let text = command.fullMessage(for: error)
            return (try? JSONDecoder().decode(Dump.self, from: Data(text.utf8)))?.command
        }
        return nil
    }
}
