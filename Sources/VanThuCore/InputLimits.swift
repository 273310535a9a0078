/// How large clerk input may be, checked where it comes in (typed, intake, import, edit) so
/// that nothing is cut on output and no arithmetic on a number can overflow.
///
/// Text lengths follow ND30 Phụ lục VI (the metadata of văn bản đi, đến and hồ sơ); counts
/// follow its three-digit fields with room to spare. The manual lists them.
public enum InputLimits {
    /// The highest số đến or số đi: ten million a year is far beyond any register, and keeps
    /// "next number" arithmetic exact.
    public static let number = 9_999_999
    /// Pages, copies, envelopes (ND30: PageAmount N3, IssuedAmount N3).
    public static let count = 9_999

    /// The longest text of a field, in characters.
    public static func length(of field: RegistryError.Field) -> Int {
        switch field {
        case .summary, .dossierTitle, .note: 500  // Subject, Title, Description S500
        case .issuer, .recipient, .organization: 200  // OrganName S200
        case .typeName, .position: 100  // TypeName, Position S100
        case .signer: 50  // FullName S50
        case .notation: 42  // CodeNumber S11 + CodeNotation S30 and the slash
        case .fileNotation: 20  // FileNotation S20
        case .handler: 1000  // ToPlaces S1000
        case .recipientList: 10_000  // a whole Nơi nhận column of an old register
        case .organizationCode, .typeCode: 20
        case .attachmentName: 255  // a file name
        default: 1000
        }
    }

    /// `text` cleaned (``VietnameseText/nonEmpty(_:)``), refused when longer than its field
    /// allows; nil when empty.
    public static func text(_ text: String?, _ field: RegistryError.Field) throws -> String? {
        guard let cleaned = VietnameseText.nonEmpty(text) else { return nil }
        let limit = length(of: field)
        // Counting characters is costly; the UTF-8 length bounds it from above.
        if cleaned.utf8.count > limit, cleaned.count > limit {
            throw RegistryError.tooLong(field: field, length: cleaned.count, limit: limit)
        }
        return cleaned
    }

    /// A count (pages, copies): a whole number from 1 to ``count``.
    public static func count(_ value: Int?) throws -> Int? {
        guard let value else { return nil }
        guard (1...count).contains(value) else { throw RegistryError.countOutOfRange(value, limit: count) }
        return value
    }

    /// A số đến or số đi: from 1 to ``number``.
    public static func number(_ value: Int) throws -> Int {
        guard (1...number).contains(value) else { throw RegistryError.numberOutOfRange(value, limit: number) }
        return value
    }
}
