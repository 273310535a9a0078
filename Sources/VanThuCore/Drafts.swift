/// What a clerk typed to register an incoming document. Every field is raw text: the registry
/// parses and checks it, so that every message comes in the clerk's language.
public struct IncomingDraft: Sendable {
    /// Tác giả: the issuing body.
    public var issuer: String
    /// Số, ký hiệu as written: "85-BC/BTGTU".
    public var notation: String?
    /// Ngày tháng văn bản.
    public var issuedDate: String?
    /// Type code or name; inferred from the ký hiệu when absent.
    public var typeCode: String?
    public var summary: String
    /// Ngày đến; today when absent.
    public var received: String?
    /// Chuyển: the unit or person it goes to.
    public var handler: String?
    public var dueDate: String?
    public var urgency: String?
    public var secrecy: String?
    public var pages: Int?
    public var note: String?
    /// Số và ký hiệu hồ sơ.
    public var fileNotation: String?
    public var signer: Signer?
    /// Register as a sub-number of this number (12 → 12a), for a document slipped in later.
    public var subNumberOf: Int?
    /// Register even when the same số, ký hiệu and issuer are already registered.
    public var force: Bool
    /// The documents its text cites, kept as links.
    public var citations: [Citation]
    /// The document's text, when it was registered from it (kept for search).
    public var text: String?

    public init(
        issuer: String, notation: String? = nil, issuedDate: String? = nil, typeCode: String? = nil,
        summary: String, received: String? = nil, handler: String? = nil, dueDate: String? = nil,
        urgency: String? = nil, secrecy: String? = nil, pages: Int? = nil, note: String? = nil,
        fileNotation: String? = nil, signer: Signer? = nil, subNumberOf: Int? = nil, force: Bool = false,
        citations: [Citation] = [], text: String? = nil
    ) {
        self.issuer = issuer
        self.notation = notation
        self.issuedDate = issuedDate
        self.typeCode = typeCode
        self.summary = summary
        self.received = received
        self.handler = handler
        self.dueDate = dueDate
        self.urgency = urgency
        self.secrecy = secrecy
        self.pages = pages
        self.note = note
        self.fileNotation = fileNotation
        self.signer = signer
        self.subNumberOf = subNumberOf
        self.force = force
        self.citations = citations
        self.text = text
    }
}

/// What a clerk typed to register an outgoing document and give it its number.
public struct OutgoingDraft: Sendable {
    public var typeCode: String
    public var summary: String
    /// Ngày ban hành; today when absent.
    public var issuedDate: String?
    public var signer: Signer
    /// Nơi nhận, in order.
    public var recipients: [String]
    /// The Lưu line without "Lưu": "VT, TTBCBC". Defaults to "VT" (plus the drafting unit).
    public var archive: String?
    /// The drafting unit's abbreviation: the second group of a state công văn's ký hiệu.
    public var unit: String?
    public var urgency: String?
    public var secrecy: String?
    public var pages: Int?
    public var note: String?
    /// Hạn trả lời.
    public var dueDate: String?
    public var subNumberOf: Int?

    public init(
        typeCode: String, summary: String, issuedDate: String? = nil, signer: Signer, recipients: [String] = [],
        archive: String? = nil, unit: String? = nil, urgency: String? = nil, secrecy: String? = nil,
        pages: Int? = nil, note: String? = nil, dueDate: String? = nil, subNumberOf: Int? = nil
    ) {
        self.typeCode = typeCode
        self.summary = summary
        self.issuedDate = issuedDate
        self.signer = signer
        self.recipients = recipients
        self.archive = archive
        self.unit = unit
        self.urgency = urgency
        self.secrecy = secrecy
        self.pages = pages
        self.note = note
        self.dueDate = dueDate
        self.subNumberOf = subNumberOf
    }
}

/// Corrections to a registered document. Numbers, dates of registration and the issuer never
/// change; these fields may, and every change is journaled with its old value.
public struct DocumentChanges: Sendable {
    public var summary: String?
    public var handler: String?
    public var dueDate: String?
    public var pages: Int?
    public var note: String?

    /// The hồ sơ is not here: filing is `Registry.file(_:into:year:)`, journaled on its own.
    public init(summary: String? = nil, handler: String? = nil, dueDate: String? = nil, pages: Int? = nil, note: String? = nil) {
        self.summary = summary
        self.handler = handler
        self.dueDate = dueDate
        self.pages = pages
        self.note = note
    }

    var isEmpty: Bool {
        summary == nil && handler == nil && dueDate == nil && pages == nil && note == nil
    }
}
