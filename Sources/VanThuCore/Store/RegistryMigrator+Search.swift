extension RegistryMigrator {
    /// Full-text search over every document, diacritics and case ignored.
    ///
    /// `documentSearch` is an FTS5 index with no text of its own: it reads its columns from the
    /// view `documentSearchSource`, which gathers a document's fields and folds `đ` to `d` in
    /// plain SQL (unicode61 with `remove_diacritics 2` folds the tone and vowel marks, but not `đ`).
    /// The `tags` column holds filter words no clerk types (`vtkincoming`, `vty2021`, `vttbc`),
    /// so that the register, year and type filters are index lookups too.
    /// Plain-SQL triggers keep it in step with every insert and update, in the same transaction,
    /// so the `sqlite3` shell and backups work on it with no vanthu code.
    static let searchSQL = """
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

        CREATE VIRTUAL TABLE documentSearch USING fts5(
            notation, subject, issuer, handler, people, note, body, tags,
            content = 'documentSearchSource', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2');

        CREATE TRIGGER documentSearch_insert AFTER INSERT ON document BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.id;
        END;
        CREATE TRIGGER documentSearch_before_update
        BEFORE UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
            signerFullName, handler, coHandlers, note, voidReason ON document BEGIN
            INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.id;
        END;
        CREATE TRIGGER documentSearch_after_update
        AFTER UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
            signerFullName, handler, coHandlers, note, voidReason ON document BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.id;
        END;

        CREATE TRIGGER documentSearch_before_recipient BEFORE INSERT ON recipient BEGIN
            INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;
        CREATE TRIGGER documentSearch_after_recipient AFTER INSERT ON recipient BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;
        CREATE TRIGGER documentSearch_before_recipient_update BEFORE UPDATE ON recipient BEGIN
            INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.documentId;
        END;
        CREATE TRIGGER documentSearch_after_recipient_update AFTER UPDATE ON recipient BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;

        CREATE TRIGGER documentSearch_before_text BEFORE INSERT ON documentText BEGIN
            INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;
        CREATE TRIGGER documentSearch_after_text AFTER INSERT ON documentText BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;
        CREATE TRIGGER documentSearch_before_text_update BEFORE UPDATE ON documentText BEGIN
            INSERT INTO documentSearch (documentSearch, rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT 'delete', id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = OLD.documentId;
        END;
        CREATE TRIGGER documentSearch_after_text_update AFTER UPDATE ON documentText BEGIN
            INSERT INTO documentSearch (rowid, notation, subject, issuer, handler, people, note, body, tags)
            SELECT id, notation, subject, issuer, handler, people, note, body, tags FROM documentSearchSource WHERE id = NEW.documentId;
        END;

        INSERT INTO documentSearch (documentSearch) VALUES ('rebuild');
        """
}
