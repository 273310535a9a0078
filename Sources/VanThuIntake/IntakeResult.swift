public import VanThuCore

/// The registry metadata read from a document's text. A field the text does not show is nil
/// (lists empty): never a guess.
///
/// JSON names follow ND30 Phụ lục VI (`organName`, `codeNumber`, `subject`…).
public struct IntakeResult: Equatable, Sendable {
    /// Tên cơ quan ban hành: `SỞ THÔNG TIN VÀ TRUYỀN THÔNG`.
    public var organName: String?
    /// Tên cơ quan chủ quản: `UBND TỈNH KON TUM`.
    public var parentOrganName: String?
    public var notation: DocumentNotation?
    /// The notation as the registry's rules spell it, when the printed one differs: a Party
    /// `TƯ` (a horn added by the font or the OCR) read as `TU`.
    public var normalizedNotation: DocumentNotation?
    /// As printed, in capitals: `BÁO CÁO`; `CÔNG VĂN` for a V/v letter.
    public var typeName: String?
    public var typeCode: String?
    public var place: String?
    public var issuedDate: LocalDate?
    /// Trích yếu: the title lines joined by single spaces, without the V/v marker of a công văn.
    public var subject: String?
    /// Nơi nhận, without dashes and end punctuation; the Lưu line is `archiveCopy`.
    public var toPlaces: [String] = []
    /// `Lưu: VT, TCCB`, `Lưu Văn phòng Tỉnh ủy`.
    public var archiveCopy: String?
    /// Every signature block, in reading order (a joint thông tư has one per agency).
    public var signers: [Signer] = []
    /// The first block: the one a register records.
    public var signer: Signer? { signers.first }
    public var urgency: Urgency?
    public var secrecy: Secrecy?
    /// A ĐẾN stamp already on the document.
    public var incomingStamp: IncomingStamp?
    /// Documents cited in the text, in order of first appearance; the document's own number excluded.
    public var references: [Citation] = []
    /// State (ND30) or Party (HD36), from the ký hiệu, the header or the signature.
    public var style: DocumentStyle?
    /// Where the text came from when it was read from a PDF or a Word file; nil for plain text.
    public var file: IntakeFile?

    public init() {}

    /// The contract's names of the fields the text did not show.
    public var missing: [String] {
        let fields: [(String, Bool)] = [
            ("organName", organName == nil), ("parentOrganName", parentOrganName == nil),
            ("fullNotation", notation == nil), ("typeName", typeName == nil), ("typeCode", typeCode == nil),
            ("place", place == nil), ("issuedDate", issuedDate == nil), ("subject", subject == nil),
            ("toPlaces", toPlaces.isEmpty), ("archiveCopy", archiveCopy == nil), ("signer", signer == nil),
        ]
        return fields.filter(\.1).map(\.0)
    }
}

/// What reading a PDF or a Word file found besides the text: its format, the pages OCR read,
/// the signatures checked.
public struct IntakeFile: Equatable, Sendable {
    /// `pdf` or `docx`.
    public var format: String
    public var pages: Int?
    /// Pages (from 1) with no text layer, read by OCR.
    public var ocrPages: [Int]
    /// Pages with no text layer left unread (past the OCR page limit).
    public var unreadPages: [Int]
    public var signatures: [SignatureCheck]

    public init(format: String, pages: Int?, ocrPages: [Int], unreadPages: [Int], signatures: [SignatureCheck]) {
        self.format = format
        self.pages = pages
        self.ocrPages = ocrPages
        self.unreadPages = unreadPages
        self.signatures = signatures
    }
}

/// The ĐẾN stamp (ND30 Phụ lục IV mục V): the receiving body, số đến, date, Chuyển, hồ sơ.
public struct IncomingStamp: Equatable, Sendable {
    public var organName: String?
    /// Số đến as written: "783".
    public var number: String?
    public var date: LocalDate?
    /// Chuyển: the unit it went to.
    public var handler: String?
    /// Số và ký hiệu hồ sơ.
    public var fileNotation: String?

    public init(organName: String? = nil, number: String? = nil, date: LocalDate? = nil, handler: String? = nil, fileNotation: String? = nil) {
        self.organName = organName
        self.number = number
        self.date = date
        self.handler = handler
        self.fileNotation = fileNotation
    }
}

extension IntakeResult: Encodable {
    private enum Key: String, CodingKey {
        case organName, parentOrganName, codeNumber, codeNotation, fullNotation, typeName, typeCode, place
        case issuedDate, subject, toPlaces, archiveCopy, signer, urgency, secrecy, incomingStamp, references
        case style, missing, signers, normalizedNotation
        case capacity, position, fullName, number, date, handler, fileNotation
        case format, pages, ocrPages, unreadPages, signatures
    }

    /// Every field of the contract is written, absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(organName, forKey: .organName)
        try c.encode(parentOrganName, forKey: .parentOrganName)
        try c.encode(notation?.number, forKey: .codeNumber)
        try c.encode(notation?.notation, forKey: .codeNotation)
        try c.encode(notation?.full, forKey: .fullNotation)
        try c.encode(normalizedNotation?.full, forKey: .normalizedNotation)
        try c.encode(typeName, forKey: .typeName)
        try c.encode(typeCode, forKey: .typeCode)
        try c.encode(place, forKey: .place)
        try c.encode(issuedDate?.iso, forKey: .issuedDate)
        try c.encode(subject, forKey: .subject)
        try c.encode(toPlaces, forKey: .toPlaces)
        try c.encode(archiveCopy, forKey: .archiveCopy)
        if let signer {
            var s = c.nestedContainer(keyedBy: Key.self, forKey: .signer)
            try Self.encode(signer, into: &s)
        } else {
            try c.encodeNil(forKey: .signer)
        }
        var blocks = c.nestedUnkeyedContainer(forKey: .signers)
        for block in signers {
            var s = blocks.nestedContainer(keyedBy: Key.self)
            try Self.encode(block, into: &s)
        }
        try c.encode(urgency?.label, forKey: .urgency)
        try c.encode(secrecy?.label, forKey: .secrecy)
        if let stamp = incomingStamp {
            var s = c.nestedContainer(keyedBy: Key.self, forKey: .incomingStamp)
            try s.encode(stamp.organName, forKey: .organName)
            try s.encode(stamp.number, forKey: .number)
            try s.encode(stamp.date?.iso, forKey: .date)
            try s.encode(stamp.handler, forKey: .handler)
            try s.encode(stamp.fileNotation, forKey: .fileNotation)
        } else {
            try c.encodeNil(forKey: .incomingStamp)
        }
        var list = c.nestedUnkeyedContainer(forKey: .references)
        for citation in references {
            var r = list.nestedContainer(keyedBy: Key.self)
            try r.encode(citation.typeName, forKey: .typeName)
            try r.encode(citation.notation.full, forKey: .fullNotation)
            try r.encode(citation.issuedDate?.iso, forKey: .issuedDate)
        }
        try c.encode(style?.rawValue, forKey: .style)
        try c.encode(missing, forKey: .missing)
        // A file's own facts, after the fields: the same fields as text intake, then these.
        if let file {
            try c.encode(file.format, forKey: .format)
            try c.encode(file.pages, forKey: .pages)
            try c.encode(file.ocrPages, forKey: .ocrPages)
            try c.encode(file.unreadPages, forKey: .unreadPages)
            try c.encode(file.signatures, forKey: .signatures)
        }
    }

    private static func encode(_ signer: Signer, into s: inout KeyedEncodingContainer<Key>) throws {
        try s.encode(signer.capacity, forKey: .capacity)
        try s.encode(signer.position, forKey: .position)
        try s.encode(signer.fullName, forKey: .fullName)
    }
}
