-- The vanthu schema as the migrations build it. Checked by SchemaTests;
-- regenerate with RECORD_SNAPSHOTS=1 swift test --filter SchemaTests.
sqlite_master
CREATE TABLE account (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    fullName TEXT,
    role TEXT NOT NULL CHECK (role = 'van-thu' OR role = 'lanh-dao' OR role = 'chuyen-vien' OR role = 'quan-tri'),
    unit TEXT,
    passwordHash TEXT NOT NULL CHECK (passwordHash GLOB '$2[aby]$*'),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    createdAt TEXT NOT NULL,
    createdBy TEXT NOT NULL
);
CREATE TABLE agency (
    organId TEXT PRIMARY KEY CHECK (organId <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    addedAt TEXT NOT NULL,
    addedBy TEXT NOT NULL
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
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL REFERENCES document(id),
    name TEXT NOT NULL CHECK (name <> ''),
    size INTEGER NOT NULL CHECK (size >= 0),
    mediaType TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    addedAt TEXT NOT NULL,
    addedBy TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'attachment'
    CHECK (role = 'original' OR role = 'rendition' OR role = 'attachment'), signatures TEXT,
    UNIQUE (documentId, sha256)
);
CREATE INDEX attachment_on_sha256 ON attachment(sha256);
CREATE TRIGGER attachment_archived_is_read_only BEFORE INSERT ON attachment
WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
             WHERE f.documentId = NEW.documentId AND d.status = 'archived')
BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
CREATE TRIGGER attachment_is_never_changed BEFORE UPDATE ON attachment
BEGIN SELECT RAISE(ABORT, 'attachments are never changed'); END;
CREATE TRIGGER attachment_is_never_deleted BEFORE DELETE ON attachment
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
CREATE TABLE calendarDay (
    date TEXT PRIMARY KEY,
    dayOff INTEGER NOT NULL CHECK (dayOff IN (0, 1)),
    name TEXT NOT NULL CHECK (name <> ''),
    addedAt TEXT NOT NULL,
    addedBy TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE catalogHeading (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    position INTEGER NOT NULL,
    level INTEGER NOT NULL CHECK (level IN (1, 2)),
    label TEXT NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    UNIQUE (year, position)
);
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
CREATE TABLE dispatch (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL REFERENCES document(id),
    recipientId INTEGER REFERENCES recipient(id),
    recipientName TEXT NOT NULL CHECK (recipientName <> ''),
    via TEXT NOT NULL CHECK (via = 'post' OR via = 'email' OR via = 'axis' OR via = 'hand'),
    day TEXT NOT NULL,
    envelopes INTEGER NOT NULL DEFAULT 1 CHECK (envelopes >= 1),
    extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
    note TEXT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    CHECK ((recipientId IS NULL) = (extra = 1))
);
CREATE INDEX dispatch_on_day ON dispatch(day);
CREATE INDEX dispatch_on_documentId ON dispatch(documentId);
CREATE TRIGGER dispatch_archived_is_read_only BEFORE INSERT ON dispatch
WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
             WHERE f.documentId = NEW.documentId AND d.status = 'archived')
BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
CREATE TRIGGER dispatch_is_never_changed BEFORE UPDATE ON dispatch
BEGIN SELECT RAISE(ABORT, 'dispatch records are never changed'); END;
CREATE TRIGGER dispatch_is_never_deleted BEFORE DELETE ON dispatch
BEGIN SELECT RAISE(ABORT, 'dispatch records are never deleted'); END;
CREATE TABLE document (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL
        CHECK (kind = 'incoming' OR kind = 'outgoing' OR kind = 'secretIncoming' OR kind = 'secretOutgoing' OR kind = 'copy'),
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
    urgency TEXT CHECK (urgency = 'khan' OR urgency = 'thuongKhan' OR urgency = 'hoaToc'),
    secrecy TEXT CHECK (secrecy = 'mat' OR secrecy = 'toiMat' OR secrecy = 'tuyetMat'),
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
    voidReason TEXT, status TEXT
    CHECK (status = 'registered' OR status = 'routed' OR status = 'inProgress' OR status = 'done' OR status = 'returned'), coHandlers TEXT, progress TEXT, doneDate TEXT, replyId INTEGER REFERENCES document(id), reply TEXT,
    CHECK ((voidedAt IS NULL) = (voidReason IS NULL)),
    CHECK ((codeNumber IS NULL) = (codeNotation IS NULL)),
    UNIQUE (registerId, seriesKey, number, numberSuffix)
);
CREATE INDEX document_on_duplicateKey ON document(duplicateKey) WHERE duplicateKey IS NOT NULL;
CREATE INDEX document_on_kind_number ON document(kind, number, numberSuffix);
CREATE INDEX document_on_kind_registerDate ON document(kind, registerDate);
CREATE INDEX document_open ON document(status, dueDate)
    WHERE (status = 'registered' OR status = 'routed' OR status = 'inProgress') AND voidedAt IS NULL;
CREATE INDEX document_open_by_date ON document(kind, registerDate, status, dueDate, urgency, voidedAt)
    WHERE (status = 'registered' OR status = 'routed' OR status = 'inProgress') AND voidedAt IS NULL;
CREATE INDEX document_outgoing_on_codeNotation ON document(codeNotation)
    WHERE (kind = 'outgoing' OR kind = 'secretOutgoing' OR kind = 'copy');
CREATE TRIGGER document_archived_is_read_only BEFORE UPDATE ON document
WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
             WHERE f.documentId = OLD.id AND d.status = 'archived')
BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
CREATE TRIGGER document_numbers_are_fixed
BEFORE UPDATE OF kind, registerId, seriesKey, number, numberSuffix, registerDate ON document
BEGIN SELECT RAISE(ABORT, 'a registered number never changes'); END;
CREATE TRIGGER document_numbers_are_never_deleted BEFORE DELETE ON document
BEGIN SELECT RAISE(ABORT, 'registered numbers are never deleted; void them'); END;
CREATE TRIGGER document_void_is_final BEFORE UPDATE OF voidedAt, voidReason, voidedBy ON document
WHEN OLD.voidedAt IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a voided number stays voided'); END;
CREATE TRIGGER documentSearch_after_update AFTER UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
    signerFullName, handler, coHandlers, note, voidReason ON document WHEN NEW.id < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.id;
END;
CREATE TRIGGER documentSearch_before_update BEFORE UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
    signerFullName, handler, coHandlers, note, voidReason ON document WHEN OLD.id < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.id;
END;
CREATE TRIGGER documentSearch_insert AFTER INSERT ON document WHEN NEW.id < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.id;
END;
CREATE VIRTUAL TABLE documentSearch USING fts5(
    notation, subject, issuer, handler, people, note, body, tags,
    content = 'documentSearchSource', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIEW documentSearchSource AS
SELECT d.id AS id,
    replace(replace(d.number || d.numberSuffix
        || coalesce(' ' || d.codeNumber || '/' || d.codeNotation, ''), 'Đ', 'D'), 'đ', 'd') AS notation,
    replace(replace(d.typeName || ' ' || d.subject, 'Đ', 'D'), 'đ', 'd') AS subject,
    replace(replace(d.organName, 'Đ', 'D'), 'đ', 'd') AS issuer,
    replace(replace(coalesce(d.handler, ''), 'Đ', 'D'), 'đ', 'd') AS handler,
    replace(replace(coalesce(d.signerFullName, '') || ' ; ' || coalesce(d.coHandlers, '') || ' ; '
        || coalesce((SELECT group_concat(name, ' ; ') FROM recipient r WHERE r.documentId = d.id), ''),
        'Đ', 'D'), 'đ', 'd') AS people,
    replace(replace(coalesce(d.note, '') || ' ; ' || coalesce(d.voidReason, ''), 'Đ', 'D'), 'đ', 'd') AS note,
    replace(replace(coalesce((SELECT text FROM documentText t WHERE t.documentId = d.id), ''),
        'Đ', 'D'), 'đ', 'd') AS body,
    'vtk' || d.kind || ' vty' || substr(d.registerDate, 1, 4) || ' vtt' || replace(replace(d.typeCode, 'Đ', 'D'), 'đ', 'd') AS tags
FROM document d;
CREATE TABLE documentText (
    documentId INTEGER PRIMARY KEY REFERENCES document(id),
    text TEXT NOT NULL
);
CREATE TRIGGER documentSearch_after_text AFTER INSERT ON documentText WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_after_text_update AFTER UPDATE ON documentText WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_before_text BEFORE INSERT ON documentText WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_before_text_update BEFORE UPDATE ON documentText WHEN OLD.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.documentId;
END;
CREATE TRIGGER documentText_is_never_deleted BEFORE DELETE ON documentText
BEGIN SELECT RAISE(ABORT, 'a document text is never deleted'); END;
CREATE TABLE documentType (
    style TEXT NOT NULL CHECK (style IN ('state', 'party')),
    code TEXT NOT NULL CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    inNotation INTEGER NOT NULL DEFAULT 1 CHECK (inNotation IN (0, 1)),
    isCopy INTEGER NOT NULL DEFAULT 0 CHECK (isCopy IN (0, 1)),
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    PRIMARY KEY (style, code)
) WITHOUT ROWID;
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
    status TEXT NOT NULL CHECK (status = 'planned' OR status = 'open' OR status = 'closed' OR status = 'archived'),
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
CREATE TRIGGER dossier_archived_is_read_only
BEFORE UPDATE OF year, fileNotation, title, retention, creator, rights, language, description,
    headingId, position, status, startDate, endDate, pageTotal, construction, transferDue, transferId ON dossier
WHEN OLD.status = 'archived'
BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
CREATE TRIGGER dossier_is_never_deleted BEFORE DELETE ON dossier
BEGIN SELECT RAISE(ABORT, 'hồ sơ are never deleted'); END;
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
CREATE TABLE exchange (
    documentId INTEGER PRIMARY KEY REFERENCES document(id),
    nationalId TEXT NOT NULL UNIQUE CHECK (nationalId <> ''),
    senderOrganId TEXT,
    senderName TEXT,
    outbox TEXT,
    receivedAt TEXT NOT NULL,
    revokedAt TEXT,
    revokedReason TEXT,
    replacesDocumentId INTEGER REFERENCES document(id)
);
CREATE TABLE handlingStep (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL REFERENCES document(id),
    action TEXT NOT NULL
        CHECK (action = 'route' OR action = 'receipt' OR action = 'progress' OR action = 'done' OR action = 'return' OR action = 'reopen'),
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
CREATE TRIGGER handlingStep_archived_is_read_only BEFORE INSERT ON handlingStep
WHEN EXISTS (SELECT 1 FROM dossierDocument f JOIN dossier d ON d.id = f.dossierId
             WHERE f.documentId = NEW.documentId AND d.status = 'archived')
BEGIN SELECT RAISE(ABORT, 'vanthu: archived hồ sơ are read-only'); END;
CREATE TRIGGER handlingStep_is_never_changed BEFORE UPDATE ON handlingStep
BEGIN SELECT RAISE(ABORT, 'handling steps are never changed'); END;
CREATE TRIGGER handlingStep_is_never_deleted BEFORE DELETE ON handlingStep
BEGIN SELECT RAISE(ABORT, 'handling steps are never deleted'); END;
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
, hash TEXT);
CREATE INDEX journal_on_entity ON journal(entity, entityId);
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TABLE journalSeal (
    journalId INTEGER NOT NULL REFERENCES journal(id),
    documentId INTEGER NOT NULL,
    seal BLOB NOT NULL CHECK (length(seal) = 32),
    PRIMARY KEY (journalId, documentId)
) WITHOUT ROWID;
CREATE INDEX journalSeal_on_document ON journalSeal(documentId, journalId);
CREATE TRIGGER journalSeal_is_append_only_delete BEFORE DELETE ON journalSeal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journalSeal_is_append_only_update BEFORE UPDATE ON journalSeal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TABLE journalTableSeal (
    journalId INTEGER NOT NULL REFERENCES journal(id),
    tableName TEXT NOT NULL,
    seal BLOB NOT NULL CHECK (length(seal) = 32),
    PRIMARY KEY (tableName, journalId)
) WITHOUT ROWID;
CREATE TRIGGER journalTableSeal_is_append_only_delete BEFORE DELETE ON journalTableSeal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journalTableSeal_is_append_only_update BEFORE UPDATE ON journalTableSeal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
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
CREATE TABLE recipient (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL REFERENCES document(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (documentId, position)
);
CREATE TRIGGER documentSearch_after_recipient AFTER INSERT ON recipient WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_after_recipient_update AFTER UPDATE ON recipient WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_before_recipient BEFORE INSERT ON recipient WHEN NEW.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
END;
CREATE TRIGGER documentSearch_before_recipient_update BEFORE UPDATE ON recipient WHEN OLD.documentId < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral) BEGIN
    INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags) SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.documentId;
END;
CREATE TRIGGER recipient_is_never_deleted BEFORE DELETE ON recipient
BEGIN SELECT RAISE(ABORT, 'recipients are never deleted'); END;
CREATE TABLE register (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL
        CHECK (kind = 'incoming' OR kind = 'outgoing' OR kind = 'secretIncoming' OR kind = 'secretOutgoing' OR kind = 'copy'),
    startDate TEXT NOT NULL,
    endDate TEXT NOT NULL,
    volume INTEGER NOT NULL DEFAULT 1 CHECK (volume >= 1),
    perType INTEGER NOT NULL CHECK (perType IN (0, 1)),
    closedAt TEXT,
    CHECK (startDate <= endDate),
    UNIQUE (kind, startDate)
);
CREATE TABLE registerAnnotation (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    documentId INTEGER NOT NULL REFERENCES document(id),
    note TEXT NOT NULL CHECK (note <> ''),
    createdAt TEXT NOT NULL,
    createdBy TEXT NOT NULL
);
CREATE INDEX registerAnnotation_on_document ON registerAnnotation(documentId);
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
CREATE TABLE searchIndexDeferral (fromId INTEGER NOT NULL);
CREATE TABLE seriesRule (
    kind TEXT PRIMARY KEY
        CHECK (kind = 'incoming' OR kind = 'outgoing' OR kind = 'secretIncoming' OR kind = 'secretOutgoing' OR kind = 'copy'),
    period TEXT NOT NULL CHECK (period IN ('year', 'term')),
    perType INTEGER NOT NULL CHECK (perType IN (0, 1))
) WITHOUT ROWID;
CREATE TABLE seriesStart (
    registerId INTEGER NOT NULL REFERENCES register(id),
    seriesKey TEXT NOT NULL DEFAULT '',
    firstNumber INTEGER NOT NULL CHECK (firstNumber >= 1),
    PRIMARY KEY (registerId, seriesKey)
) WITHOUT ROWID;
CREATE TABLE trustedCertificate (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    subject TEXT NOT NULL CHECK (subject <> ''),
    notAfter TEXT,
    certificate BLOB NOT NULL CHECK (length(certificate) > 0),
    addedAt TEXT NOT NULL,
    addedBy TEXT NOT NULL
);
