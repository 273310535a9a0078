import GRDB

/// A document type of the agency's table as a GRDB record; decodes to the public ``DocumentType``.
struct DocumentTypeRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "documentType"

    enum Columns {
        static let style = Column("style")
        static let code = Column("code")
    }

    let type: DocumentType

    init(row: Row) throws { type = try DocumentType(row: row) }
}

extension DerivableRequest<DocumentTypeRecord> {
    /// Types of one style; both styles when nil.
    func of(_ style: DocumentStyle?) -> Self {
        guard let style else { return self }
        return filter(DocumentTypeRecord.Columns.style == style.rawValue)
    }

    func orderedByCode() -> Self { order(DocumentTypeRecord.Columns.style, DocumentTypeRecord.Columns.code) }
}

/// A type the agency adds to its table.
struct NewDocumentTypeRow: AppendedRow {
    static let databaseTableName = "documentType"
    static let columns = ["style", "code", "name", "inNotation", "isCopy", "builtin"]
    static let insertSQL = makeInsertSQL()

    var type: DocumentType

    var values: [(any DatabaseValueConvertible)?] { [type.style.rawValue, type.code, type.name, type.inNotation, false, false] }
}

/// A day the government announced (`calendarDay`): a substitute day off, or a working day.
struct CalendarDayRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "calendarDay"

    enum Columns {
        static let date = Column("date")
    }

    var date: LocalDate
    var dayOff: Bool
    var name: String
    var addedAt: String?
    var addedBy: String?

    /// nil for a row whose date cannot be read (a hand edit): it is not a day of the calendar.
    init(row: Row) throws {
        guard let date = LocalDate.parse(row["date"] as String? ?? "") else { throw RegistryError.storage("unreadable calendar day") }
        self.date = date
        dayOff = row["dayOff"]
        name = row["name"]
        addedAt = row["addedAt"]
        addedBy = row["addedBy"]
    }

    init(date: LocalDate, dayOff: Bool, name: String, addedAt: String, addedBy: String) {
        (self.date, self.dayOff, self.name, self.addedAt, self.addedBy) = (date, dayOff, name, addedAt, addedBy)
    }

    func encode(to container: inout PersistenceContainer) {
        container["date"] = date.iso
        container["dayOff"] = dayOff
        container["name"] = name
        container["addedAt"] = addedAt
        container["addedBy"] = addedBy
    }

    var holiday: Holiday { Holiday(date: date, name: name, source: .announced, isDayOff: dayOff) }
}
