import Foundation
import GRDB

extension Registry {
    /// Re-computes the journal's hash chain from the first entry and compares every document with
    /// its last seal. Reads only; streams, so a million entries need little memory.
    public func verifyJournal() throws -> JournalVerification {
        try read { db in
            var result = JournalVerification(
                entries: 0, headId: nil, headHash: nil, brokenLinks: [], brokenLinkCount: 0, orphanSeals: 0,
                documents: 0, alteredDocuments: [], alteredDocumentCount: 0)
            try checkChain(db, into: &result)
            try checkDocuments(db, into: &result)
            return result
        }
    }

    private func checkChain(_ db: Database, into result: inout JournalVerification) throws {
        let entries = try Row.fetchCursor(db, sql: "SELECT \(JournalChain.entryColumnList) FROM journal ORDER BY id")
        let seals = try Row.fetchCursor(db, sql: "SELECT journalId, documentId, seal FROM journalSeal ORDER BY journalId, documentId")
        var seal = try seals.next()
        var previous = ""
        while let entry = try entries.next() {
            let id: Int64 = entry["id"]
            var hasher = JournalChain.EntryHasher(previous: previous, fields: (0..<JournalChain.hashedFieldCount).map { entry[$0] })
            while let s = seal, (s["journalId"] as Int64) <= id {
                if (s["journalId"] as Int64) == id {
                    hasher.add(documentId: s["documentId"], seal: [UInt8](s["seal"] as Data? ?? Data()))
                } else {
                    result.orphanSeals += 1
                }
                seal = try seals.next()
            }
            let stored: String? = entry["hash"]
            if stored != hasher.finalize() {
                result.brokenLinkCount += 1
                if result.brokenLinks.count < JournalVerification.listLimit {
                    result.brokenLinks.append(.init(id: id, at: entry["at"], user: entry["user"], action: entry["action"], reference: entry["reference"]))
                }
            }
            // The next link is judged on its own: one edited entry is reported once.
            previous = stored ?? ""
            result.entries += 1
            result.headId = id
            result.headHash = stored
        }
        while seal != nil {
            result.orphanSeals += 1
            seal = try seals.next()
        }
    }

    private func checkDocuments(_ db: Database, into result: inout JournalVerification) throws {
        let documents = try Row.fetchCursor(db, sql: "\(JournalChain.sealedRows) ORDER BY id")
        // SQLite's bare columns: with max(), the other columns come from the row holding the maximum.
        let seals = try Row.fetchCursor(
            db, sql: "SELECT documentId, max(journalId) AS journalId, seal FROM journalSeal GROUP BY documentId ORDER BY documentId")
        var seal = try seals.next()
        func report(_ id: Int64, _ kind: JournalVerification.AlteredDocument.Kind, _ journalId: Int64?) throws {
            result.alteredDocumentCount += 1
            guard result.alteredDocuments.count < JournalVerification.listLimit else { return }
            // A row changed by hand may no longer read as a document: then it is named by its id.
            let reference = kind == .missing ? nil : (try? Document.fetch(db, id: id))??.reference
            result.alteredDocuments.append(.init(id: id, reference: reference, kind: kind, journalId: journalId))
        }
        while let document = try documents.next() {
            let id: Int64 = document["id"]
            result.documents += 1
            while let s = seal, (s["documentId"] as Int64) < id {
                try report(s["documentId"], .missing, s["journalId"])
                seal = try seals.next()
            }
            guard let s = seal, (s["documentId"] as Int64) == id else {
                try report(id, .unrecorded, nil)
                continue
            }
            if [UInt8](s["seal"] as Data? ?? Data()) != JournalChain.seal(of: document) { try report(id, .changed, s["journalId"]) }
            seal = try seals.next()
        }
        while let s = seal {
            try report(s["documentId"], .missing, s["journalId"])
            seal = try seals.next()
        }
    }
}
