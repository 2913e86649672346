import ArgumentParser
import Foundation
import PetitionService
import PetitionModel

/// `petition token add|list|revoke`: the service's bearer tokens. A token is
/// printed once, when made; the database keeps only its SHA-256.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "管理 HTTP 服务的访问令牌（库中只存令牌的 SHA-256）",
        subcommands: [Add.self, List.self, Revoke.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "为操作人生成令牌并打印（仅此一次）")

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("operator"), help: "操作人姓名，记入审计") var operatorName: String
        @Option(help: "角色：登记员（clerk）、调查员（investigator）、管理员（admin）") var role: String

        func validate() throws {
            if operatorName.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--operator 不能为空") }
            if operatorName.count > 64 { throw ValidationError("--operator 过长（至多 64 个字符）") }
            if Self.role(named: role) == nil { throw ValidationError("--role 应为 登记员、调查员、管理员（或 clerk、investigator、admin）") }
        }

        /// A role as an official names it (调查员) or as a script does (investigator).
        static func role(named name: String) -> Role? {
            Role(rawValue: name) ?? Role.allCases.first { $0.chineseName == name }
        }

        func run() throws {
            let store = try openStore(global, creating: true)
            let role = Self.role(named: role)!
            let name = operatorName.trimmingCharacters(in: .whitespaces)
            let (token, record) = try TokenIssuer(store: store).issue(operatorName: name, role: role)
            try store.appendAudit(AuditEntry(operatorName: TokenCommand.localOperator, command: "token add",
                                             subject: "\(record.tokenID) \(name) \(role.rawValue)", returned: []))
            let terminal = Terminal.current
            terminal.print(global.json ? jsonLine(["operator": name, "role": role.rawValue, "token": token]) : token)
            terminal.printError("已为 \(name)（\(role.chineseName)）生成令牌 \(record.tokenID)（吊销时用此编号）。令牌只显示这一次，请妥善交付；库中只保存其 SHA-256。")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出令牌（不含令牌本身）")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let tokens = try openStore(global).tokens()
            let terminal = Terminal.current
            if global.json {
                for token in tokens {
                    terminal.print(jsonLine(["token_id": token.tokenID, "operator": token.operatorName, "role": token.role,
                                             "created_at": token.createdAt, "revoked_at": orNull(token.revokedAt)]))
                }
                return
            }
            terminal.print("共 \(tokens.count) 个令牌")
            // As `audit` shows its times: Beijing time, the role in Chinese.
            let rows = tokens.map {
                [$0.tokenID, $0.operatorName, Role(rawValue: $0.role)?.chineseName ?? $0.role, BeijingTime.display($0.createdAt),
                 $0.revokedAt.map { "已吊销 \(BeijingTime.display($0))" } ?? "有效"]
            }
            for line in table(header: ["编号", "操作人", "角色", "生成时间（北京）", "状态"], rows: rows, maxWidths: [12, 16, 12, 20, 30]) {
                terminal.print(line)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "吊销令牌（按 token list 中的编号）")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "令牌编号，如 T-1a2b3c4d") var tokenID: String

        func run() throws {
            let store = try openStore(global)
            guard try store.revokeToken(id: tokenID, at: ISO8601DateFormatter().string(from: Date())) else {
                throw UserError(message: "没有编号为 \(tokenID) 的有效令牌")
            }
            try store.appendAudit(AuditEntry(operatorName: TokenCommand.localOperator, command: "token revoke",
                                             subject: tokenID, returned: []))
            if global.json {
                Terminal.current.print(jsonLine(["token_id": tokenID, "revoked": true]))
            } else {
                Terminal.current.print("已吊销令牌 \(tokenID)")
            }
        }
    }

    /// Who ran the command: `$PETITION_OPERATOR`, else the OS user.
    static var localOperator: String {
        if let name = ProcessInfo.processInfo.environment["PETITION_OPERATOR"], !name.isEmpty { return name }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}
