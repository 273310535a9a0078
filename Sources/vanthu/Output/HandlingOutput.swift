import VanThuCore

/// How handling commands print what they did.
enum HandlingOutput {
    static func print(_ result: HandlingResult, json: Bool) throws {
        if json { return try Terminal.json(result) }
        Terminal.print(summary(of: result.step, reference: result.document.reference))
        Terminal.print(Terminal.label("Trạng thái: ", "Status: ") + result.document.status.name(in: .fromEnvironment()))
    }

    /// One line for a step: "Chuyển den/2021/792 cho Phòng TT (chủ trì) …".
    static func summary(of step: HandlingStep, reference: String) -> String {
        let vi = Language.fromEnvironment() == .vi
        var parts = ["\(step.action.name(in: .fromEnvironment())) \(reference)"]
        switch step.action {
        case .route:
            if let unit = step.unit { parts.append(vi ? "chủ trì: \(unit)" : "lead: \(unit)") }
            if !step.coUnits.isEmpty { parts.append((vi ? "phối hợp: " : "co-operating: ") + step.coUnits.joined(separator: ", ")) }
            parts.append(step.dueDate.map { (vi ? "hạn giải quyết: " : "due: ") + $0.vietnamese } ?? (vi ? "không ấn định hạn" : "no deadline"))
            if let person = step.person { parts.append((vi ? "chỉ đạo: " : "directed by: ") + person) }
            if let text = step.text { parts.append("“\(text)”") }
        case .receipt:
            if let unit = step.unit { parts.append(unit) }
            if let person = step.person { parts.append((vi ? "người ký nhận: " : "signed by: ") + person) }
        case .done:
            if let reply = step.reply { parts.append((vi ? "văn bản trả lời: " : "reply: ") + reply) }
            if let text = step.text { parts.append(text) }
        case .progress, .return, .reopen:
            if let text = step.text { parts.append(text) }
        }
        parts.append((vi ? "ngày " : "on ") + step.day.vietnamese)
        return parts.joined(separator: "; ")
    }
}
