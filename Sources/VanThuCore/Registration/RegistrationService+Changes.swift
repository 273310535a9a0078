import Foundation
import GRDB

extension RegistrationService {
    /// Voids a number with a reason. The number stays in the register, marked void, and is never
    /// given again.
    public func void(reference: String, reason: String) throws -> Document {
        guard let reason = try InputLimits.text(reason, .reason) else { throw RegistryError.emptyField(.reason) }
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            if let voided = document.voided { throw RegistryError.alreadyVoided(document.reference, reason: voided.reason) }
            try ensureNotArchived(document, db)
            try db.execute(
                sql: "UPDATE document SET voidedAt = ?, voidedBy = ?, voidReason = ? WHERE id = ?",
                arguments: [timestamp(db), context.user, reason, document.id])
            return try journalUpdate(action: "void", before: document, db)
        }
    }

    /// Corrects fields of a registered document; the old values go to the journal.
    public func edit(reference: String, changes: DocumentChanges) throws -> Document {
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
            if let due, due < document.registerDate { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .dueDate) }
            var assignments: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
                assignments.append("\(column) = ?")
                arguments.append(value)
            }
            if let summary { set("subject", summary) }
            if let handler {
                set("handler", handler)
                if document.transferDate == nil, handler != nil { set("transferDate", context.today.iso) }
            }
            if let due { set("dueDate", due.iso) } else if clearsDue { set("dueDate", nil) }
            if let pages { set("pageAmount", pages) }
            if let note { set("note", note) }
            guard !assignments.isEmpty else { throw RegistryError.nothingToChange }
            arguments.append(document.id)
            try db.execute(sql: "UPDATE document SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: StatementArguments(arguments))
            return try journalUpdate(action: "edit", before: document, db)
        }
    }

    private func journalUpdate(action: String, before: Document, _ db: Database) throws -> Document {
        guard let after = try Document.fetch(db, id: before.id) else { throw RegistryError.documentNotFound(String(before.id)) }
        try appendJournal(
            db, action: action, entity: "document", entityId: before.id, reference: before.reference,
            before: before.json.compact, after: after.json.compact)
        return after
    }
}
