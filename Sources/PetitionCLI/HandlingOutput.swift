import PetitionModel

/// A petition's handling history as `show` prints it for a clerk.
enum HandlingOutput {
    static func lines(_ handling: Handling) -> [String] {
        func organ(_ name: String?, _ level: String?) -> String {
            (name ?? "机关未登记") + (level.map { "（\($0)）" } ?? "")
        }
        var first = "办理：\(organ(handling.organ, handling.level))"
        if let accepted = handling.acceptedAt { first += "，\(accepted) 受理" }
        if let replied = handling.repliedAt { first += "，\(replied) 答复" }
        var lines = [first]
        for (name, request) in [("复查", handling.review), ("复核", handling.recheck)] {
            guard let request else { continue }
            var line = "\(name)：\(organ(request.organ, request.level))"
            if let requested = request.requestedAt { line += "，\(requested) 请求" }
            line += request.repliedAt.map { "，\($0) 答复" } ?? "，尚未答复"
            lines.append(line)
        }
        if let stage = handling.stage() { lines.append("办理阶段：\(stage.chineseName)") }
        return lines
    }
}
