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

        \(searchTriggers(deferrable: false))

        INSERT INTO documentSearch (documentSearch) VALUES ('rebuild');
        """

    /// The columns of `documentSearch` and `documentSearchSource`, in order.
    static let searchColumnList = "notation, subject, issuer, handler, people, note, body, tags"

    /// The triggers that keep `documentSearch` in step with a document, its Nơi nhận and its
    /// text. `deferrable` (v12): a trigger does nothing for a document whose id is at or past a
    /// row of `searchIndexDeferral`: those documents are being appended in bulk and are indexed
    /// in one statement at the end of their transaction (``SearchIndexDeferral``).
    private static func searchTriggers(deferrable: Bool) -> String {
        func when(_ id: String) -> String {
            deferrable ? " WHEN \(id) < (SELECT coalesce(min(fromId), 9223372036854775807) FROM searchIndexDeferral)" : ""
        }
        return """
            CREATE TRIGGER documentSearch_insert AFTER INSERT ON document\(when("NEW.id")) BEGIN
                \(reindex("NEW.id"))
            END;
            \(reindexTriggers("update", on: """
                UPDATE OF number, numberSuffix, codeNumber, codeNotation, typeCode, typeName, subject, organName,
                    signerFullName, handler, coHandlers, note, voidReason ON document
                """, old: "OLD.id", new: "NEW.id", when: when))
            \(reindexTriggers("recipient", on: "INSERT ON recipient", old: "NEW.documentId", new: "NEW.documentId", when: when))
            \(reindexTriggers("recipient_update", on: "UPDATE ON recipient", old: "OLD.documentId", new: "NEW.documentId", when: when))
            \(reindexTriggers("text", on: "INSERT ON documentText", old: "NEW.documentId", new: "NEW.documentId", when: when))
            \(reindexTriggers("text_update", on: "UPDATE ON documentText", old: "OLD.documentId", new: "NEW.documentId", when: when))
            """
    }

    /// The names of the triggers ``searchTriggers(deferrable:)`` creates.
    private static let searchTriggerNames = triggerNames(["update", "recipient", "recipient_update", "text", "text_update"])

    /// Those of them that index a row as it is inserted: a document, one of its Nơi nhận, its text.
    static let searchInsertTriggerNames = triggerNames(["recipient", "text"])

    /// `documentSearch_insert` and the before and after trigger of each of `reindexed`.
    private static func triggerNames(_ reindexed: [String]) -> [String] {
        ["documentSearch_insert"] + reindexed.flatMap { ["documentSearch_before_\($0)", "documentSearch_after_\($0)"] }
    }

    /// v12: documents appended in bulk (a batch, an import) are indexed in one pass at
    /// the end of their transaction instead of one statement each. Each statement that touched
    /// the index through a trigger opened a statement savepoint, and FTS5 writes its pending
    /// terms out at every savepoint: a new segment per document, then merging them. Measured
    /// on a copy of a 10,000-document register, 3,000 documents appended in one transaction:
    /// 0.53 s with the triggers, 0.19 s with one indexing statement at the end (0.17 s with no
    /// index at all). The triggers stay plain SQL (the `sqlite3` shell keeps the index in step);
    /// only a transaction that writes a row to `searchIndexDeferral` defers, and it removes the
    /// row before it commits.
    static let searchIndexAtEndSQL = """
        CREATE TABLE searchIndexDeferral (fromId INTEGER NOT NULL);
        \(searchTriggerNames.map { "DROP TRIGGER \($0);" }.joined(separator: "\n"))
        \(searchTriggers(deferrable: true))
        """

    /// The statement that indexes one document (`remove`: takes it out of the index, with the
    /// values it was indexed with, as an external-content FTS5 table needs).
    private static func reindex(_ id: String, remove: Bool = false) -> String {
        remove
            ? "INSERT INTO documentSearch (documentSearch, rowid, \(searchColumnList)) SELECT 'delete', id, \(searchColumnList) FROM documentSearchSource WHERE id = \(id);"
            : "INSERT INTO documentSearch (rowid, \(searchColumnList)) SELECT id, \(searchColumnList) FROM documentSearchSource WHERE id = \(id);"
    }

    /// A BEFORE trigger that takes the document out of the index while the view still shows its
    /// old values, and an AFTER trigger that puts it back with the new ones.
    private static func reindexTriggers(_ name: String, on event: String, old: String, new: String, when: (String) -> String) -> String {
        """
        CREATE TRIGGER documentSearch_before_\(name) BEFORE \(event)\(when(old)) BEGIN
            \(reindex(old, remove: true))
        END;
        CREATE TRIGGER documentSearch_after_\(name) AFTER \(event)\(when(new)) BEGIN
            \(reindex(new))
        END;
        """
    }
}
