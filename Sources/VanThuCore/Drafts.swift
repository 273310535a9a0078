public import Foundation

//// A file a document is registered from (a signed PDF, a scan, a Word file): kept as the
/// document's original, bytes unchanged, with what checking its signatures found.
public struct OriginalFile: Sendable {
    /// The file on disk, or its bytes (an attachment decoded from an edXML envelope).
    public enum Source: Sendable {
        case path(String)
        case data(Data)
    }

    public var source: Source
    /// The name it is kept under.
    public var name: String
    /// A PDF's signatures as checked when it was read; nil for a file that is not a PDF.
    public var signatures: [SignatureCheck]?

    public init(path: String, name: String? = nil, signatures: [SignatureCheck]? = nil) {
        source = .path(path)
        self.name = name ?? (path as NSString).lastPathComponent
        self.signatures = signatures
    }

    public init(data: Data, name: String, signatures: [SignatureCheck]? = nil) {
        source = .data(data)
        self.name = name
        self.signatures = signatures
    }
}

// What a clerk gave to register an incoming document. Dates, the số and ký hiệu, urgency and
/// secrecy come typed: the front end (the command line, intake) parses them with the core's own
/// parsers (``LocalDate/init(parsing:)``, ``DocumentNotation/init(parsing:)``, …), whose errors
/// are the clerk's messages; the registry checks what depends on the rest (order of dates,
/// limits, the register, duplicates).
public struct IncomingDraft: Sendable {
    /// Tác giả: the issuing body.
    public var issuer: String
    /// Số, ký hiệu: 85-BC/BTGTU.
    public var notation: DocumentNotation?
    /// Ngày tháng văn bản.
    public var issuedDate: LocalDate?
    /// Type code or name; inferred from the ký hiệu when absent.
    public var typeCode: String?
    public var summary: String
    /// Ngày đến; today when absent.
    public var received: LocalDate?
    /// Chuyển: the unit or person it goes to.
    public var handler: String?
    /// Hạn giải quyết.
    public var dueDate: LocalDate?
    public var urgency: Urgency?
    public var secrecy: Secrecy?
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
    /// The electronic files it was registered from (a PDF; an envelope's attachments), stored as
    /// its originals in the same transaction.
    public var originals: [OriginalFile] = []

    public init(
        issuer: String, notation: DocumentNotation? = nil, issuedDate: LocalDate? = nil, typeCode: String? = nil,
        summary: String, received: LocalDate? = nil, handler: String? = nil, dueDate: LocalDate? = nil,
        urgency: Urgency? = nil, secrecy: Secrecy? = nil, pages: Int? = nil, note: String? = nil,
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

/// What a clerk gave to register an outgoing document and give it its number; dates, urgency
/// and secrecy typed, as in ``IncomingDraft``.
public struct OutgoingDraft: Sendable {
    public var typeCode: String
    public var summary: String
    /// Ngày ban hành; today when absent.
    public var issuedDate: LocalDate?
    public var signer: Signer
    /// Nơi nhận, in order.
    public var recipients: [String]
    /// The Lưu line without "Lưu": "VT, TTBCBC". Defaults to "VT" (plus the drafting unit).
    public var archive: String?
    /// The drafting unit's abbreviation: the second group of a state công văn's ký hiệu.
    public var unit: String?
    public var urgency: Urgency?
    public var secrecy: Secrecy?
    public var pages: Int?
    public var note: String?
    /// Hạn trả lời.
    public var dueDate: LocalDate?
    public var subNumberOf: Int?

    public init(
        typeCode: String, summary: String, issuedDate: LocalDate? = nil, signer: Signer, recipients: [String] = [],
        archive: String? = nil, unit: String? = nil, urgency: Urgency? = nil, secrecy: Secrecy? = nil,
        pages: Int? = nil, note: String? = nil, dueDate: LocalDate? = nil, subNumberOf: Int? = nil
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
    /// A field set to a new value, or cleared.
    public enum Correction<Value: Sendable>: Sendable {
        case set(Value)
        case clear
    }

    public var summary: String?
    public var handler: String?
    /// Hạn giải quyết: a new deadline, or none.
    public var dueDate: Correction<LocalDate>?
    public var pages: Int?
    public var note: String?

    /// The hồ sơ is not here: filing is `Registry.file(_:into:year:)`, journaled on its own.
    public init(summary: String? = nil, handler: String? = nil, dueDate: Correction<LocalDate>? = nil, pages: Int? = nil, note: String? = nil) {
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
