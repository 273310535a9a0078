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
