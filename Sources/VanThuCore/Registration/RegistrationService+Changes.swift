import Foundation
import GRDB

extension RegistrationService {
    private typealias Columns = DocumentTable.Columns

    /// Voids a number with a reason. The number stays in the register, marked void, and is never
    /// given again.
    /// Refuses, before the clerk fills a form, an account that may not register documents.
    public func checkMayRegister() throws {
        try requirePermission(.register)
    }

    public func void(reference: String, reason: String) throws -> Document {
        try requirePermission(.register)
        guard let reason = try InputLimits.text(reason, .reason) else { throw RegistryError.emptyField(.reason) }
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            if let voided = document.voided { throw RegistryError.alreadyVoided(document.reference, reason: voided.reason) }
            try ensureNotArchived(document, db)
            try ensureBookOpen(document, db)
            try DocumentTable.update(
                document.id, db, Columns.voidedAt.set(to: dayStamp(db)), Columns.voidedBy.set(to: context.user), Columns.voidReason.set(to: reason))
            return try journalUpdate(action: "void", before: document, db)
        }
    }

    /// Corrects fields of a registered document; the old values go to the journal.
    public func edit(reference: String, changes: DocumentChanges) throws -> Document {
        try requirePermission(.register)
        guard !changes.isEmpty else { throw RegistryError.nothingToChange }
        let summary = try changes.summary.map { try InputLimits.text($0, .summary) ?? { throw RegistryError.emptyField(.summary) }() }
        var due: LocalDate?
        var clearsDue = false
        switch changes.dueDate {
        case .set(let day): due = day
        case .clear: clearsDue = true
        case nil: break
        }
        let pages = try InputLimits.count(changes.pages)
        let handler = try changes.handler.map { try InputLimits.text($0, .handler) }
        let note = try changes.note.map { try InputLimits.text($0, .note) }
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            if let voided = document.voided { throw RegistryError.alreadyVoided(document.reference, reason: voided.reason) }
            try ensureNotArchived(document, db)
            try ensureBookOpen(document, db)
            if let due, due < document.registerDate { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .dueDate) }
            var assignments: [ColumnAssignment] = []
            if let summary { assignments.append(Columns.subject.set(to: summary)) }
            if let handler {
                assignments.append(Columns.handler.set(to: handler))
                if document.transferDate == nil, handler != nil { assignments.append(Columns.transferDate.set(to: context.today.iso)) }
            }
            if let due { assignments.append(Columns.dueDate.set(to: due.iso)) } else if clearsDue { assignments.append(Columns.dueDate.set(to: nil)) }
            if let pages { assignments.append(Columns.pageAmount.set(to: pages)) }
            if let note { assignments.append(Columns.note.set(to: note)) }
            guard !assignments.isEmpty else { throw RegistryError.nothingToChange }
            try DocumentTable.update(document.id, db, assignments)
            return try journalUpdate(action: "edit", before: document, db)
        }
    }

    private func journalUpdate(action: String, before: Document, _ db: Database) throws -> Document {
        guard let after = try Document.fetch(db, id: before.id) else { throw RegistryError.documentNotFound(String(before.id)) }
        try appendJournal(
            db, action: action, entity: "document", entityId: before.id, reference: before.reference,
            before: before.compactJSON, after: after.compactJSON)
        return after
    }
}
