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

    /// Throws for a row whose date cannot be read (a hand edit): it is not a day of the calendar.
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

/// The agency (one row, id 1) as written by `init`.
struct OrganizationRow: AppendedRow {
    static let databaseTableName = "organization"
    static let columns = ["id", "name", "code", "parentName", "place", "style", "organId", "createdAt"]
    static let insertSQL = makeInsertSQL()

    var organization: Organization
    var createdAt: String

    var values: [(any DatabaseValueConvertible)?] {
        [
            1, organization.name, organization.code, organization.parentName, organization.place, organization.style.rawValue,
            organization.organId, createdAt,
        ]
    }
}

/// The numbering rule of a register kind (`seriesRule`, one row per kind).
struct SeriesRuleRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "seriesRule"

    enum Columns {
        static let kind = Column("kind")
        static let perType = Column("perType")
    }

    var rule: SeriesRule

    init(_ rule: SeriesRule) { self.rule = rule }

    /// Throws for a row naming an unknown kind or period (the look-up skips such a row).
    init(row: Row) throws {
        guard let kind = RegisterKind(rawValue: row["kind"]), let period = SeriesRule.Period(rawValue: row["period"]) else {
            throw RegistryError.storage("unreadable numbering rule")
        }
        rule = SeriesRule(kind: kind, period: period, perType: row["perType"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["kind"] = rule.kind.rawValue
        container["period"] = rule.period.rawValue
        container["perType"] = rule.perType
    }
}

/// Where a series kept on paper before vanthu goes on (`seriesStart`): the first number vanthu
/// gives in it.
struct SeriesStartRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "seriesStart"

    enum Columns {
        static let registerId = Column("registerId")
        static let seriesKey = Column("seriesKey")
        static let firstNumber = Column("firstNumber")
    }

    var registerId: Int64
    var seriesKey: String
    var firstNumber: Int

    init(registerId: Int64, seriesKey: String, firstNumber: Int) {
        (self.registerId, self.seriesKey, self.firstNumber) = (registerId, seriesKey, firstNumber)
    }

    init(row: Row) {
        registerId = row["registerId"]
        seriesKey = row["seriesKey"]
        firstNumber = row["firstNumber"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["registerId"] = registerId
        container["seriesKey"] = seriesKey
        container["firstNumber"] = firstNumber
    }

    /// The first number of a series continued from paper; nil for a series vanthu began.
    static func firstNumber(register registerId: Int64, seriesKey: String, _ db: Database) throws -> Int? {
        try filter(key: ["registerId": registerId, "seriesKey": seriesKey]).fetchOne(db)?.firstNumber
    }
}
