import ArgumentParser
import Foundation
import PetitionDedup

/// `--rules FILE`: a bureau's acceptance rules instead of the bundled ones,
/// else `$PETITION_RULES`. A bad file stops the command before it does anything.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("受理规则文件（默认 $PETITION_RULES，否则内置规则；petition rules --print 输出内置规则作为起点）",
                                            valueName: "文件"))
    var rules: String?

    var path: String? {
        if let rules { return rules }
        if let path = ProcessInfo.processInfo.environment["PETITION_RULES"], !path.isEmpty { return path }
        return nil
    }

    func load() throws -> AcceptanceRules {
        do throws(AcceptanceRules.LoadError) {
            if let path { return try AcceptanceRules.load(path: path) }
            return try AcceptanceRules.bundled()
        } catch {
            throw UserError(message: error.description)
        }
    }
}
