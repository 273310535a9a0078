/// How a copy of an outgoing document travels to a recipient.
public enum DispatchChannel: String, Sendable, CaseIterable {
    /// Bưu điện: goes into the Sổ gửi văn bản đi bưu điện.
    case post
    /// Thư điện tử.
    case email
    /// Trục liên thông văn bản (LGSP).
    case axis
    /// Chuyển trực tiếp, by hand.
    case hand

    /// Reads `post`, `buu-dien`, `email`, `axis`, `truc`, `hand`, `truc-tiep`.
    public init(parsing text: String) throws {
        switch VietnameseText.fold(text).filter({ $0.isLetter }) {
        case "post", "buudien", "bd": self = .post
        case "email", "mail", "thudientu": self = .email
        case "axis", "truc", "truclienthong", "lgsp": self = .axis
        case "hand", "tructiep", "tay": self = .hand
        default: throw RegistryError.invalidValue(field: .via, value: text, allowed: ["post", "email", "axis", "hand"])
        }
    }

    public func name(in lang: Language) -> String {
        switch (self, lang) {
        case (.post, .vi): "Bưu điện"
        case (.post, .en): "post"
        case (.email, .vi): "Thư điện tử"
        case (.email, .en): "email"
        case (.axis, .vi): "Trục liên thông"
        case (.axis, .en): "document exchange axis"
        case (.hand, .vi): "Chuyển trực tiếp"
        case (.hand, .en): "by hand"
        }
    }
}

/// What the clerk typed to record sending an outgoing document.
public struct DispatchDraft: Sendable {
    /// Recipients, as in the Nơi nhận (case and tone-mark encoding do not matter).
    public var recipients: [String]
    /// Every recipient not yet sent to.
    public var allUnsent: Bool
    public var via: DispatchChannel
    /// The day the copies left; today when absent.
    public var date: LocalDate?
    /// Số lượng bì (post).
    public var envelopes: Int?
    /// Allows a recipient outside the Nơi nhận; recorded as extra.
    public var extra: Bool
    /// Allows sending again to a recipient already sent to.
    public var again: Bool
    public var note: String?

    public init(
        recipients: [String] = [], allUnsent: Bool = false, via: DispatchChannel, date: LocalDate? = nil, envelopes: Int? = nil, extra: Bool = false,
        again: Bool = false, note: String? = nil
    ) {
        self.recipients = recipients
        self.allUnsent = allUnsent
        self.via = via
        self.date = date
        self.envelopes = envelopes
        self.extra = extra
        self.again = again
        self.note = note
    }
}

/// One copy sent: to whom, how, when. Append-only.
public struct DispatchRecord: Equatable, Sendable {
    public var id: Int64
    public var documentId: Int64
    /// `di/2021/BC/86`.
    public var reference: String
    /// Số, ký hiệu: `86/BC-STTTT`.
    public var notation: String
    public var recipient: String
    public var via: DispatchChannel
    public var day: LocalDate
    public var envelopes: Int
    /// Sent to someone not in the Nơi nhận.
    public var extra: Bool
    public var note: String?
    public var at: String
    public var user: String
}

/// A recipient of an outgoing document that has not been sent its copy.
public struct UnsentCopy: Sendable {
    public var document: Document
    public var recipient: String
}
