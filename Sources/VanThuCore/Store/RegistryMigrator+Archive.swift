extension RegistryMigrator {
    /// The Danh mục hồ sơ, the hồ sơ and their documents, transfers to the archive, and the
    /// stored originals of documents (ND30 Điều 28–31, Phụ lục V and VI mục III).
    ///
    /// A hồ sơ handed to the archive is read-only, and so are its documents: triggers refuse any
    /// change that the commands would have refused, so even a script cannot slip one past.
    static let archiveSQL = """
        CREATE TABLE catalogHeading (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
            position INTEGER NOT NULL,
            level INTEGER NOT NULL CHECK (level IN (1, 2)),
            label TEXT NOT NULL,
            title TEXT NOT NULL CHECK (title <> ''),
            UNIQUE (year, position)
        );

        CREATE TABLE archiveTransfer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day TEXT NOT NULL,
            deliveredBy TEXT,
            receivedBy TEXT,
            at TEXT NOT NULL,
            user TEXT NOT NULL
        );
        CREATE TRIGGER archiveTransfer_is_never_changed BEFORE UPDATE ON archiveTransfer
        BEGIN SELECT RAISE(ABORT, 'archive transfers are never changed'); END;
        CREATE TRIGGER archiveTransfer_is_never_deleted BEFORE DELETE ON archiveTransfer
        BEGIN SELECT RAISE(ABORT, 'archive transfers are never deleted'); END;

        CREATE TABLE dossier (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
            fileNotation TEXT NOT NULL CHECK (fileNotation <> '' AND length(fileNotation) <= 20),
            title TEXT NOT NULL CHECK (title <> ''),
            retention TEXT CHECK (retention IS NULL OR retention = 'permanent'
                OR retention GLOB '[1-9]' OR retention GLOB '[1-9][0-9]' OR retention GLOB '[1-9][0-9][0-9]'),
            creator TEXT,
            rights TEXT,
            language TEXT NOT NULL DEFAULT 'Tiếng Việt',
            description TEXT,
            headingId INTEGER REFERENCES catalogHeading(id),
            position INTEGER,
            status TEXT NOT NULL CHECK (status IN ('planned', 'open', 'closed', 'archived')),
            startDate TEXT,
            endDate TEXT,
            pageTotal INTEGER CHECK (pageTotal > 0),
            construction INTEGER NOT NULL DEFAULT 0 CHECK (construction IN (0, 1)),
            transferDue TEXT,
            transferId INTEGER REFERENCES archiveTransfer(id),
            hold INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0, 1)),
            holdReason TEXT,
            UNIQUE (year, fileNotation),
            CHECK ((status = 'archived') = (transferId IS NOT NULL)),
            CHECK ((hold = 1) = (holdReason IS NOT NULL))
        );
        CREATE INDEX dossier_on_status ON dossier(status, transferDue);
        CREATE TRIGGER dossier_is_never_deleted BEFORE DELETE ON dossier
        BEGIN SELECT RAISE(ABORT, 'hồ sơ are never deleted'); END;
        CREATE TRIGGER dossier_archived_is_read_only
        BEFORE UPDATE OF year, fileNotation, title, retention, creator, rights, language, description,
            headingId, position, status, startDate, endDate, pageTotal, construction, transferDue, transferId ON dossier
        WHEN OLD.status = 'archived'
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;

        CREATE TABLE dossierDocument (
            dossierId INTEGER NOT NULL REFERENCES dossier(id),
            documentId INTEGER NOT NULL REFERENCES document(id),
            filedAt TEXT NOT NULL,
            filedBy TEXT NOT NULL,
            PRIMARY KEY (dossierId, documentId)
        ) WITHOUT ROWID;
        CREATE INDEX dossierDocument_on_documentId ON dossierDocument(documentId);
        CREATE TRIGGER dossierDocument_is_never_changed BEFORE UPDATE ON dossierDocument
        BEGIN SELECT RAISE(ABORT, 'filing records are never changed'); END;
        CREATE TRIGGER dossierDocument_only_into_open BEFORE INSERT ON dossierDocument
        WHEN (SELECT status FROM dossier WHERE id = NEW.dossierId) IN ('closed', 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
        CREATE TRIGGER dossierDocument_only_out_of_open BEFORE DELETE ON dossierDocument
        WHEN (SELECT status FROM dossier WHERE id = OLD.dossierId) IN ('closed', 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;

        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            name TEXT NOT NULL CHECK (name <> ''),
            size INTEGER NOT NULL CHECK (size >= 0),
            mediaType TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            addedAt TEXT NOT NULL,
            addedBy TEXT NOT NULL,
            UNIQUE (documentId, sha256)
        );
        CREATE INDEX attachment_on_sha256 ON attachment(sha256);
        CREATE TRIGGER attachment_is_never_changed BEFORE UPDATE ON attachment
        BEGIN SELECT RAISE(ABORT, 'attachments are never changed'); END;
        CREATE TRIGGER attachment_is_never_deleted BEFORE DELETE ON attachment
        BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;

        CREATE TRIGGER document_archived_is_read_only BEFORE UPDATE ON document
        WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
                     WHERE f.documentId = OLD.id AND d.status = 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
        CREATE TRIGGER handlingStep_archived_is_read_only BEFORE INSERT ON handlingStep
        WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
                     WHERE f.documentId = NEW.documentId AND d.status = 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
        CREATE TRIGGER dispatch_archived_is_read_only BEFORE INSERT ON dispatch
        WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
                     WHERE f.documentId = NEW.documentId AND d.status = 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
        CREATE TRIGGER attachment_archived_is_read_only BEFORE INSERT ON attachment
        WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
                     WHERE f.documentId = NEW.documentId AND d.status = 'archived')
        BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;

        -- Documents given a hồ sơ number at registration before hồ sơ existed: open that hồ sơ.
        INSERT INTO dossier (year, fileNotation, title, status, startDate)
        SELECT CAST(substr(registerDate, 1, 4) AS INTEGER), fileNotation, fileNotation, 'open', MIN(registerDate)
        FROM document WHERE fileNotation IS NOT NULL AND length(fileNotation) <= 20
        GROUP BY CAST(substr(registerDate, 1, 4) AS INTEGER), fileNotation;
        INSERT INTO dossierDocument (dossierId, documentId, filedAt, filedBy)
        SELECT f.id, d.id, d.registeredAt, d.registeredBy
        FROM document d JOIN dossier f
            ON f.year = CAST(substr(d.registerDate, 1, 4) AS INTEGER) AND f.fileNotation = d.fileNotation;
        """
}
