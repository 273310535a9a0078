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
            \(reindex("NEW.id"))
        END;
        \(reindexTriggers("update", on: """
            UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
                signerFullName, handler, coHandlers, note, voidReason ON document
            """, old: "OLD.id", new: "NEW.id"))
        \(reindexTriggers("recipient", on: "INSERT ON recipient", old: "NEW.documentId", new: "NEW.documentId"))
        \(reindexTriggers("recipient_update", on: "UPDATE ON recipient", old: "OLD.documentId", new: "NEW.documentId"))
        \(reindexTriggers("text", on: "INSERT ON documentText", old: "NEW.documentId", new: "NEW.documentId"))
        \(reindexTriggers("text_update", on: "UPDATE ON documentText", old: "OLD.documentId", new: "NEW.documentId"))

        INSERT INTO documentSearch (documentSearch) VALUES ('rebuild');
        """

    /// The columns of `documentSearch` and `documentSearchSource`, in order.
    static let searchColumnList = "notation, subject, issuer, handler, people, note, body, tags"

    /// The statement that indexes one document (`remove`: takes it out of the index, with the
    /// values it was indexed with, as an external-content FTS5 table needs).
    private static func reindex(_ id: String, remove: Bool = false) -> String {
        remove
            ? "INSERT INTO documentSearch (documentSearch, rowid, \(searchColumnList)) SELECT 'delete', id, \(searchColumnList) FROM documentSearchSource WHERE id = \(id);"
            : "INSERT INTO documentSearch (rowid, \(searchColumnList)) SELECT id, \(searchColumnList) FROM documentSearchSource WHERE id = \(id);"
    }

    /// A BEFORE trigger that takes the document out of the index while the view still shows its
    /// old values, and an AFTER trigger that puts it back with the new ones.
    private static func reindexTriggers(_ name: String, on event: String, old: String, new: String) -> String {
        """
        CREATE TRIGGER documentSearch_before_\(name) BEFORE \(event) BEGIN
            \(reindex(old, remove: true))
        END;
        CREATE TRIGGER documentSearch_after_\(name) AFTER \(event) BEGIN
            \(reindex(new))
        END;
        """
    }
}
