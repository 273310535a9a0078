/// A document cited in another's text: "Kế hoạch số 432-KH/BTGTW, ngày 01-10-2020".
public struct Citation: Hashable, Sendable {
    /// The type as named in the citation, in the type table's spelling ("Kế hoạch"); nil when the
    /// text says only "số 432-KH/BTGTW".
    public var typeName: String?
    public var notation: DocumentNotation
    public var issuedDate: LocalDate?

    public init(typeName: String?, notation: DocumentNotation, issuedDate: LocalDate?) {
        self.typeName = typeName
        self.notation = notation
        self.issuedDate = issuedDate
    }
}

extension Citation {
    /// `[{"typeName": …, "fullNotation": …, "issuedDate": …}]`, as the journal records them.
    static func json(_ citations: [Citation]) -> JSONValue {
        .array(citations.map { .fields([("typeName", JSONValue($0.typeName)), ("fullNotation", .string($0.notation.full)), ("issuedDate", JSONValue($0.issuedDate?.iso))]) })
    }
}

/// A citation, and the registered document it names when the registry holds one.
public struct CitationLink: Sendable {
    public var citation: Citation
    /// `den/2021/783` or `di/2021/BC/86`; nil when the cited document is not in the registry.
    public var registered: String?
}

/// A document with the documents it cites, for `vanthu show --json`: the document's fields plus
/// `references`, each with `registered` (the reference in this registry, or null).
public struct DocumentWithCitations: Encodable {
    public let document: Document
    public let citations: [CitationLink]

    public init(document: Document, citations: [CitationLink]) {
        self.document = document
        self.citations = citations
    }

    public func encode(to encoder: any Encoder) throws {
        guard case .fields(let fields) = document.json else { return try document.encode(to: encoder) }
        let references = JSONValue.array(citations.map {
            .fields([
                ("typeName", JSONValue($0.citation.typeName)), ("fullNotation", .string($0.citation.notation.full)),
                ("issuedDate", JSONValue($0.citation.issuedDate?.iso)), ("registered", JSONValue($0.registered)),
            ])
        })
        try JSONValue.fields(fields + [("references", references)]).encode(to: encoder)
    }
}
