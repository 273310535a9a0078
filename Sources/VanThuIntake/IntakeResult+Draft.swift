public import VanThuCore

extension IntakeResult {
    /// The registration the clerk typed, with every field left empty filled from the text.
    /// A ĐẾN stamp of the clerk's own agency gives the arrival date, handler and hồ sơ when the
    /// clerk did not.
    ///
    /// - Throws: ``IntakeError/fieldNotFound(field:option:path:)`` when neither the text nor a flag
    ///   gives the issuing body or the trích yếu.
    public func filling(_ typed: IncomingDraft, source: String, text: String, receivingOrganization: String?) throws -> IncomingDraft {
        var draft = typed
        if VietnameseText.nonEmpty(draft.issuer) == nil {
            guard let organName else { throw IntakeError.fieldNotFound(field: .issuer, option: "--issuer", path: source) }
            draft.issuer = organName
        }
        if VietnameseText.nonEmpty(draft.summary) == nil {
            guard let subject else { throw IntakeError.fieldNotFound(field: .summary, option: "--summary", path: source) }
            // The register's "tên loại và trích yếu" starts with a capital: "Kết quả…", not "kết quả…".
            draft.summary = subject.prefix(1).uppercased() + subject.dropFirst()
        }
        draft.notation = draft.notation ?? normalizedNotation ?? notation
        draft.issuedDate = draft.issuedDate ?? issuedDate
        draft.typeCode = draft.typeCode ?? typeCode
        draft.urgency = draft.urgency ?? urgency
        draft.secrecy = draft.secrecy ?? secrecy
        if draft.signer == nil || draft.signer == Signer() { draft.signer = signer }
        if let stamp = incomingStamp, let receiving = receivingOrganization, let stampOrgan = stamp.organName,
            VietnameseText.fold(stampOrgan) == VietnameseText.fold(receiving)
        {
            draft.received = draft.received ?? stamp.date
            draft.handler = draft.handler ?? stamp.handler
            draft.fileNotation = draft.fileNotation ?? stamp.fileNotation
        }
        draft.citations = references
        draft.text = text
        return draft
    }
}
