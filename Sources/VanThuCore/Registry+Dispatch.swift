import Foundation
import GRDB

extension Registry {
    /// Records that copies of an outgoing document were sent. A recipient must be in the Nơi
    /// nhận (else `extra`, recorded as such) and not yet sent to (else `again`).
    public func dispatch(reference: String, _ draft: DispatchDraft) throws -> [DispatchRecord] {
        let via = try DispatchChannel(parsing: draft.via)
        let names = draft.recipients.compactMap(VietnameseText.nonEmpty)
        guard !names.isEmpty || draft.allUnsent else { throw RegistryError.emptyField(.recipient) }
        if let envelopes = draft.envelopes, envelopes < 1 { throw RegistryError.invalidNumber(String(envelopes)) }
        let day = try draft.date.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:)) ?? context.today
        guard day <= context.today else { throw RegistryError.dateInFuture(field: .transferDate, date: day, today: context.today) }
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in
            let document = try document(parsed, text: reference, db)
            guard document.direction == .outgoing else { throw RegistryError.wrongDirection(document.reference, expected: .outgoing) }
            guard document.voided == nil else { throw RegistryError.voidedDocument(document.reference) }
            guard day >= document.registerDate else { throw RegistryError.dateOrder(earlier: .issuedDate, later: .transferDate) }
            let listed = try Row.fetchAll(db, sql: "SELECT id, name FROM recipient WHERE documentId = ? ORDER BY position", arguments: [document.id])
                .map { (id: $0["id"] as Int64, name: $0["name"] as String) }
            let sent = try Row.fetchAll(db, sql: "SELECT recipientId, recipientName, day FROM dispatch WHERE documentId = ? ORDER BY id", arguments: [document.id])
            func sentDay(_ name: String, id: Int64?) -> LocalDate? {
                sent.first { row in
                    if let id { return (row["recipientId"] as Int64?) == id }
                    return sameUnit(row["recipientName"], name)
                }.flatMap { LocalDate.parse($0["day"] as String? ?? "") }
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
                let target = (id: match?.id, name: match?.name ?? name)
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
            let note = VietnameseText.nonEmpty(draft.note)
            var records: [DispatchRecord] = []
            for target in targets {
                try db.execute(
                    sql: """
                        INSERT INTO dispatch (documentId, recipientId, recipientName, via, day, envelopes, extra, note, at, user)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [document.id, target.id, target.name, via.rawValue, day.iso, draft.envelopes ?? 1, target.id == nil, note, now, context.user])
                let record = DispatchRecord(
                    id: db.lastInsertedRowID, documentId: document.id, reference: document.reference, notation: document.notation?.full ?? document.reference,
                    recipient: target.name, via: via, day: day, envelopes: draft.envelopes ?? 1, extra: target.id == nil, note: note, at: now, user: context.user)
                try appendJournal(db, action: "dispatch", entity: "document", entityId: document.id, reference: document.reference, after: record.json.compact)
                records.append(record)
            }
            return records
        }
    }

    /// Every copy of an outgoing document still to send, urgent documents first, then by
    /// recipient.
    public func unsent(year: Int? = nil) throws -> [UnsentCopy] {
        try read { db in
            var condition = """
                d.kind IN ('outgoing', 'secretOutgoing', 'copy') AND d.voidedAt IS NULL
                AND EXISTS (SELECT 1 FROM recipient r WHERE r.documentId = d.id
                    AND NOT EXISTS (SELECT 1 FROM dispatch s WHERE s.recipientId = r.id))
                """
            var arguments: StatementArguments = []
            if let year {
                condition += " AND d.registerDate BETWEEN ? AND ?"
                arguments = [LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
            }
            let documents = try Document.fetchAll(db, where: condition, arguments: arguments)
            let sentIds = Set(try Int64.fetchAll(
                db, sql: "SELECT s.recipientId FROM dispatch s JOIN recipient r ON r.id = s.recipientId JOIN document d ON d.id = r.documentId WHERE \(condition)",
                arguments: arguments))
            var copies: [UnsentCopy] = []
            for document in documents {
                let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM recipient WHERE documentId = ? ORDER BY position", arguments: [document.id])
                for row in rows where !sentIds.contains(row["id"]) { copies.append(UnsentCopy(document: document, recipient: row["name"])) }
            }
            return copies.sorted { a, b in
                let ua = Self.urgencyRank(a.document.urgency)
                let ub = Self.urgencyRank(b.document.urgency)
                if ua != ub { return ua < ub }
                let ra = VietnameseText.fold(a.recipient)
                let rb = VietnameseText.fold(b.recipient)
                if ra != rb { return ra < rb }
                return (a.document.registerDate, a.document.id) < (b.document.registerDate, b.document.id)
            }
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
            for record in try dispatchRecords(db, where: "s.via = ? AND s.day BETWEEN ? AND ?", arguments: [via.rawValue, period.start.iso, period.end.iso]) {
                try body(record)
            }
        }
    }

    private func dispatchRecords(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [DispatchRecord] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.*, d.kind, d.registerDate, d.typeCode, d.number, d.numberSuffix, d.codeNumber, d.codeNotation, d.notationStyle
                FROM dispatch s JOIN document d ON d.id = s.documentId
                WHERE \(condition) ORDER BY s.day, s.id
                """,
            arguments: arguments)
        return try rows.map { row in
            guard let via = DispatchChannel(rawValue: row["via"]), let day = LocalDate.parse(row["day"] as String? ?? ""),
                let kind = RegisterKind(rawValue: row["kind"]), let registered = LocalDate.parse(row["registerDate"] as String? ?? "")
            else { throw RegistryError.storage("unreadable dispatch row") }
            let reference = [kind.referencePrefix, String(registered.year), row["typeCode"] as String, "\(row["number"] as Int)\(row["numberSuffix"] as String)"]
                .joined(separator: "/")
            var notation = reference
            if let number: String = row["codeNumber"], let code: String = row["codeNotation"],
                let style = DocumentStyle(rawValue: row["notationStyle"] as String? ?? "")
            {
                notation = DocumentNotation(number: number, notation: code, style: style).full
            }
            return DispatchRecord(
                id: row["id"], documentId: row["documentId"], reference: reference, notation: notation, recipient: row["recipientName"], via: via,
                day: day, envelopes: row["envelopes"], extra: row["extra"], note: row["note"], at: row["at"], user: row["user"])
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

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
