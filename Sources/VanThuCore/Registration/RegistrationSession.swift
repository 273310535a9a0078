import GRDB

/// What one registration transaction looks up once and reuses: the agency, the type table, the
/// registers found, and the next number of each series. Lives no longer than its transaction.
struct RegistrationSession {
    let registration: RegistrationService
    let db: Database
    let organization: Organization
    private var types: [DocumentType]?
    private var registers: [Register] = []
    private var nextNumbers: [String: Int] = [:]

    init(_ registration: RegistrationService, _ db: Database) throws {
        self.registration = registration
        self.db = db
        organization = try registration.organization(db)
    }

    /// Every document type, both styles, read once per transaction.
    mutating func allTypes() throws -> [DocumentType] {
        if let types { return types }
        let all = try DocumentTypeRecord.fetchAll(db).map(\.type)
        types = all
        return all
    }

    mutating func documentType(_ text: String, preferred: DocumentStyle, onlyPreferred: Bool = false) throws -> DocumentType {
        try DocumentType.find(text, in: try allTypes(), preferred: preferred, onlyPreferred: onlyPreferred)
    }

    /// The type of an incoming document: as given, else the code its ký hiệu carries, else a
    /// state công văn (whose ký hiệu carries no type code).
    mutating func incomingType(code: String?, notation: DocumentNotation?) throws -> DocumentType {
        let preferred = notation?.style ?? organization.style
        if let code { return try documentType(code, preferred: preferred) }
        guard let notation else { throw RegistryError.emptyField(.typeCode) }
        if let candidate = notation.typeCodeCandidate, let type = try? documentType(candidate, preferred: preferred, onlyPreferred: true) {
            return type
        }
        guard notation.style == .state else { throw RegistryError.emptyField(.typeCode) }
        return try documentType(DocumentType.congVanCode, preferred: .state, onlyPreferred: true)
    }

    mutating func register(kind: RegisterKind, covering date: LocalDate) throws -> Register {
        if let known = registers.first(where: { $0.kind == kind && $0.start <= date && date <= $0.end }) { return known }
        let register = try registration.register(kind: kind, covering: date, db)
        registers.append(register)
        return register
    }

    mutating func allocate(register: Register, seriesKey: String, subNumberOf base: Int?) throws -> (Int, String) {
        if base != nil { return try registration.allocateNumber(register: register, seriesKey: seriesKey, subNumberOf: base, db) }
        let key = "\(register.id)|\(seriesKey)"
        let number = try nextNumbers[key] ?? registration.allocateNumber(register: register, seriesKey: seriesKey, subNumberOf: nil, db).0
        nextNumbers[key] = number + 1
        return (number, "")
    }
}
