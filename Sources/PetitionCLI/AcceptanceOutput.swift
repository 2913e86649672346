import Foundation
import PetitionAnswers
import PetitionDedup
import PetitionText

/// How `check` shows the acceptance advice to a clerk (its JSON is ``AnswerJSON``'s).
enum AcceptanceOutput {
    static func lines(_ advice: AcceptanceAdvice) -> [String] {
        var lines = ["受理建议：\(advice.advice.chineseName)（规则 \(advice.rule)）", "  理由：\(advice.reason)"]
        if let stage = advice.stage {
            var state = "  事项阶段：\(stage.stage.chineseName)"
            if let organ = stage.organ { state += "；\(stage.step.chineseName)机关：\(organ)" + (stage.level.map { "（\($0)）" } ?? "") }
            if let due = advice.dueAt { state += "；应答复：\(due)" }
            if advice.overdue { state += "；已超期" }
            lines.append(state)
        }
        lines += advice.notes.map { "  提示：\($0)" }
        // A check reveals nothing: an organ's name is typed by a clerk and may hold a phone.
        return lines.map(PrivacyMask.text)
    }
}
