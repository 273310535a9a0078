import GRDB

extension RegistryMigrator {
    /// v10: đóng sổ (ND30 Điều 16.2.b, 22.3.b). A closed book's figures as printed on its last
    /// page (pages, numbers, voided and missing numbers, who closed it and where) and the SHA-256
    /// of the PDF that was signed; and the corrections written after closing (đính chính), which
    /// print beside the entry they correct. Both tables are sealed whole, like the registers.
    /// A volume (quyển số 2…) is a register of its own with the same period's end; its series
    /// go on from the previous volume's through `seriesStart`, so nothing else changes.
    static let closingSQL = """
        CREATE TABLE registerClosing (
            registerId INTEGER PRIMARY KEY REFERENCES register(id),
            closedAt TEXT NOT NULL,
            closedBy TEXT NOT NULL,
            closerName TEXT NOT NULL,
            place TEXT NOT NULL,
            pages INTEGER NOT NULL CHECK (pages >= 1),
            entries INTEGER NOT NULL CHECK (entries >= 1),
            ranges TEXT NOT NULL CHECK (json_valid(ranges)),
            voided INTEGER NOT NULL CHECK (voided >= 0),
            missing INTEGER NOT NULL CHECK (missing >= 0),
            pdfSHA256 TEXT NOT NULL CHECK (length(pdfSHA256) = 64)
        );
        CREATE TABLE registerAnnotation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            note TEXT NOT NULL CHECK (note <> ''),
            createdAt TEXT NOT NULL,
            createdBy TEXT NOT NULL
        );
        CREATE INDEX registerAnnotation_on_document ON registerAnnotation(documentId);
        """

    static func addClosing(_ db: Database, user: String) throws {
        try db.execute(sql: closingSQL)
        try sealEverything(db, user: user, action: "v10-closing", only: [])
    }
}
