import Foundation

extension Document: Encodable {
    /// The document as JSON: ND30 Phụ lục VI field names in camelCase, absent values `null`,
    /// dates ISO 8601. One definition serves `--json` and the journal.
    var json: JSONValue { .fields(jsonFields) }

    /// The fields of `json`, in key order, for callers that add their own.
    var jsonFields: [(String, JSONValue)] {
        var signerValue = JSONValue.null
        if let signer {
            signerValue = .fields([
                ("capacity", JSONValue(signer.capacity)), ("fullName", JSONValue(signer.fullName)), ("position", JSONValue(signer.position)),
            ])
        }
        var voidValue = JSONValue.null
        if let voided {
            voidValue = .fields([("at", .string(voided.at)), ("by", .string(voided.by)), ("reason", .string(voided.reason))])
        }
        let incoming = direction == .incoming
        let places = incoming ? (handler.map { [$0] } ?? []) + coHandlers : recipients
        // In key order: the journal writes them as they come.
        return [
            ("archiveCopy", JSONValue(archiveCopy)),
            ("arrivalDate", JSONValue(incoming ? registerDate.iso : nil)),
            ("arrivalNumber", JSONValue(incoming ? number : nil)),
            ("codeNotation", JSONValue(notation?.notation)),
            ("codeNumber", JSONValue(notation?.number)),
            ("description", JSONValue(note)),
            ("direction", .string(direction.rawValue)),
            ("doneDate", JSONValue(doneDate?.iso)),
            ("dueDate", JSONValue(dueDate?.iso)),
            ("fileNotation", JSONValue(fileNotation)),
            ("fullNotation", JSONValue(notation?.full)),
            ("id", JSONValue(Int(id))),
            ("issuedAmount", JSONValue(issuedAmount)),
            ("issuedDate", JSONValue(issuedDate?.iso)),
            ("number", JSONValue(number)),
            ("organName", .string(organName)),
            ("pageAmount", JSONValue(pageAmount)),
            ("progress", JSONValue(progress)),
            ("reference", .string(reference)),
            ("register", .string(kind.rawValue)),
            ("registeredAt", .string(registeredAt)),
            ("registeredBy", .string(registeredBy)),
            ("reply", JSONValue(reply)),
            ("secrecy", JSONValue(secrecy?.label)),
            ("signer", signerValue),
            ("status", JSONValue(incoming ? status.rawValue : nil)),
            ("subNumber", JSONValue(numberSuffix.isEmpty ? nil : numberSuffix)),
            ("subject", .string(subject)),
            ("toPlaces", .array(places.map(JSONValue.string))),
            ("transferDate", JSONValue(transferDate?.iso)),
            ("typeCode", .string(typeCode)),
            ("typeName", .string(typeName)),
            ("urgency", JSONValue(urgency?.label)),
            ("voided", voidValue),
        ]
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}

/// The one JSON style of vanthu: sorted keys, unescaped slashes, pretty or compact.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Document {
    /// The document as one line of compact JSON with sorted keys (the journal's form).
    public var compactJSON: String { json.compact }
}

/// A document with the documents it cites, for `vanthu show --json`: the document's fields plus
/// `references`, each with `registered` (the reference in this registry, or null).
public struct DocumentWithCitations: Encodable {
    public let document: Document
    public let citations: [CitationLink]

    public init(document: Document, citations: [CitationLink]) {
        self.document = document
        self.citations = citations
    }

    public func encode(to encoder: any Encoder) throws {
        let references = JSONValue.array(citations.map { .fields($0.citation.jsonFields + [("registered", JSONValue($0.registered))]) })
        try JSONValue.fields(document.jsonFields + [("references", references)]).encode(to: encoder)
    }
}
