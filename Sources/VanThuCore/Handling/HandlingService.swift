import Foundation
import GRDB

/// What a handling command changed: the document as it is now, and the step it added.
public struct HandlingResult: Sendable {
    public var document: Document
    public var step: HandlingStep
}

/// Every step of a document, in order: its registration, then its handling (TraceHeaderList).
public struct DocumentHistory: Sendable {
    public var document: Document
    public var steps: [HandlingStep]
}

extension HandlingService {
    private typealias Columns = DocumentTable.Columns

    /// Records a leader's direction and transfers the document: lead and co-operating units,
    /// deadline (working days counted on the holiday calendar). Routing again replaces the
    /// assignment; both stay in the history.
    public func route(reference: String, _ draft: RoutingDraft) throws -> HandlingResult {
        try requirePermission(.direct)
        guard let lead = VietnameseText.nonEmpty(draft.lead) else { throw RegistryError.emptyField(.lead) }
        var coUnits: [String] = []
        for unit in draft.coUnits.compactMap(VietnameseText.nonEmpty) where !sameUnit(unit, lead) && !coUnits.contains(where: { sameUnit($0, unit) })
        {
            coUnits.append(unit)
        }
        let deadline = draft.due
        let day = try handlingDay(draft.date, field: .transferDate)
        return try changeHandling(reference, action: .route) { document, calendar, db in
            guard day >= document.registerDate else { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .transferDate) }
            let due = deadline?.resolved(from: day, calendar: calendar)
            if let due, due < document.registerDate { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .dueDate) }
            if let due, due < day { throw RegistryError.dateOrder(earlier: .transferDate, later: .dueDate) }
            try DocumentTable.update(
                document.id, db, Columns.handler.set(to: lead), Columns.coHandlers.set(to: coUnits.isEmpty ? nil : coUnits.joined(separator: "\n")),
                Columns.transferDate.set(to: day.iso), Columns.dueDate.set(to: due?.iso))
            return StepValues(
                day: day, person: VietnameseText.nonEmpty(draft.directedBy), unit: lead, coUnits: coUnits, dueDate: due,
                text: VietnameseText.nonEmpty(draft.direction))
        }
    }

    /// Ký nhận: a unit the document was given to signs for it. The lead unit's signature
    /// starts the handling (in progress).
    public func receipt(reference: String, unit: String, signedBy: String?, date: LocalDate? = nil) throws -> HandlingResult {
        guard let unit = VietnameseText.nonEmpty(unit) else { throw RegistryError.emptyField(.handler) }
        let day = try handlingDay(date, field: .receiptDate)
        return try changeHandling(reference, action: .receipt) { document, _, db in
            let units = [document.handler].compactMap { $0 } + document.coHandlers
            guard let named = units.first(where: { sameUnit($0, unit) }) else {
                throw RegistryError.unitNotRouted(unit: unit, reference: document.reference, units: units)
            }
            if let transfer = document.transferDate, day < transfer { throw RegistryError.dateOrder(earlier: .transferDate, later: .receiptDate) }
            let lead = document.handler.map { sameUnit($0, named) } ?? false
            return StepValues(day: day, person: VietnameseText.nonEmpty(signedBy), unit: named, byLeadUnit: lead)
        }
    }

    /// Tiến độ: a progress note; the latest shows in the Sổ theo dõi.
    public func progress(reference: String, note: String, date: LocalDate? = nil) throws -> HandlingResult {
        guard let note = try InputLimits.text(note, .progressNote) else { throw RegistryError.emptyField(.progressNote) }
        let day = try handlingDay(date, field: .transferDate)
        return try changeHandling(reference, action: .progress) { document, _, db in
            try DocumentTable.update(document.id, db, Columns.progress.set(to: note))
            return StepValues(day: day, text: note)
        }
    }

    /// Handled: links the reply (an outgoing document of this registry) when there is one.
    public func done(reference: String, reply replyReference: String?, note: String? = nil, date: LocalDate? = nil) throws -> HandlingResult {
        let day = try handlingDay(date, field: .doneDate)
        let replyParsed = try replyReference.flatMap(VietnameseText.nonEmpty).map { ($0, try DocumentReference(parsing: $0)) }
        return try changeHandling(reference, action: .done) { document, _, db in
            guard day >= document.registerDate else { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .doneDate) }
            var reply: Document?
            if let (text, parsed) = replyParsed {
                let found = try self.document(parsed, text: text, db)
                guard found.direction == .outgoing else { throw RegistryError.wrongDirection(found.reference, expected: .outgoing) }
                guard found.voided == nil else { throw RegistryError.voidedDocument(found.reference) }
                reply = found
            }
            let replyText = reply.map { $0.notation?.full ?? $0.reference }
            // A done without a reply keeps the one linked before (a reopened document's).
            var assignments = [Columns.doneDate.set(to: day.iso)]
            if let reply, let replyText { assignments += [Columns.replyId.set(to: reply.id), Columns.reply.set(to: replyText)] }
            try DocumentTable.update(document.id, db, assignments)
            return StepValues(day: day, text: try InputLimits.text(note, .progressNote), replyId: reply?.id, reply: replyText)
        }
    }

    /// Trả lại: the document goes back to its sender (wrongly addressed, out of competence).
    public func returnDocument(reference: String, reason: String, date: LocalDate? = nil) throws -> HandlingResult {
        guard let reason = try InputLimits.text(reason, .reason) else { throw RegistryError.emptyField(.reason) }
        let day = try handlingDay(date, field: .doneDate)
        return try changeHandling(reference, action: .return) { document, _, db in
            guard day >= document.registerDate else { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .doneDate) }
            try DocumentTable.update(document.id, db, Columns.doneDate.set(to: day.iso))
            return StepValues(day: day, text: reason)
        }
    }

    /// Mở lại: a done or returned document goes back to its units (or to registered when it
    /// was never routed). Its reply link stays until a new one replaces it.
    public func reopen(reference: String, reason: String) throws -> HandlingResult {
        guard let reason = try InputLimits.text(reason, .reason) else { throw RegistryError.emptyField(.reason) }
        let day = context.today
        return try changeHandling(reference, action: .reopen) { document, _, db in
            try DocumentTable.update(document.id, db, Columns.doneDate.set(to: nil))
            return StepValues(day: day, text: reason)
        }
    }

    /// The document and every handling step, oldest first.
    public func history(reference: String) throws -> DocumentHistory {
        let parsed = try DocumentReference(parsing: reference)
        return try read { db in
            let document = try document(parsed, text: reference, db)
            let steps = try HandlingStepRecord.all().of(document.id).fetchAll(db).map(\.step)
            return DocumentHistory(document: document, steps: steps)
        }
    }

    // MARK: Internals

    /// The values of a new step, as a change computes them.
    struct StepValues {
        var day: LocalDate
        var person: String? = nil
        var unit: String? = nil
        var coUnits: [String] = []
        var dueDate: LocalDate? = nil
        var text: String? = nil
        var replyId: Int64? = nil
        var reply: String? = nil
        /// A receipt: whether the lead unit signed (which starts the handling).
        var byLeadUnit = true
    }

    /// Finds an incoming, unvoided document, runs `change` (which updates the row and says what
    /// the step records), sets the status the state machine gives (``HandlingStatus/after(_:byLeadUnit:routed:)``),
    /// appends the step, and journals before and after: one transaction.
    /// Routing needs a leader's permission (checked before); a step of the handling needs the
    /// document to be the account's unit's (progress: as chủ trì or phối hợp); reopening is the
    /// văn thư's or a leader's.
    private func authorize(_ action: HandlingStep.Action, on document: Document) throws {
        guard let account = context.account else { return }
        switch action {
        case .route: return
        case .reopen:
            guard account.role == .clerk || account.role == .leader else { throw AccountError.forbidden(.handle, role: account.role) }
        case .receipt, .progress, .done, .return:
            guard AccessRules.may(account, .handle) else { throw AccountError.forbidden(.handle, role: account.role) }
            guard AccessRules.mayHandle(document, by: account, leadOnly: action != .progress && action != .receipt) else {
                throw AccountError.notYours(reference: document.reference)
            }
        }
    }

    private func changeHandling(
        _ reference: String, action: HandlingStep.Action,
        _ change: (Document, WorkingCalendar, Database) throws -> StepValues
    ) throws -> HandlingResult {
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            guard document.direction == .incoming else { throw RegistryError.wrongDirection(document.reference, expected: .incoming) }
            try authorize(action, on: document)
            guard document.voided == nil else { throw RegistryError.voidedDocument(document.reference) }
            try ensureNotArchived(document, db)
            guard document.status.allows(action) else {
                throw RegistryError.statusForbids(document.reference, status: document.status, action: action)
            }
            let values = try change(document, try workingCalendar(db), db)
            if let next = document.status.after(action, byLeadUnit: values.byLeadUnit, routed: document.handler != nil), next != document.status {
                try DocumentTable.update(document.id, db, Columns.status.set(to: next.rawValue))
            }
            let now = try timestamp(db)
            let stepId = try insertStep(
                documentId: document.id, action: action, day: values.day, at: now, person: values.person, unit: values.unit,
                coUnits: values.coUnits, dueDate: values.dueDate, text: values.text, replyId: values.replyId, reply: values.reply, db)
            guard let after = try Document.fetch(db, id: document.id) else { throw RegistryError.storage("document \(document.id) vanished") }
            let step = HandlingStep(
                id: stepId, action: action, day: values.day, at: now, user: context.user, person: values.person, unit: values.unit,
                coUnits: values.coUnits, dueDate: values.dueDate, text: values.text, reply: values.reply)
            try appendJournal(
                db, action: action.rawValue, entity: "document", entityId: document.id, reference: document.reference,
                before: document.compactJSON, after: JSONValue.fields(after.jsonFields + [("step", step.json)]).compact)
            return HandlingResult(document: after, step: step)
        }
    }

    @discardableResult
    func insertStep(
        documentId: Int64, action: HandlingStep.Action, day: LocalDate, at: String, person: String? = nil, unit: String? = nil,
        coUnits: [String] = [], dueDate: LocalDate? = nil, text: String? = nil, replyId: Int64? = nil, reply: String? = nil, _ db: Database
    ) throws -> Int64 {
        let row = HandlingStepRow(
            documentId: documentId, action: action, day: day, at: at, user: context.user, person: person, unit: unit, coUnits: coUnits,
            dueDate: dueDate, text: text, replyId: replyId, reply: reply)
        let rowId = try row.append(db)
        return rowId
    }

    /// `--date`, or today; never in the future.
    private func handlingDay(_ day: LocalDate?, field: RegistryError.Field) throws -> LocalDate {
        guard let day else { return context.today }
        guard day <= context.today else { throw RegistryError.dateInFuture(field: field, date: day, today: context.today) }
        return day
    }
}

/// Two spellings of one unit: case, tone marks' encoding and spacing do not matter.
func sameUnit(_ a: String, _ b: String) -> Bool {
    VietnameseText.fold(a) == VietnameseText.fold(b)
}

extension HandlingStep {
    init(row: Row) throws {
        guard let action = Action(rawValue: row["action"]), let day = LocalDate.parse(row["day"] as String? ?? "") else {
            throw RegistryError.storage("unreadable handling step \(row["id"] as Int64? ?? 0)")
        }
        id = row["id"]
        self.action = action
        self.day = day
        at = row["at"]
        user = row["user"]
        person = row["person"]
        unit = row["unit"]
        coUnits = (row["coUnits"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? []
        dueDate = (row["dueDate"] as String?).flatMap(LocalDate.parse)
        text = row["text"]
        reply = row["reply"]
    }

    /// The step as JSON, for `--json` and the journal.
    var json: JSONValue {
        .fields([
            ("action", .string(action.rawValue)),
            ("at", .string(at)),
            ("coUnits", .array(coUnits.map(JSONValue.string))),
            ("date", .string(day.iso)),
            ("dueDate", JSONValue(dueDate?.iso)),
            ("person", JSONValue(person)),
            ("reply", JSONValue(reply)),
            ("text", JSONValue(text)),
            ("unit", JSONValue(unit)),
            ("user", .string(user)),
        ])
    }
}

extension HandlingStep: Encodable {
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

extension HandlingResult: Encodable {
    /// `reference`, `status`, `dueDate` (ISO) on top, then the step and the whole document.
    public func encode(to encoder: any Encoder) throws {
        try JSONValue.fields([
            ("document", document.json), ("dueDate", JSONValue(document.dueDate?.iso)), ("reference", .string(document.reference)),
            ("status", JSONValue(document.status.rawValue)), ("step", step.json),
        ]).encode(to: encoder)
    }
}

extension DocumentHistory: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try JSONValue.fields([("document", document.json), ("steps", .array(steps.map(\.json)))]).encode(to: encoder)
    }
}

/// The follow-up entries one connection read, and their documents' JSON.
struct FollowUpJSONPart: @unchecked Sendable {
    // @unchecked: the block is handed from the connection's thread to the caller whole, once
    // that thread is done with it (``BesideRead/wait()``), and only read after.
    var entries: [FollowUpEntry]
    var documents: ByteBuffer
}

/// One item of the follow-up list's JSON (``HandlingService/writeFollowUpJSON(unit:soon:to:)``):
/// what the list is ordered by, and where its document's JSON is.
struct FollowUpEntry {
    var fields: HandlingService.FollowUpFields
    var coHandlers: [String]
    var reference: String
    var state: FollowUpState
    /// The document, written as JSON at an item's depth, in a block of the list's documents:
    /// the `block`th (one per connection that read them).
    var json: Range<Int>
    var block = 0

    /// The list as indented JSON: `items` (`days`, `document`, `dueDate`, `reference`,
    /// `state`, `unit`, `urgency`), `soonUntil`, `today`, `units` (`late`, `soon`, `unit`).
    static func writeJSON(
        today: LocalDate, soonUntil: LocalDate, entries: [FollowUpEntry], documents: [ByteBuffer],
        to output: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        entries.withUnsafeBufferPointer { entries in
            let units = FollowUpReport.countByUnit(entries.indices.lazy.map { (entries[$0].fields.handler, entries[$0].state) })
            JSONWriter.writePretty(to: output) { writer in
                writer.object { writer in
                    writer.field("items", count: entries.count) { writer, index in
                        let entry = entries[index]
                        writer.field("days", entry.state.days)
                        writer.key("document")
                        writer.value(written: UnsafeBufferPointer(rebasing: documents[entry.block].bytes[entry.json]))
                        writer.field("dueDate", entry.fields.dueDate?.iso)
                        writer.field("reference", entry.reference)
                        writer.field("state", entry.state.code)
                        writer.field("unit", entry.fields.handler)
                        writer.field("urgency", entry.fields.urgency?.label)
                    }
                    writer.field("soonUntil", soonUntil.iso)
                    writer.field("today", today.iso)
                    writer.field("units", count: units.count) { writer, index in
                        writer.field("late", units[index].late)
                        writer.field("soon", units[index].soon)
                        writer.field("unit", units[index].unit)
                    }
                }
            }
        }
    }
}
