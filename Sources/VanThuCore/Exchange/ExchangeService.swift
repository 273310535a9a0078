public import Foundation
import GRDB

/// Liên thông văn bản: documents received as edXML envelopes through the Trục liên thông văn bản
/// quốc gia or a provincial LGSP (QĐ 28/2018/QĐ-TTg), and the status replies owed to their
/// senders. The transport is a connector's job: envelopes come from a folder, replies go to an
/// outbox folder. Every action is journaled; a reply is only owed for an action that happened.
public struct ExchangeService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }

    /// What receiving an envelope did.
    public enum Outcome: Sendable {
        /// A new document, registered with its attachments as originals.
        case registered(Document, droppedDueDate: LocalDate?)
        /// Its national identifier was already registered: nothing new (the 03 reply is owed again).
        case duplicate(Document)
        /// Business type 1: the sender revoked a registered document.
        case revoked(Document)
        /// Business type 2: the registered document's metadata changed.
        case updated(Document)
        /// Business type 3: a new document registered in place of another.
        case replaced(new: Document, old: Document?)
        /// A status message about a document this agency sent.
        case status(code: String, about: String?)
    }

    /// A status reply owed to a sender (QCVN 102:2016 status codes), with the journal entry that
    /// recorded it: its id orders the replies.
    public struct Reply: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable {
            case rejected = "02", accepted = "03", assigned = "04", processing = "05", finished = "06"

            public var description: String {
                switch self {
                case .rejected: "Từ chối không tiếp nhận văn bản điện tử"
                case .accepted: "Tiếp nhận văn bản điện tử, vào sổ văn bản đến của đơn vị"
                case .assigned: "Lãnh đạo: phân công xử lý"
                case .processing: "Đang xử lý văn bản đến"
                case .finished: "Hoàn thành xử lý"
                }
            }
        }

        public var status: Status
        /// The sequence the connector sends replies in (the journal entry's id).
        public var sequence: Int64
        public var nationalId: String
        public var senderOrganId: String?
        /// The document's số/ký hiệu and date as the sender wrote them.
        public var code: String?
        public var promulgationDate: LocalDate?
        public var outbox: String
        public var description: String
        /// When it happened, local time `yyyy/MM/dd HH:mm:ss`.
        public var timestamp: String
        public var reference: String?
    }

    /// The facts of a document received through the exchange.
    public struct Exchange: Sendable, Equatable {
        public var nationalId: String
        public var senderOrganId: String?
        public var senderName: String?
        public var outbox: String?
        public var revokedAt: String?
        public var revokedReason: String?
    }

    /// Receives one envelope. `number` stands in for a `CodeNumber` that is not a number (the
    /// clerk reads it off the document); `outbox` is where this document's replies go.
    public func receive(_ envelope: EdXMLEnvelope, source: String, outbox: String?, number: String? = nil) throws -> (outcome: Outcome, reply: Reply?)
    {
        if envelope.isStatus {
            let about = envelope.responseFor?.documentId ?? envelope.responseFor?.code
            let code = envelope.statusCode ?? ""
            try write { db in
                let after: [(String, JSONValue)] = [
                    ("statusCode", .string(code)), ("description", envelope.statusDescription.map(JSONValue.string) ?? .null),
                    ("from", envelope.from?.name.map(JSONValue.string) ?? .null), ("about", about.map(JSONValue.string) ?? .null),
                    ("timestamp", envelope.timestamp.map(JSONValue.string) ?? .null),
                ]
                try appendJournal(
                    db, action: "edxml-status", entity: "exchange", entityId: nil, reference: about, after: JSONValue.fields(after).compact)
            }
            return (.status(code: code, about: about), nil)
        }
        guard let nationalId = VietnameseText.nonEmpty(envelope.documentId) else {
            throw ExchangeError.missing(source: source, element: "DocumentId")
        }
        let business = envelope.business?.type ?? 0
        // The document a revocation or an update is about: the Bussiness block's DocumentId, or
        // the header's (senders fill one or the other; the national samples both, differently).
        let candidates = [envelope.business?.documentId, nationalId].compactMap { VietnameseText.nonEmpty($0) }
        func target() throws -> String {
            try read { db in try candidates.first { try exchangeDocument(nationalId: $0, db) != nil } } ?? nationalId
        }
        switch business {
        case 1:
            return (.revoked(try revoke(nationalId: try target(), reason: envelope.business?.reason, from: envelope, source: source)), nil)
        case 2:
            return (.updated(try update(nationalId: try target(), with: envelope, source: source, number: number)), nil)
        default:
            break
        }
        if let existing = try read({ db in try exchangeDocument(nationalId: nationalId, db) }) {
            return (.duplicate(existing), try reply(.accepted, for: existing.reference))
        }
        var draft = try draft(from: envelope, source: source, number: number)
        let today = context.today
        var dropped: LocalDate?
        // Senders' templates carry deadlines already past (the national sample's is 2018): a due
        // date before the day of receipt is not recorded, and the clerk is told.
        if let due = draft.dueDate, due < today {
            dropped = due
            draft.dueDate = nil
        }
        draft.originals = envelope.attachments.map { OriginalFile(data: $0.data, name: $0.name) }
        // The registration, the exchange record and the 03 reply's journal entry: one transaction,
        // so a document is never registered without the identifier that stops a second delivery.
        let (document, replaced, accepted) = try RegistrationService(store: store).registerIncoming(draft) {
            document, db -> (Document, Document?, Reply?) in
            var replaced: Document?
            if business == 3, let old = envelope.business?.replaces.first {
                replaced = try exchangeDocument(nationalId: old, db)
            }
            let row = ExchangeRecord(
                documentId: document.id, nationalId: nationalId, senderOrganId: envelope.from?.organId, senderName: envelope.from?.name,
                outbox: outbox, receivedAt: try timestamp(db), revokedAt: nil, revokedReason: nil, replacesDocumentId: replaced?.id)
            try row.insert(db)
            var after: [(String, JSONValue)] = [
                ("nationalId", .string(nationalId)), ("senderOrganId", envelope.from?.organId.map(JSONValue.string) ?? .null),
                ("source", .string(source)), ("attachments", .array(envelope.attachments.map { .string($0.name) })),
            ]
            if let replaced { after.append(("replaces", .string(replaced.reference))) }
            if let dropped { after.append(("droppedDueDate", .string(dropped.iso))) }
            try appendJournal(
                db, action: "edxml-receive", entity: "document", entityId: document.id, reference: document.reference,
                after: JSONValue.fields(after).compact)
            // The 03 reply in the same transaction: one commit per envelope.
            return (document, replaced, try reply(.accepted, for: document, db))
        }
        return (business == 3 ? .replaced(new: document, old: replaced) : .registered(document, droppedDueDate: dropped), accepted)
    }

    /// The incoming draft an envelope gives.
    func draft(from envelope: EdXMLEnvelope, source: String, number: String?) throws -> IncomingDraft {
        guard let issuer = VietnameseText.nonEmpty(envelope.from?.name) else {
            throw ExchangeError.missing(source: source, element: "From/OrganName")
        }
        guard let notation = VietnameseText.nonEmpty(envelope.codeNotation) else { throw ExchangeError.missing(source: source, element: "Code") }
        let written = VietnameseText.nonEmpty(number) ?? envelope.codeNumber ?? ""
        guard !written.isEmpty, written.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ExchangeError.badNumber(source: source, value: written)
        }
        guard let subject = VietnameseText.nonEmpty(envelope.subject) else { throw ExchangeError.missing(source: source, element: "Subject") }
        // The exchange joins state bodies: their notations are written `số/ký hiệu` (ND30).
        let style = DocumentStyle.state
        var note: [String] = []
        if !envelope.appendixes.isEmpty { note.append("Phụ lục: " + envelope.appendixes.joined(separator: "; ")) }
        if envelope.business?.paper == true { note.append("Có bản giấy gửi sau") }
        return IncomingDraft(
            issuer: issuer, notation: DocumentNotation(number: written, notation: notation, style: style), issuedDate: envelope.promulgationDate,
            typeCode: envelope.typeName, summary: subject, received: context.today, dueDate: envelope.dueDate, urgency: envelope.urgency,
            pages: envelope.pageAmount.flatMap { $0 > 0 ? $0 : nil }, note: note.isEmpty ? nil : note.joined(separator: ". "),
            signer: envelope.signer)
    }

    /// A revocation: the document stays in the register with the reason; its handling stops.
    private func revoke(nationalId: String, reason: String?, from envelope: EdXMLEnvelope, source: String) throws -> Document {
        let reason = VietnameseText.nonEmpty(reason) ?? "Nơi gửi thu hồi văn bản"
        let document = try write { db -> Document in
            guard let document = try exchangeDocument(nationalId: nationalId, db) else {
                throw ExchangeError.unknownDocument(source: source, nationalId: nationalId)
            }
            guard var row = try ExchangeRecord.fetchOne(db, key: document.id) else {
                throw ExchangeError.unknownDocument(source: source, nationalId: nationalId)
            }
            // The same revocation delivered again changes nothing.
            if row.revokedAt != nil { return document }
            let before = row.revokedAt
            row.revokedAt = try timestamp(db)
            row.revokedReason = reason
            try row.update(db)
            let after: [(String, JSONValue)] = [
                ("nationalId", .string(nationalId)), ("reason", .string(reason)), ("revokedAt", .string(row.revokedAt ?? "")),
            ]
            try appendJournal(
                db, action: "edxml-revoke", entity: "document", entityId: document.id, reference: document.reference,
                before: before.map { "{\"revokedAt\":\"\($0)\"}" }, after: JSONValue.fields(after).compact)
            return document
        }
        // Its handling stops (ND30 Phụ lục VI III.8): returned with the reason, when it is still open.
        if document.status.isOpen {
            _ = try HandlingService(store: store).returnDocument(reference: document.reference, reason: "Thu hồi (liên thông): \(reason)")
        }
        return try DocumentService(store: store).document(reference: document.reference)
    }

    /// An update: the new metadata recorded on the same document, journaled as an edit.
    private func update(nationalId: String, with envelope: EdXMLEnvelope, source: String, number: String?) throws -> Document {
        guard let document = try read({ db in try exchangeDocument(nationalId: nationalId, db) }) else {
            throw ExchangeError.unknownDocument(source: source, nationalId: nationalId)
        }
        let draft = try draft(from: envelope, source: source, number: number)
        var changes = DocumentChanges()
        if draft.summary != document.subject { changes.summary = draft.summary }
        if let pages = draft.pages, pages != document.pageAmount { changes.pages = pages }
        if let due = draft.dueDate, due != document.dueDate, due >= document.registerDate { changes.dueDate = .set(due) }
        guard !changes.isEmpty else { return document }
        return try RegistrationService(store: store).edit(reference: document.reference, changes: changes)
    }

    /// Refuses an envelope (status 02): nothing is registered; the refusal and its reason are journaled.
    public func refuse(_ envelope: EdXMLEnvelope, source: String, reason: String, outbox: String) throws -> Reply {
        guard let reason = try InputLimits.text(reason, .reason), reason.count >= 10 else { throw ExchangeError.shortReason }
        guard let nationalId = VietnameseText.nonEmpty(envelope.documentId) else {
            throw ExchangeError.missing(source: source, element: "DocumentId")
        }
        return try write { db in
            let after: [(String, JSONValue)] = [("nationalId", .string(nationalId)), ("reason", .string(reason)), ("source", .string(source))]
            try appendJournal(
                db, action: "edxml-refuse", entity: "exchange", entityId: nil, reference: nationalId, after: JSONValue.fields(after).compact)
            return Reply(
                status: .rejected, sequence: try JournalChain.head(db).id, nationalId: nationalId, senderOrganId: envelope.from?.organId,
                code: envelope.codeNotation.map { "\(envelope.codeNumber ?? "")/\($0)" }, promulgationDate: envelope.promulgationDate, outbox: outbox,
                description: "\(Reply.Status.rejected.description): \(reason)", timestamp: Self.timestamp(), reference: nil)
        }
    }

    /// The reply a handling event owes the sender of `reference`, journaled; nil when the document
    /// did not come through the exchange or has no outbox.
    public func reply(_ status: Reply.Status, for reference: String) throws -> Reply? {
        let parsed = try DocumentReference(parsing: reference)
        return try write { db in try reply(status, for: try document(parsed, text: reference, db), db) }
    }

    /// The reply, journaled in the caller's transaction.
    private func reply(_ status: Reply.Status, for document: Document, _ db: Database) throws -> Reply? {
        guard let row = try ExchangeRecord.fetchOne(db, key: document.id), let outbox = row.outbox else { return nil }
        // 05 is owed once, at the first progress.
        if status == .processing, try journalHasReply(.processing, documentId: document.id, db) { return nil }
        let after: [(String, JSONValue)] = [
            ("statusCode", .string(status.rawValue)), ("nationalId", .string(row.nationalId)), ("outbox", .string(outbox)),
        ]
        try appendJournal(
            db, action: "edxml-reply", entity: "document", entityId: document.id, reference: document.reference,
            after: JSONValue.fields(after).compact)
        return Reply(
            status: status, sequence: try JournalChain.head(db).id, nationalId: row.nationalId, senderOrganId: row.senderOrganId,
            code: document.notation?.full, promulgationDate: document.issuedDate, outbox: outbox,
            description: "\(context.user): \(status.description)", timestamp: Self.timestamp(), reference: document.reference)
    }

    /// The exchange facts of a document; nil when it did not come through the exchange.
    public func exchange(of reference: String) throws -> Exchange? {
        let parsed = try DocumentReference(parsing: reference)
        return try read { db in
            guard try db.tableExists("exchange") else { return nil }
            let document = try document(parsed, text: reference, db)
            return try ExchangeRecord.fetchOne(db, key: document.id).map {
                Exchange(
                    nationalId: $0.nationalId, senderOrganId: $0.senderOrganId, senderName: $0.senderName, outbox: $0.outbox, revokedAt: $0.revokedAt,
                    revokedReason: $0.revokedReason)
            }
        }
    }

    private func journalHasReply(_ status: Reply.Status, documentId: Int64, _ db: Database) throws -> Bool {
        try JournalEntryRecord.all().filter(
            sql: "entityId = ? AND action = 'edxml-reply' AND after LIKE ?", arguments: [documentId, "%\"statusCode\":\"\(status.rawValue)\"%"]
        )
        .fetchCount(db) > 0
    }

    func exchangeDocument(nationalId: String, _ db: Database) throws -> Document? {
        guard let row = try ExchangeRecord.filter(ExchangeRecord.Columns.nationalId == nationalId).fetchOne(db) else { return nil }
        return try Document.fetch(db, id: row.documentId)
    }

    /// The agencies of the exchange directory, by name.
    public func agencies() throws -> [Agency] {
        try read { db in
            guard try db.tableExists("agency") else { return [] }
            return try AgencyRecord.order(AgencyRecord.Columns.name).fetchAll(db).map { Agency(organId: $0.organId, name: $0.name) }
        }
    }

    /// Adds an agency (or renames it), journaled.
    public func addAgency(organId: String, name: String) throws -> Agency {
        let id = organId.trimmingCharacters(in: .whitespaces)
        // Mã định danh (QĐ 20/2020/QĐ-TTg): groups of letters and digits separated by dots.
        guard !id.isEmpty, id.count <= 32, id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." }) else {
            throw ExchangeError.badOrganId(organId)
        }
        guard let name = try InputLimits.text(name, .recipient) else { throw RegistryError.emptyField(.recipient) }
        return try write { db in
            let before = try AgencyRecord.fetchOne(db, key: id)
            let record = AgencyRecord(organId: id, name: name, addedAt: try timestamp(db), addedBy: context.user)
            try record.save(db)
            try appendJournal(
                db, action: "agency-add", entity: "agency", entityId: nil, reference: id,
                before: before.map { JSONValue.fields([("organId", .string($0.organId)), ("name", .string($0.name))]).compact },
                after: JSONValue.fields([("organId", .string(id)), ("name", .string(name))]).compact)
            return Agency(organId: id, name: name)
        }
    }

    /// The directory's agencies a document's Nơi nhận names (compared without case or diacritics).
    public func agencies(for recipients: [String]) throws -> [Agency] {
        let all = try agencies()
        let byName = Dictionary(all.map { (VietnameseText.fold($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        return recipients.compactMap { byName[VietnameseText.fold($0)] }.filter { seen.insert($0.organId).inserted }
    }

    /// Journals the envelopes written for an outgoing document.
    public func recordSent(reference: String, to agencies: [Agency], files: [String]) throws {
        let parsed = try DocumentReference(parsing: reference)
        try write { db in
            let document = try document(parsed, text: reference, db)
            let after: [(String, JSONValue)] = [
                ("agencies", .array(agencies.map { .string($0.organId) })), ("files", .array(files.map(JSONValue.string))),
            ]
            try appendJournal(
                db, action: "edxml-send", entity: "document", entityId: document.id, reference: document.reference,
                after: JSONValue.fields(after).compact)
        }
    }

    /// Now, as the exchange writes times: `yyyy/MM/dd HH:mm:ss`, local time.
    public static func now() -> String { timestamp() }

    /// Now, as the exchange writes times: `yyyy/MM/dd HH:mm:ss`, local time.
    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

/// An agency of the exchange directory.
public struct Agency: Sendable, Equatable {
    public var organId: String
    public var name: String
}

/// Why an envelope could not be received. Nothing was registered and no reply is owed.
public enum ExchangeError: Error, Equatable, Sendable {
    case missing(source: String, element: String)
    /// `CodeNumber` is not a number (the national sample's `74fass22`).
    case badNumber(source: String, value: String)
    /// A revocation or an update about a document this agency never registered.
    case unknownDocument(source: String, nationalId: String)
    case shortReason
    case badOrganId(String)
    /// No Nơi nhận of the outgoing document is in the exchange directory.
    case noAgencies(reference: String)
    /// Some envelopes of a batch were refused (each was named); the others were received.
    case someRefused(refused: Int, total: Int)
    case numberForOne
}

extension ExchangeError: ClerkFacingError {
    public static var domain: String { "exchange" }

    public var exitCode: Int32 {
        switch self {
        case .unknownDocument, .noAgencies: 66
        default: 65
        }
    }

    public var text: Bilingual {
        switch self {
        case .missing(let source, let element):
            Bilingual(
                vi: "Gói tin “\(source)” thiếu \(element). Đề nghị nơi gửi gửi lại; chưa có gì được vào sổ.",
                en: "The envelope “\(source)” has no \(element). Ask the sender again; nothing was registered.")
        case .badNumber(let source, let value):
            Bilingual(
                vi:
                    "Số văn bản “\(value)” trong “\(source)” không phải là số. Xem số trên văn bản rồi nhận lại với --number SỐ; chưa có gì được vào sổ.",
                en:
                    "The document number “\(value)” in “\(source)” is not a number. Read the số on the document and receive it again with --number N; nothing was registered."
            )
        case .unknownDocument(let source, let nationalId):
            Bilingual(
                vi: "Gói tin “\(source)” nói về văn bản “\(nationalId)” nhưng văn bản này chưa được nhận qua liên thông. Chưa có gì thay đổi.",
                en: "The envelope “\(source)” is about the document “\(nationalId)”, which was never received through the exchange. Nothing changed.")
        case .badOrganId(let id):
            Bilingual(
                vi: "“\(id)” không phải mã định danh (chữ và số, cách nhau bằng dấu chấm, như 000.00.31.H41).",
                en: "“\(id)” is not a mã định danh (letters and digits separated by dots, like 000.00.31.H41).")
        case .noAgencies(let reference):
            Bilingual(
                vi: "Không nơi nhận nào của \(reference) có trong danh bạ liên thông. Thêm: vanthu co-quan add MÃ \"Tên như ở Nơi nhận\".",
                en: "No recipient of \(reference) is in the exchange directory. Add one: vanthu co-quan add ID \"Name as in Nơi nhận\".")
        case .someRefused(let refused, let total):
            Bilingual(
                vi: "\(refused) trong \(total) gói tin bị từ chối (xem từng dòng ở trên); các gói tin khác đã được nhận.",
                en: "\(refused) of \(total) envelopes were refused (see each line above); the others were received.")
        case .numberForOne:
            Bilingual(vi: "--number chỉ dùng khi nhận một gói tin.", en: "--number is for receiving one envelope only.")
        case .shortReason:
            Bilingual(
                vi: "Lý do từ chối phải có ít nhất 10 ký tự (nơi gửi đọc được lý do). Chưa có gì được ghi.",
                en: "The reason for refusing must be at least 10 characters (the sender reads it). Nothing was written.")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case missing, badNumber, unknownDocument, shortReason, badOrganId, noAgencies, someRefused, numberForOne
    }

    public var kind: Kind {
        switch self {
        case .missing: .missing
        case .badNumber: .badNumber
        case .unknownDocument: .unknownDocument
        case .shortReason: .shortReason
        case .badOrganId: .badOrganId
        case .noAgencies: .noAgencies
        case .someRefused: .someRefused
        case .numberForOne: .numberForOne
        }
    }
}
