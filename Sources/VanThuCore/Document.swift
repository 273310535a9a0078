/// A registered document, incoming or outgoing, with its place in a number series.
///
/// Field names follow ND30 Phụ lục VI (`organName`, `codeNumber`, `subject`…).
public struct Document: Equatable, Sendable {
    public var id: Int64
    public var kind: RegisterKind
    public var registerId: Int64
    /// "" when the series is shared by all types, else the type code.
    public var seriesKey: String
    /// Số đến (incoming) or the register number of an outgoing document.
    public var number: Int
    /// "" or a sub-number letter: 12a.
    public var numberSuffix: String
    /// Ngày đến (incoming) or ngày ban hành (outgoing): the date that chose the series.
    public var registerDate: LocalDate
    /// Tác giả: the issuing body.
    public var organName: String
    /// Số, ký hiệu as written on the document.
    public var notation: DocumentNotation?
    public var issuedDate: LocalDate?
    public var typeCode: String
    public var typeName: String
    /// Trích yếu nội dung.
    public var subject: String
    /// Đơn vị hoặc người nhận (incoming).
    public var handler: String?
    /// Ngày chuyển.
    public var transferDate: LocalDate?
    /// Thời hạn giải quyết / hạn trả lời.
    public var dueDate: LocalDate?
    /// Số và ký hiệu hồ sơ.
    public var fileNotation: String?
    public var pageAmount: Int?
    /// Ghi chú.
    public var note: String?
    public var urgency: Urgency?
    public var secrecy: Secrecy?
    public var signer: Signer?
    /// Nơi nhận (outgoing), in order, without the Lưu line.
    public var recipients: [String]
    /// The Lưu line without "Lưu": "VT, TTBCBC".
    public var archiveCopy: String?
    /// Số lượng bản: recipients plus archive copies (ND30 Điều 17.1.a).
    public var issuedAmount: Int?
    public var registeredAt: String
    public var registeredBy: String
    public var voided: VoidRecord?
    /// Trạng thái xử lý (incoming).
    public var status: HandlingStatus
    /// Đơn vị phối hợp (incoming), after the lead unit in `handler`.
    public var coHandlers: [String]
    /// Tiến độ giải quyết: the latest progress note.
    public var progress: String?
    /// The day it was handled (or returned).
    public var doneDate: LocalDate?
    /// Số, ký hiệu văn bản trả lời.
    public var reply: String?

    public var direction: Direction { kind.direction }

    /// "783", "12a"; outgoing numbers below 10 take a leading zero ("05"), as ND30 prints them.
    public var displayNumber: String { Self.displayNumber(number, suffix: numberSuffix, direction: direction) }

    /// `7`, `12a`; an outgoing number below 10 with its zero, `07`.
    static func displayNumber(_ number: Int, suffix: String, direction: Direction) -> String {
        let n = direction == .outgoing && number < 10 ? "0\(number)" : "\(number)"
        return n + suffix
    }

    /// `den/2021/783`, `di/2021/BC/86`: how a clerk names this document on the command line.
    public var reference: String {
        var parts = [kind.referencePrefix, String(registerDate.year)]
        if direction == .outgoing { parts.append(typeCode) }
        parts.append("\(number)\(numberSuffix)")
        return parts.joined(separator: "/")
    }
}

/// Chức vụ, họ tên người ký, and the authority prefix (TM., KT., T/M, K/T…).
public struct Signer: Equatable, Sendable {
    /// "KT. GIÁM ĐỐC", "T/M BAN THƯỜNG VỤ".
    public var capacity: String?
    /// "PHÓ GIÁM ĐỐC".
    public var position: String?
    /// "Nguyễn Văn A".
    public var fullName: String?

    public init(capacity: String? = nil, position: String? = nil, fullName: String? = nil) {
        self.capacity = capacity
        self.position = position
        self.fullName = fullName
    }

    /// "PHÓ GIÁM ĐỐC Nguyễn Văn A", as the register's Người ký column shows it.
    public var summary: String {
        [position, fullName].compactMap { $0 }.joined(separator: " ")
    }
}

/// When, by whom and why a number was voided. A voided number stays in the register.
public struct VoidRecord: Equatable, Sendable {
    public var at: String
    public var by: String
    public var reason: String
}
