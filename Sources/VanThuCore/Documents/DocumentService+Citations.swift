import GRDB

extension DocumentService {
    /// The documents a registered document cites, in order, each with the registered document
    /// it names when the registry holds one (not voided).
    public func citations(of document: Document) throws -> [CitationLink] {
        try read { db in
            try CitationRecord.all().of(document.id).fetchAll(db).compactMap(\.citation).map { citation in
                CitationLink(citation: citation, registered: try registeredReference(for: citation.notation, db))
            }
        }
    }

    /// The reference of the live document with this số and ký hiệu: an incoming one by its
    /// folded duplicate key, an outgoing one by the notation vanthu gave it.
    private func registeredReference(for notation: DocumentNotation, _ db: Database) throws -> String? {
        let prefix = notation.comparisonKey + "|"
        // duplicateKey is "<notation key>|<folded issuer>": a range on its index.
        let incoming = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM document WHERE duplicateKey >= ? AND duplicateKey < ? AND voidedAt IS NULL ORDER BY id LIMIT 1"),
            arguments: [prefix, notation.comparisonKey + "}"])
        let id =
            try incoming
            ?? Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT d.id FROM document d
                        WHERE \(Self.outgoingCondition) AND d.codeNotation = ?
                          AND CAST(d.codeNumber AS INTEGER) = CAST(? AS INTEGER) AND d.voidedAt IS NULL
                        ORDER BY d.id LIMIT 1
                        """),
                arguments: [notation.notation, notation.number])
        guard let id else { return nil }
        return try Document.fetch(db, id: id)?.reference
    }
}
