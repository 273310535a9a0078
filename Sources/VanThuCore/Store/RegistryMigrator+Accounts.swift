import GRDB

extension RegistryMigrator {
    /// v9: the accounts of the office's web front (`vanthu serve`, `vanthu user`): who may log in,
    /// in which role and unit. The password is kept only as its bcrypt hash. The table is sealed
    /// whole, like the other small tables.
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
        """

    static func addAccounts(_ db: Database, user: String) throws {
        try db.execute(sql: accountsSQL)
        // Seals the new (empty) table so verify finds it sealed right after the upgrade.
        try sealEverything(db, user: user, action: "v9-accounts", only: [])
    }
}
