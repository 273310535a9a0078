public import Foundation
import GRDB

extension AttachmentService {
    /// The store of originals next to this database.
    public var contentStore: ContentStore { ContentStore(databasePath: path) }

    /// Keeps a file with a document. The content goes into the store first (once, whoever
    /// attaches it), then the record is written and journaled; the same content twice on one
    /// document is refused.
    public func attach(reference: String, file: String, name: String? = nil) throws -> (attachment: Attachment, isNewContent: Bool) {
        try requirePermission(.register)
        let parsed = try DocumentReference(parsing: reference)
        let name = try InputLimits.text(name ?? (file as NSString).lastPathComponent, .attachmentName) ?? "tep-dinh-kem"
        // Refuse before copying anything when the document cannot take it.
        try read { db in
            let document = try document(parsed, text: reference, db)
            try ensureNotArchived(document, db)
        }
        let stored = try contentStore.store(fileAt: file)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            try ensureNotArchived(document, db)
            return (try insert(stored, name: name, role: .attachment, signatures: nil, document: document, db), stored.isNew)
        }
    }

    /// Records stored content as a file of `document` and journals it, with what checking its
    /// signatures found. The same content twice on one document is refused; a name already
    /// taken gets a number (“a (2).pdf”).
    func insert(
        _ stored: ContentStore.Stored, name: String, role: Attachment.Role, signatures: [SignatureCheck]?, document: Document, _ db: Database
    ) throws -> Attachment {
        let given = try InputLimits.text(name, .attachmentName) ?? "tep-dinh-kem"
        let onDocument = AttachmentRecord.all().of(document: document.id)
        if let existing = try String.fetchOne(db, onDocument.with(sha256: stored.sha256).select(AttachmentRecord.Columns.name)) {
            throw ArchiveError.alreadyAttached(reference: document.reference, name: existing)
        }
        // Names stay unique on a document, so `extract` finds each file by its name.
        let taken = Set(try String.fetchAll(db, onDocument.select(AttachmentRecord.Columns.name)).map { $0.lowercased() })
        let name = Self.uniqueName(given, taken: taken)
        let now = try timestamp(db)
        let mediaType = ContentStore.mediaType(name: name)
        let signaturesJSON = try signatures.map { try JSONOutput.encode($0, pretty: false) }
        let row = AttachmentRow(
            documentId: document.id, name: name, size: stored.size, mediaType: mediaType, sha256: stored.sha256, addedAt: now,
            addedBy: context.user, role: role, signatures: signaturesJSON)
        let rowId = try row.append(db)
        var after: [(String, JSONValue)] = [
            ("name", .string(name)), ("size", .string(String(stored.size))), ("mediaType", .string(mediaType)),
            ("sha256", .string(stored.sha256)), ("role", .string(role.rawValue)),
        ]
        if let signatures { after.append(("signatures", .array(signatures.map(\.json)))) }
        try appendJournal(
            db, action: role == .attachment ? "attach" : "attach-\(role.rawValue)", entity: "document", entityId: document.id,
            reference: document.reference, after: JSONValue.fields(after).compact)
        return Attachment(
            id: rowId, reference: document.reference, name: name, size: stored.size, mediaType: mediaType, sha256: stored.sha256, addedAt: now,
            addedBy: context.user, role: role, signatures: signatures)
    }

    /// The files kept with a document, oldest first.
    public func attachments(reference: String) throws -> [Attachment] {
        let parsed = try DocumentReference(parsing: reference)
        return try read { db in
            let document = try document(parsed, text: reference, db)
            return try attachments(db, where: "a.documentId = ?", arguments: [document.id])
        }
    }

    /// Copies an attachment out of the store to `destination`, checking its hash on the way.
    public func extractAttachment(reference: String, name: String, to destination: String) throws -> Attachment {
        let found = try attachments(reference: reference)
        let caseless = found.filter { $0.name.lowercased() == name.lowercased() }
        guard let attachment = found.first(where: { $0.name == name }) ?? (caseless.count == 1 ? caseless.first : nil) else {
            throw ArchiveError.attachmentNotFound(reference: reference, name: name)
        }
        if let problem = contentStore.problem(sha256: attachment.sha256, size: attachment.size) {
            throw ArchiveError.storeDamaged("\(attachment.reference) “\(attachment.name)”: \(problem.rawValue)")
        }
        try protectedPaths.check(destination)
        var info = stat()
        if lstat(destination, &info) == 0 {
            throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: EEXIST))
        }
        do {
            try FileManager.default.copyItem(atPath: contentStore.path(of: attachment.sha256), toPath: destination)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: destination)
        } catch {
            throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(error))
        }
        return attachment
    }

    /// `name`, or “name (2).ext”, “name (3).ext”… when a name in `taken` (lower case) has it.
    static func uniqueName(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name.lowercased()) else { return name }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        var n = 2
        while true {
            let candidate = ext.isEmpty ? "\(stem) (\(n))" : "\(stem) (\(n)).\(ext)"
            if !taken.contains(candidate.lowercased()) { return candidate }
            n += 1
        }
    }

    func attachments(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Attachment] {
        // An older file read without upgrading has no role or signatures yet (v8).
        let electronic = try db.columns(in: "attachment").contains { $0.name == "role" }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(Document.selectionWithoutRecipients), a.id AS attachmentId, a.name AS attachmentName, a.size AS attachmentSize,
                    a.mediaType, a.sha256, a.addedAt, a.addedBy\(electronic ? ", a.role, a.signatures" : "")
                FROM attachment a JOIN document d ON d.id = a.documentId
                WHERE \(condition) ORDER BY a.id
                """,
            arguments: arguments)
        var attachments: [Attachment] = []
        while let row = try rows.next() {
            let signatures = (electronic ? row["signatures"] as String? : nil).flatMap {
                try? JSONDecoder().decode([SignatureCheck].self, from: Data($0.utf8))
            }
            attachments.append(
                Attachment(
                    id: row["attachmentId"], reference: try Document(row: row).reference, name: row["attachmentName"], size: row["attachmentSize"],
                    mediaType: row["mediaType"], sha256: row["sha256"], addedAt: row["addedAt"], addedBy: row["addedBy"],
                    role: electronic ? Attachment.Role(rawValue: row["role"]) ?? .attachment : .attachment, signatures: signatures))
        }
        return attachments
    }
}

extension AttachmentService {
    /// The document's original (bản gốc): the file it was registered from, else its first PDF;
    /// its bytes read from the store and checked against its SHA-256.
    public func original(reference: String) throws -> (attachment: Attachment, data: Data) {
        let files = try attachments(reference: reference)
        guard let attachment = files.first(where: { $0.role == .original }) ?? files.first(where: { $0.mediaType == "application/pdf" }) else {
            throw ArchiveError.attachmentNotFound(reference: reference, name: "bản gốc (PDF)")
        }
        return (attachment, try bytes(of: attachment))
    }

    /// A stored file's bytes, checked against its SHA-256.
    public func bytes(of attachment: Attachment) throws -> Data {
        if let problem = contentStore.problem(sha256: attachment.sha256, size: attachment.size) {
            throw ArchiveError.storeDamaged("\(attachment.reference) “\(attachment.name)”: \(problem.rawValue)")
        }
        guard let data = FileManager.default.contents(atPath: contentStore.path(of: attachment.sha256)) else {
            throw ArchiveError.storeDamaged("\(attachment.reference) “\(attachment.name)”")
        }
        return data
    }

    /// Keeps `data` (the copy with the ĐẾN stamp) beside the document's original, as its
    /// rendition; the original is not touched. Kept once: the same copy again changes nothing.
    public func keepRendition(reference: String, data: Data, name: String) throws -> Attachment {
        try requirePermission(.register)
        let parsed = try DocumentReference(parsing: reference)
        let stored = try contentStore.store(OriginalFile(data: data, name: name))
        return try write { db in
            let document = try document(parsed, text: reference, db)
            try ensureNotArchived(document, db)
            if let existing = try attachments(db, where: "a.documentId = ? AND a.sha256 = ?", arguments: [document.id, stored.sha256]).first {
                return existing
            }
            return try insert(stored, name: name, role: .rendition, signatures: nil, document: document, db)
        }
    }
}
