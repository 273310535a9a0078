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
    /// `typeName`, `fullNotation`, `issuedDate`: the fields the journal and `--json` write.
    var jsonFields: [(String, JSONValue)] {
        var list = JSONFieldList()
        writeFields(into: &list)
        return list.fields
    }

    func writeFields(into sink: inout some JSONFieldSink) {
        sink.field("typeName", typeName)
        sink.field("fullNotation", notation.full)
        sink.field("issuedDate", issuedDate?.iso)
    }
}

/// A citation, and the registered document it names when the registry holds one.
public struct CitationLink: Sendable {
    public var citation: Citation
    /// `den/2021/783` or `di/2021/BC/86`; nil when the cited document is not in the registry.
    public var registered: String?
}
