import GRDB

/// Builds the one `DatabaseMigrator` of a vanthu database.
///
/// Migrations are history: one that has shipped is never edited; a change is a new migration.
/// Table and column names are written out, never taken from Swift types.
enum RegistryMigrator {
    /// `PRAGMA application_id` of every vanthu database: "VTHU".
    static let applicationID: Int32 = 0x5654_4855

    /// `user` is journaled as the one who started the journal's hash chain on an older file.
    static func make(user: String = "vanthu") -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-create-registry") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: createRegistrySQL)
            try db.execute(sql: builtinTypesV1SQL)
        }
        migrator.registerMigration("v2-citations-and-text") { db in
            try db.execute(sql: citationsSQL)
        }
        migrator.registerMigration("v3-handling-dispatch-calendar") { db in
            try db.execute(sql: handlingSQL)
        }
        migrator.registerMigration("v4-dossiers-attachments") { db in
            try db.execute(sql: archiveSQL)
        }
        migrator.registerMigration("v5-search") { db in
            try db.execute(sql: searchSQL)
        }
        migrator.registerMigration("v6-journal-chain") { db in
            try startJournalChain(db, user: user)
        }
        migrator.registerMigration("v7-seal-every-table") { db in
            try extendSeals(db, user: user)
        }
        migrator.registerMigration("v8-electronic-documents") { db in
            try addElectronicDocuments(db, user: user)
        }
        migrator.registerMigration("v9-accounts") { db in
            try addAccounts(db, user: user)
        }
        migrator.registerMigration("v10-closing") { db in
            try addClosing(db, user: user)
        }
        migrator.registerMigration(RecordSeals.Layout.migration) { db in
            try sealExchangesWithDocuments(db, user: user)
        }
        migrator.registerMigration("v12-search-index-at-end") { db in
            try db.execute(sql: searchIndexAtEndSQL)
        }
        migrator.registerMigration("v13-compare-with-each-constant") { db in
            try compareWithEachConstant(db)
        }
        return migrator
    }

    /// The document types of ND30 Phụ lục III and HD 36 as v1 shipped them, written out (a
    /// migration carries the data of its day; `DocumentType.builtins` may change later, and a
    /// test says when a new migration is due).
    private static let builtinTypesV1SQL = """
        INSERT INTO documentType (style, code, name, inNotation, isCopy, builtin) VALUES
            ('state', 'BB', 'Biên bản', 1, 0, 1),
            ('state', 'BC', 'Báo cáo', 1, 0, 1),
            ('state', 'BGN', 'Bản ghi nhớ', 1, 0, 1),
            ('state', 'BTT', 'Bản thỏa thuận', 1, 0, 1),
            ('state', 'CT', 'Chỉ thị', 1, 0, 1),
            ('state', 'CTr', 'Chương trình', 1, 0, 1),
            ('state', 'CV', 'Công văn', 0, 0, 1),
            ('state', 'CĐ', 'Công điện', 1, 0, 1),
            ('state', 'DA', 'Dự án', 1, 0, 1),
            ('state', 'GGT', 'Giấy giới thiệu', 1, 0, 1),
            ('state', 'GM', 'Giấy mời', 1, 0, 1),
            ('state', 'GNP', 'Giấy nghỉ phép', 1, 0, 1),
            ('state', 'GUQ', 'Giấy ủy quyền', 1, 0, 1),
            ('state', 'HD', 'Hướng dẫn', 1, 0, 1),
            ('state', 'HĐ', 'Hợp đồng', 1, 0, 1),
            ('state', 'KH', 'Kế hoạch', 1, 0, 1),
            ('state', 'L', 'Luật', 0, 0, 1),
            ('state', 'NQ', 'Nghị quyết', 1, 0, 1),
            ('state', 'NĐ', 'Nghị định', 1, 0, 1),
            ('state', 'PA', 'Phương án', 1, 0, 1),
            ('state', 'PB', 'Phiếu báo', 1, 0, 1),
            ('state', 'PC', 'Phiếu chuyển', 1, 0, 1),
            ('state', 'PG', 'Phiếu gửi', 1, 0, 1),
            ('state', 'PL', 'Pháp lệnh', 1, 0, 1),
            ('state', 'QC', 'Quy chế', 1, 0, 1),
            ('state', 'QyĐ', 'Quy định', 1, 0, 1),
            ('state', 'QĐ', 'Quyết định', 1, 0, 1),
            ('state', 'SL', 'Bản sao lục', 1, 1, 1),
            ('state', 'SY', 'Bản sao y', 1, 1, 1),
            ('state', 'TB', 'Thông báo', 1, 0, 1),
            ('state', 'TC', 'Thông cáo', 1, 0, 1),
            ('state', 'THC', 'Thư công', 0, 0, 1),
            ('state', 'TT', 'Thông tư', 1, 0, 1),
            ('state', 'TTLT', 'Thông tư liên tịch', 1, 0, 1),
            ('state', 'TTr', 'Tờ trình', 1, 0, 1),
            ('state', 'TrS', 'Bản trích sao', 1, 1, 1),
            ('state', 'ĐA', 'Đề án', 1, 0, 1),
            ('party', 'BB', 'Biên bản', 1, 0, 1),
            ('party', 'BC', 'Báo cáo', 1, 0, 1),
            ('party', 'BS', 'Bản sao', 1, 1, 1),
            ('party', 'CT', 'Chỉ thị', 1, 0, 1),
            ('party', 'CTr', 'Chương trình', 1, 0, 1),
            ('party', 'CV', 'Công văn', 1, 0, 1),
            ('party', 'HD', 'Hướng dẫn', 1, 0, 1),
            ('party', 'KH', 'Kế hoạch', 1, 0, 1),
            ('party', 'KL', 'Kết luận', 1, 0, 1),
            ('party', 'NQ', 'Nghị quyết', 1, 0, 1),
            ('party', 'PA', 'Phương án', 1, 0, 1),
            ('party', 'QC', 'Quy chế', 1, 0, 1),
            ('party', 'QĐ', 'Quyết định', 1, 0, 1),
            ('party', 'QĐi', 'Quy định', 1, 0, 1),
            ('party', 'TB', 'Thông báo', 1, 0, 1),
            ('party', 'TT', 'Thông tri', 1, 0, 1),
            ('party', 'TTr', 'Tờ trình', 1, 0, 1),
            ('party', 'ĐA', 'Đề án', 1, 0, 1);
        """

    /// The documents an incoming document cites (read by intake), and the text it was read from.
    private static let citationsSQL = """
        CREATE TABLE citation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            position INTEGER NOT NULL,
            typeName TEXT,
            codeNumber TEXT NOT NULL,
            codeNotation TEXT NOT NULL,
            notationStyle TEXT NOT NULL CHECK (notationStyle IN ('state', 'party')),
            issuedDate TEXT,
            UNIQUE (documentId, position)
        );
        CREATE TRIGGER citation_is_never_deleted BEFORE DELETE ON citation
        BEGIN SELECT RAISE(ABORT, 'citations are never deleted'); END;

        CREATE TABLE documentText (
            documentId INTEGER PRIMARY KEY REFERENCES document(id),
            text TEXT NOT NULL
        );
        CREATE TRIGGER documentText_is_never_deleted BEFORE DELETE ON documentText
        BEGIN SELECT RAISE(ABORT, 'a document text is never deleted'); END;
        """

    /// Routing and follow-up of incoming documents, dispatch of outgoing ones to each
    /// recipient, and the days the clerk adds to the holiday calendar.
    private static let handlingSQL = """
        ALTER TABLE document ADD COLUMN status TEXT
            CHECK (status IN ('registered', 'routed', 'inProgress', 'done', 'returned'));
        ALTER TABLE document ADD COLUMN coHandlers TEXT;
        ALTER TABLE document ADD COLUMN progress TEXT;
        ALTER TABLE document ADD COLUMN doneDate TEXT;
        ALTER TABLE document ADD COLUMN replyId INTEGER REFERENCES document(id);
        ALTER TABLE document ADD COLUMN reply TEXT;
        UPDATE document SET status = CASE WHEN handler IS NULL THEN 'registered' ELSE 'routed' END
        WHERE kind IN ('incoming', 'secretIncoming');
        CREATE INDEX document_open ON document(status, dueDate)
        WHERE status IN ('registered', 'routed', 'inProgress') AND voidedAt IS NULL;

        CREATE TABLE handlingStep (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            action TEXT NOT NULL
                CHECK (action IN ('route', 'receipt', 'progress', 'done', 'return', 'reopen')),
            day TEXT NOT NULL,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            person TEXT,
            unit TEXT,
            coUnits TEXT,
            dueDate TEXT,
            text TEXT,
            replyId INTEGER REFERENCES document(id),
            reply TEXT
        );
        CREATE INDEX handlingStep_on_documentId ON handlingStep(documentId);
        CREATE TRIGGER handlingStep_is_never_deleted BEFORE DELETE ON handlingStep
        BEGIN SELECT RAISE(ABORT, 'handling steps are never deleted'); END;
        CREATE TRIGGER handlingStep_is_never_changed BEFORE UPDATE ON handlingStep
        BEGIN SELECT RAISE(ABORT, 'handling steps are never changed'); END;

        CREATE TABLE dispatch (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            recipientId INTEGER REFERENCES recipient(id),
            recipientName TEXT NOT NULL CHECK (recipientName <> ''),
            via TEXT NOT NULL CHECK (via IN ('post', 'email', 'axis', 'hand')),
            day TEXT NOT NULL,
            envelopes INTEGER NOT NULL DEFAULT 1 CHECK (envelopes >= 1),
            extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
            note TEXT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            CHECK ((recipientId IS NULL) = (extra = 1))
        );
        CREATE INDEX dispatch_on_documentId ON dispatch(documentId);
        CREATE INDEX dispatch_on_day ON dispatch(day);
        CREATE TRIGGER dispatch_is_never_deleted BEFORE DELETE ON dispatch
        BEGIN SELECT RAISE(ABORT, 'dispatch records are never deleted'); END;
        CREATE TRIGGER dispatch_is_never_changed BEFORE UPDATE ON dispatch
        BEGIN SELECT RAISE(ABORT, 'dispatch records are never changed'); END;

        CREATE TABLE calendarDay (
            date TEXT PRIMARY KEY,
            dayOff INTEGER NOT NULL CHECK (dayOff IN (0, 1)),
            name TEXT NOT NULL CHECK (name <> ''),
            addedAt TEXT NOT NULL,
            addedBy TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    private static let createRegistrySQL = """
        CREATE TABLE organization (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (name <> ''),
            code TEXT NOT NULL CHECK (code <> ''),
            parentName TEXT,
            place TEXT,
            style TEXT NOT NULL CHECK (style IN ('state', 'party')),
            organId TEXT,
            createdAt TEXT NOT NULL
        );

        CREATE TABLE documentType (
            style TEXT NOT NULL CHECK (style IN ('state', 'party')),
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL CHECK (name <> ''),
            inNotation INTEGER NOT NULL DEFAULT 1 CHECK (inNotation IN (0, 1)),
            isCopy INTEGER NOT NULL DEFAULT 0 CHECK (isCopy IN (0, 1)),
            builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
            PRIMARY KEY (style, code)
        ) WITHOUT ROWID;

        CREATE TABLE seriesRule (
            kind TEXT PRIMARY KEY
                CHECK (kind IN ('incoming', 'outgoing', 'secretIncoming', 'secretOutgoing', 'copy')),
            period TEXT NOT NULL CHECK (period IN ('year', 'term')),
            perType INTEGER NOT NULL CHECK (perType IN (0, 1))
        ) WITHOUT ROWID;

        CREATE TABLE register (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL
                CHECK (kind IN ('incoming', 'outgoing', 'secretIncoming', 'secretOutgoing', 'copy')),
            startDate TEXT NOT NULL,
            endDate TEXT NOT NULL,
            volume INTEGER NOT NULL DEFAULT 1 CHECK (volume >= 1),
            perType INTEGER NOT NULL CHECK (perType IN (0, 1)),
            closedAt TEXT,
            CHECK (startDate <= endDate),
            UNIQUE (kind, startDate)
        );

        CREATE TABLE seriesStart (
            registerId INTEGER NOT NULL REFERENCES register(id),
            seriesKey TEXT NOT NULL DEFAULT '',
            firstNumber INTEGER NOT NULL CHECK (firstNumber >= 1),
            PRIMARY KEY (registerId, seriesKey)
        ) WITHOUT ROWID;

        CREATE TABLE document (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL
                CHECK (kind IN ('incoming', 'outgoing', 'secretIncoming', 'secretOutgoing', 'copy')),
            registerId INTEGER NOT NULL REFERENCES register(id),
            seriesKey TEXT NOT NULL DEFAULT '',
            number INTEGER NOT NULL CHECK (number > 0),
            numberSuffix TEXT NOT NULL DEFAULT '',
            registerDate TEXT NOT NULL,
            organName TEXT NOT NULL CHECK (organName <> ''),
            codeNumber TEXT,
            codeNotation TEXT,
            notationStyle TEXT CHECK (notationStyle IN ('state', 'party')),
            issuedDate TEXT,
            typeCode TEXT NOT NULL,
            typeName TEXT NOT NULL,
            subject TEXT NOT NULL CHECK (subject <> ''),
            handler TEXT,
            transferDate TEXT,
            dueDate TEXT,
            fileNotation TEXT,
            pageAmount INTEGER CHECK (pageAmount > 0),
            note TEXT,
            urgency TEXT CHECK (urgency IN ('khan', 'thuongKhan', 'hoaToc')),
            secrecy TEXT CHECK (secrecy IN ('mat', 'toiMat', 'tuyetMat')),
            signerCapacity TEXT,
            signerPosition TEXT,
            signerFullName TEXT,
            archiveCopy TEXT,
            issuedAmount INTEGER,
            duplicateKey TEXT,
            registeredAt TEXT NOT NULL,
            registeredBy TEXT NOT NULL,
            voidedAt TEXT,
            voidedBy TEXT,
            voidReason TEXT,
            CHECK ((voidedAt IS NULL) = (voidReason IS NULL)),
            CHECK ((codeNumber IS NULL) = (codeNotation IS NULL)),
            UNIQUE (registerId, seriesKey, number, numberSuffix)
        );
        CREATE INDEX document_on_kind_registerDate ON document(kind, registerDate);
        CREATE INDEX document_on_duplicateKey ON document(duplicateKey) WHERE duplicateKey IS NOT NULL;

        CREATE TABLE recipient (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            documentId INTEGER NOT NULL REFERENCES document(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            UNIQUE (documentId, position)
        );

        CREATE TABLE journal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entityId INTEGER,
            reference TEXT,
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after))
        );
        CREATE INDEX journal_on_entity ON journal(entity, entityId);

        CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

        CREATE TRIGGER document_numbers_are_never_deleted BEFORE DELETE ON document
        BEGIN SELECT RAISE(ABORT, 'registered numbers are never deleted; void them'); END;
        CREATE TRIGGER document_numbers_are_fixed
        BEFORE UPDATE OF kind, registerId, seriesKey, number, numberSuffix, registerDate ON document
        BEGIN SELECT RAISE(ABORT, 'a registered number never changes'); END;
        CREATE TRIGGER document_void_is_final BEFORE UPDATE OF voidedAt, voidReason, voidedBy ON document
        WHEN OLD.voidedAt IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a voided number stays voided'); END;

        CREATE TRIGGER recipient_is_never_deleted BEFORE DELETE ON recipient
        BEGIN SELECT RAISE(ABORT, 'recipients are never deleted'); END;
        """
}
