/// What a clerk gives when opening a hồ sơ; for one in the Danh mục every field is optional
/// and overrides the catalogue's.
public struct DossierDraft: Sendable {
    public var title: String?
    public var retention: Retention?
    public var creator: String?
    public var description: String?
    /// Thời gian bắt đầu; today when nil.
    public var startDate: LocalDate?

    public init(
        title: String? = nil, retention: Retention? = nil, creator: String? = nil, description: String? = nil, startDate: LocalDate? = nil
    ) {
        self.title = title
        self.retention = retention
        self.creator = creator
        self.description = description
        self.startDate = startDate
    }
}

/// How a hồ sơ is closed (ND30 Điều 29.4).
public struct DossierClosing: Sendable {
    /// Thời gian kết thúc; today when nil.
    public var endDate: LocalDate?
    /// Tổng số tờ; the documents' page counts added up when nil and all are known.
    public var pages: Int?
    /// Re-checked retention, when it changes at closing.
    public var retention: Retention?
    /// Xây dựng cơ bản: due at the archive 3 months after closing, not a year (ND30 Điều 30).
    public var construction: Bool

    public init(endDate: LocalDate? = nil, pages: Int? = nil, retention: Retention? = nil, construction: Bool = false) {
        self.endDate = endDate
        self.pages = pages
        self.retention = retention
        self.construction = construction
    }
}

/// A hồ sơ with its documents in DocOrdinal order (by date, then số).
public struct DossierContents: Sendable, Encodable {
    public var dossier: Dossier
    public var documents: [Document]

    /// Thời gian tài liệu: the dates of the earliest and the latest document.
    public var span: (first: LocalDate, last: LocalDate)? {
        let dates = documents.map(DossierContents.date)
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return (first, last)
    }

    /// The date a document is ordered by inside a hồ sơ: its own date, else the day registered.
    public static func date(_ document: Document) -> LocalDate { document.issuedDate ?? document.registerDate }

    public func encode(to encoder: any Encoder) throws {
        let documents = JSONValue.array(
            documents.enumerated().map { index, document in
                .fields([("docOrdinal", JSONValue(index + 1))] + document.jsonFields)
            })
        var fields: [(String, JSONValue)] = []
        if case .fields(let own) = dossier.json { fields = own }
        try JSONValue.fields(fields + [("documents", documents)]).encode(to: encoder)
    }
}

/// One hand-over to the agency archive: the Mục lục hồ sơ, tài liệu nộp lưu and the Biên bản
/// giao nhận are written from it.
public struct ArchiveTransfer: Sendable, Encodable {
    public var id: Int64
    public var day: LocalDate
    public var deliveredBy: String?
    public var receivedBy: String?
    public var dossiers: [DossierContents]
    /// Stored files of their documents (tệp tin), for the Biên bản.
    public var files: Int

    enum CodingKeys: String, CodingKey { case id, day, deliveredBy, receivedBy, dossiers, files }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(day.iso, forKey: .day)
        try c.encode(deliveredBy, forKey: .deliveredBy)
        try c.encode(receivedBy, forKey: .receivedBy)
        try c.encode(dossiers, forKey: .dossiers)
        try c.encode(files, forKey: .files)
    }
}

/// A hồ sơ whose retention has run out by a year, for appraisal; held ones are listed apart.
public struct ExpiringDossiers: Sendable, Encodable {
    public var year: Int
    public var eligible: [Dossier]
    public var held: [Dossier]
}
