import GRDB

extension RegistryMigrator {
    /// v9: the accounts of the office's web front (`vanthu serve`, `vanthu user`): who may log in,
    /// in which role and unit. The password is kept only as its bcrypt hash. The table is sealed
    /// whole, like the other small tables. And two indexes the document page needs: a document
    /// by its number (`den/2021/783`), which read the whole year's register without it (0.2 s
    /// on a 100,000-document file), and an outgoing document by its ký hiệu (a citation's link);
    /// and the open documents in date order with every column the inbox and the overdue checks
    /// test, so that a page of a 100,000-document backlog reads an index only (20 ms, not 180).
    static let accountsSQL = """
        CREATE TABLE account (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
            fullName TEXT,
            role TEXT NOT NULL CHECK (role IN ('van-thu', 'lanh-dao', 'chuyen-vien', 'quan-tri')),
            unit TEXT,
            passwordHash TEXT NOT NULL CHECK (passwordHash GLOB '$2[aby]$*'),
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            createdAt TEXT NOT NULL,
            createdBy TEXT NOT NULL
        );
        CREATE INDEX document_on_kind_number ON document(kind, number, numberSuffix);
        CREATE INDEX document_open_by_date ON document(kind, registerDate, status, dueDate, urgency, voidedAt)
            WHERE status IN ('registered', 'routed', 'inProgress') AND voidedAt IS NULL;
        CREATE INDEX document_outgoing_on_codeNotation ON document(codeNotation) WHERE kind IN ('outgoing', 'secretOutgoing', 'copy');
        """

    static func addAccounts(_ db: Database, user: String) throws {
        try db.execute(sql: accountsSQL)
        // Seals the new (empty) table so verify finds it sealed right after the upgrade.
        try sealEverything(db, user: user, action: "v9-accounts", only: [])
    }
}
