import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
import PetitionText

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
