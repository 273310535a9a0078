/// An incoming draft whose fields have been parsed and checked, before it touches the database.
struct CheckedIncoming {
    let issuer: String
    let subject: String
    let arrival: LocalDate
    let issued: LocalDate?
    let notation: DocumentNotation?
    let due: LocalDate?
    let urgency: Urgency?
    let secrecy: Secrecy?
    let handler: String?
    let typeCode: String?
    let pages: Int?
    let note: String?
    let fileNotation: String?
    let signer: Signer?
    let subNumberOf: Int?
    let force: Bool
    let citations: [Citation]
    let text: String?
    let originals: [OriginalFile]
    /// Số, ký hiệu and issuer folded, for the duplicate guard (ND30 Phụ lục VI III.1.h).
    let duplicateKey: String?

    init(_ draft: IncomingDraft, today: LocalDate) throws {
        guard let issuer = try InputLimits.text(draft.issuer, .issuer) else { throw RegistryError.emptyField(.issuer) }
        guard let subject = try InputLimits.text(draft.summary, .summary) else { throw RegistryError.emptyField(.summary) }
        let arrival = draft.received ?? today
        let issued = draft.issuedDate
        let due = draft.dueDate
        try DocumentRules.checkIncoming(arrival: arrival, issued: issued, due: due, today: today)
        let notation = draft.notation
        _ = try InputLimits.text(notation?.full, .notation)
        pages = try InputLimits.count(draft.pages)
        originals = draft.originals
        self.issuer = issuer
        self.subject = subject
        self.arrival = arrival
        self.issued = issued
        self.notation = notation
        self.due = due
        urgency = draft.urgency
        secrecy = draft.secrecy
        handler = try InputLimits.text(draft.handler, .handler)
        typeCode = VietnameseText.nonEmpty(draft.typeCode)
        note = try InputLimits.text(draft.note, .note)
        fileNotation = try InputLimits.text(draft.fileNotation, .fileNotation)
        let signer = Signer(
            capacity: try InputLimits.text(draft.signer?.capacity, .position), position: try InputLimits.text(draft.signer?.position, .position),
            fullName: try InputLimits.text(draft.signer?.fullName, .signer))
        self.signer = signer == Signer() ? nil : signer
        subNumberOf = draft.subNumberOf
        force = draft.force
        citations = draft.citations
        text = draft.text.map(VietnameseText.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        duplicateKey = notation.map { Self.duplicateKey($0, issuer: issuer) }
    }

    /// How a document already in the register is recognised: `<notation key>|<folded issuer>`.
    static func duplicateKey(_ notation: DocumentNotation, issuer: String) -> String {
        "\(notation.comparisonKey)|\(VietnameseText.fold(issuer))"
    }
}
