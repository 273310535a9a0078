import Foundation
import GRDB

extension DispatchService {
    /// Records that copies of an outgoing document were sent. A recipient must be in the Nơi
    /// nhận (else `extra`, recorded as such) and not yet sent to (else `again`).
    public func dispatch(reference: String, _ draft: DispatchDraft) throws -> [DispatchRecord] {
        try requirePermission(.register)
        let via = draft.via
        let names = draft.recipients.compactMap(VietnameseText.nonEmpty)
        guard !names.isEmpty || draft.allUnsent else { throw RegistryError.emptyField(.recipient) }
        _ = try InputLimits.count(draft.envelopes)
        let day = draft.date ?? context.today
        guard day <= context.today else { throw RegistryError.dateInFuture(field: .transferDate, date: day, today: context.today) }
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            guard document.direction == .outgoing else { throw RegistryError.wrongDirection(document.reference, expected: .outgoing) }
            guard document.voided == nil else { throw RegistryError.voidedDocument(document.reference) }
            try ensureNotArchived(document, db)
            guard day >= document.registerDate else { throw RegistryError.dateOrder(earlier: .issuedDate, later: .transferDate) }
            let listed = try ListedRecipient.all().of(document.id).fetchAll(db)
            let sent = try SentCopy.all().of(document.id).fetchAll(db)
            func sentDay(_ name: String, id: Int64?) -> LocalDate? {
                sent.first { copy in
                    if let id { return copy.recipientId == id }
                    return sameUnit(copy.recipientName, name)
                }?.day
            }
            var targets: [(id: Int64?, name: String)] = []
            if draft.allUnsent {
                targets = listed.filter { sentDay($0.name, id: $0.id) == nil }.map { ($0.id, $0.name) }
                if targets.isEmpty, names.isEmpty { throw RegistryError.nothingToDispatch(document.reference) }
            }
            for name in names {
                let match = listed.first { sameUnit($0.name, name) }
                guard match != nil || draft.extra else {
                    throw RegistryError.recipientNotListed(name: name, reference: document.reference, recipients: listed.map(\.name))
                }
                let target = (id: match?.id as Int64?, name: match?.name ?? name)
                if !targets.contains(where: { sameUnit($0.name, target.name) }) { targets.append(target) }
            }
            if !draft.again {
                for target in targets {
                    if let day = sentDay(target.name, id: target.id) {
                        throw RegistryError.alreadyDispatched(name: target.name, reference: document.reference, on: day)
                    }
                }
            }
            let now = try timestamp(db)
            let note = try InputLimits.text(draft.note, .note)
            var records: [DispatchRecord] = []
            for target in targets {
                let row = DispatchRow(
                    documentId: document.id, recipientId: target.id, recipientName: target.name, via: via, day: day,
                    envelopes: draft.envelopes ?? 1, note: note, at: now, user: context.user)
                let rowId = try row.append(db)
                let record = DispatchRecord(
                    id: rowId, documentId: document.id, reference: document.reference,
                    notation: document.notation?.full ?? document.reference,
                    recipient: target.name, via: via, day: day, envelopes: draft.envelopes ?? 1, extra: target.id == nil, note: note, at: now,
                    user: context.user)
                try appendJournal(
                    db, action: "dispatch", entity: "document", entityId: document.id, reference: document.reference, after: record.json.compact)
                records.append(record)
            }
            return records
        }
    }

    /// Every copy of an outgoing document still to send, urgent documents first, then by
    /// recipient.
    public func unsent(year: Int? = nil) throws -> [UnsentCopy] {
        try read { db in
            var condition = "\(DocumentService.outgoingCondition) AND d.voidedAt IS NULL"
            var arguments: StatementArguments = []
            if let year {
                condition += " AND d.registerDate BETWEEN ? AND ?"
                arguments = [LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
            }
            let unsent = """
                SELECT r.documentId, r.name FROM recipient r JOIN document d ON d.id = r.documentId
                WHERE \(condition) AND NOT EXISTS (SELECT 1 FROM dispatch s WHERE s.recipientId = r.id)
                """
            let rows = try Row.fetchAll(db, sql: unsent + " ORDER BY r.documentId, r.position", arguments: arguments)
            let documents = try Document.fetchAll(db, where: "d.id IN (SELECT documentId FROM (\(unsent)))", arguments: arguments)
            let byId = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let copies = rows.compactMap { row in byId[row["documentId"]].map { UnsentCopy(document: $0, recipient: row["name"]) } }
            let keys = copies.indices.map { i in
                (
                    HandlingService.urgencyRank(copies[i].document.urgency), VietnameseText.fold(copies[i].recipient),
                    copies[i].document.registerDate, copies[i].document.id, i
                )
            }
            return keys.sorted { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }.map { copies[$0.4] }
        }
    }

    /// The copies sent of one document, in order.
    public func dispatches(of reference: String) throws -> [DispatchRecord] {
        let parsed = try DocumentReference(parsing: reference)
        return try read { db in
            let document = try document(parsed, text: reference, db)
            return try dispatchRecords(db, where: "s.documentId = ?", arguments: [document.id])
        }
    }

    /// Calls `body` for each copy sent by `via` in `period`, by day: the rows of the Sổ gửi
    /// văn bản đi bưu điện.
    public func forEachDispatch(via: DispatchChannel, in period: RegisterPeriod, _ body: (DispatchRecord) throws -> Void) throws {
        try read { db in
            for record in try dispatchRecords(
                db, where: "s.via = ? AND s.day BETWEEN ? AND ?", arguments: [via.rawValue, period.start.iso, period.end.iso])
            {
                try body(record)
            }
        }
    }

    /// The copies sent, each with its document read as everywhere else (by position), and the
    /// dispatch columns after it (by name).
    private func dispatchRecords(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [DispatchRecord] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(Document.selectionWithoutRecipients), s.id AS dispatchId, s.recipientName, s.via, s.day AS dispatchDay,
                    s.envelopes, s.extra, s.note AS dispatchNote, s.at AS dispatchAt, s.user AS dispatchUser
                FROM dispatch s JOIN document d ON d.id = s.documentId
                WHERE \(condition) ORDER BY s.day, s.id
                """,
            arguments: arguments)
        var records: [DispatchRecord] = []
        while let row = try rows.next() {
            let document = try Document(row: row)
            guard let via = DispatchChannel(rawValue: row["via"]), let day = LocalDate.parse(row["dispatchDay"] as String? ?? "") else {
                throw RegistryError.storage("unreadable dispatch row")
            }
            records.append(
                DispatchRecord(
                    id: row["dispatchId"], documentId: document.id, reference: document.reference,
                    notation: document.notation?.full ?? document.reference,
                    recipient: row["recipientName"], via: via, day: day, envelopes: row["envelopes"], extra: row["extra"], note: row["dispatchNote"],
                    at: row["dispatchAt"], user: row["dispatchUser"]))
        }
        return records
    }

    /// The day each outgoing document of a register's period first went out (to any recipient,
    /// by any channel): the Ngày chuyển of the Sổ đăng ký văn bản đi. Documents never sent are absent.
    public func firstDispatchDays(kinds: [RegisterKind], in period: RegisterPeriod) throws -> [Int64: LocalDate] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.documentId, MIN(s.day) AS day FROM dispatch s JOIN document d ON d.id = s.documentId
                    WHERE d.kind IN (\(kinds.map { _ in "?" }.joined(separator: ", "))) AND d.registerDate BETWEEN ? AND ?
                    GROUP BY s.documentId
                    """,
                arguments: StatementArguments(kinds.map(\.rawValue) + [period.start.iso, period.end.iso]))
            var days: [Int64: LocalDate] = [:]
            while let row = try rows.next() {
                if let day = LocalDate.parse(row["day"] as String? ?? "") { days[row["documentId"]] = day }
            }
            return days
        }
    }

    /// The copies sent by `via` in `period`: how many, the lowest and highest number of the
    /// documents sent, the first and last day (the cover of the Sổ gửi văn bản đi bưu điện).
    public func dispatchExtent(via: DispatchChannel, in period: RegisterPeriod) throws -> RegisterExtent {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS count, MIN(d.number) AS first, MAX(d.number) AS last, MIN(s.day) AS firstDate, MAX(s.day) AS lastDate
                    FROM dispatch s JOIN document d ON d.id = s.documentId WHERE s.via = ? AND s.day BETWEEN ? AND ?
                    """,
                arguments: [via.rawValue, period.start.iso, period.end.iso])
            return RegisterExtent(row: row)
        }
    }
}

extension DispatchRecord: Encodable {
    var json: JSONValue {
        .fields([
            ("date", .string(day.iso)), ("envelopes", JSONValue(envelopes)), ("extra", .bool(extra)), ("note", JSONValue(note)),
            ("notation", .string(notation)), ("recipient", .string(recipient)), ("reference", .string(reference)), ("via", .string(via.rawValue)),
        ])
    }

    /// One line of compact JSON, as `Document.compactJSON`.
    public var compactJSON: String { json.compact }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
