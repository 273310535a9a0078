public import VanThuCore

/// A value a register cell shows.
public enum CellValue: Equatable, Sendable {
    case text(String)
    case number(Int)
    case date(LocalDate)
    case empty

    /// The value as CSV or a terminal shows it: dates `dd/mm/yyyy`.
    public var text: String {
        switch self {
        case .text(let s): s
        case .number(let n): String(n)
        case .date(let d): d.registerForm
        case .empty: ""
        }
    }
}

/// What a register column shows, named in the layout files of `exports/`.
public enum RegisterField: String, Decodable, CaseIterable, Sendable {
    case arrivalDate, number, organName, fullNotation, issuedDate, typeAndSubject, handler
    case transferDate, signature, note, signer, toPlaces, archiveCopy, issuedAmount, dueDate
    case progress, reply, documentDescription, dispatchDate, recipient, envelopes

    /// The cell for `document`. A voided number keeps its row and says why; a Tuyệt mật
    /// document's trích yếu is not written.
    public func value(for document: Document) -> CellValue {
        switch self {
        case .arrivalDate: return .date(document.registerDate)
        case .number:
            return document.numberSuffix.isEmpty ? .number(document.number) : .text(document.displayNumber)
        case .organName: return .text(document.organName)
        case .fullNotation: return document.notation.map { .text($0.full) } ?? .empty
        case .issuedDate: return document.issuedDate.map(CellValue.date) ?? .empty
        case .typeAndSubject:
            if let voided = document.voided {
                let subject = document.secrecy == .tuyetMat ? "" : "\(document.typeName) \(document.subject)"
                return .text(RegisterCellText.voidedSubject(subject, reason: voided.reason))
            }
            if document.secrecy == .tuyetMat { return .text("\(document.typeName) (Tuyệt mật: không ghi trích yếu)") }
            return .text("\(document.typeName) \(document.subject)")
        case .handler:
            guard let lead = document.handler else { return .empty }
            return .text(RegisterCellText.handler(lead: lead, coHandlers: document.coHandlers))
        case .transferDate: return document.transferDate.map(CellValue.date) ?? .empty
        case .signature, .dispatchDate, .recipient, .envelopes: return .empty
        case .progress: return progress(of: document)
        case .reply: return text(document.reply)
        case .note:
            var parts: [String] = []
            if let voided = document.voided { parts.append(RegisterCellText.voidNote(at: voided.at, by: voided.by)) }
            if let urgency = document.urgency { parts.append(urgency.label) }
            if let secrecy = document.secrecy { parts.append(secrecy.label) }
            if let note = document.note { parts.append(note) }
            return parts.isEmpty ? .empty : .text(parts.joined(separator: RegisterCellText.noteSeparator))
        case .signer: return text(document.signer?.summary)
        case .toPlaces: return document.recipients.isEmpty ? .empty : .text(document.recipients.joined(separator: "; "))
        case .archiveCopy: return text(document.archiveCopy)
        case .issuedAmount: return document.issuedAmount.map(CellValue.number) ?? .empty
        case .dueDate: return document.dueDate.map(CellValue.date) ?? .empty
        case .documentDescription:
            var text = document.typeName
            if let notation = document.notation { text += " số \(notation.full)" }
            if let issued = document.issuedDate { text += " ngày \(issued.registerForm)" }
            return .text(text + " của \(document.organName)")
        }
    }

    /// Tiến độ giải quyết: the status, the day it ended, and whether the deadline was kept.
    private func progress(of document: Document) -> CellValue {
        guard document.direction == .incoming, document.voided == nil else { return .empty }
        switch document.status {
        case .done:
            let late = document.dueDate.flatMap { due in document.doneDate.map { $0 > due } } ?? false
            return .text("Đã giải quyết ngày \(document.doneDate?.registerForm ?? "")" + (late ? " (quá hạn)" : ""))
        case .returned: return .text("Đã trả lại ngày \(document.doneDate?.registerForm ?? "")")
        case .inProgress: return .text(document.progress.map { "Đang giải quyết: \($0)" } ?? "Đang giải quyết")
        case .routed: return .text("Đã chuyển")
        case .registered: return .text("Chưa chuyển")
        case .untracked: return .empty
        }
    }

    /// The cell for one copy sent, in the Sổ gửi văn bản đi bưu điện.
    public func value(for record: DispatchRecord) -> CellValue {
        switch self {
        case .dispatchDate, .transferDate: return .date(record.day)
        case .fullNotation: return .text(record.notation)
        case .recipient, .toPlaces: return .text(record.recipient)
        case .envelopes: return .number(record.envelopes)
        case .note:
            var parts: [String] = []
            if record.extra { parts.append("Gửi thêm, ngoài Nơi nhận") }
            if let note = record.note { parts.append(note) }
            return parts.isEmpty ? .empty : .text(parts.joined(separator: "; "))
        default: return .empty
        }
    }

    private func text(_ value: String?) -> CellValue {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }
}
