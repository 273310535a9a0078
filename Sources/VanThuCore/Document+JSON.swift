import Foundation

extension Document: Encodable {
    /// The document as JSON: ND30 Phụ lục VI field names in camelCase, absent values `null`,
    /// dates ISO 8601. One definition (``writeFields(into:)``) serves `--json` and the journal.
    var json: JSONValue { .fields(jsonFields) }

    /// The fields of `json`, in key order, for callers that add their own.
    var jsonFields: [(String, JSONValue)] {
        var list = JSONFieldList()
        writeFields(into: &list)
        return list.fields
    }

    /// Writes the document's fields, in key order (the journal writes them as they come).
    func writeFields(into sink: inout some JSONFieldSink) {
        let incoming = direction == .incoming
        sink.field("archiveCopy", archiveCopy)
        sink.field("arrivalDate", incoming ? registerDate.iso : nil)
        sink.field("arrivalNumber", incoming ? number : nil)
        sink.field("codeNotation", notation?.notation)
        sink.field("codeNumber", notation?.number)
        sink.field("description", note)
        sink.field("direction", direction.rawValue)
        sink.field("doneDate", doneDate?.iso)
        sink.field("dueDate", dueDate?.iso)
        sink.field("fileNotation", fileNotation)
        sink.field("fullNotation", notation?.full)
        sink.field("id", Int(id))
        sink.field("issuedAmount", issuedAmount)
        sink.field("issuedDate", issuedDate?.iso)
        sink.field("number", number)
        sink.field("organName", organName)
        sink.field("pageAmount", pageAmount)
        sink.field("progress", progress)
        sink.field("reference", reference)
        sink.field("register", kind.rawValue)
        sink.field("registeredAt", registeredAt)
        sink.field("registeredBy", registeredBy)
        sink.field("reply", reply)
        sink.field("secrecy", secrecy?.label)
        sink.field("signer", present: signer != nil) { sink in
            sink.field("capacity", signer?.capacity)
            sink.field("fullName", signer?.fullName)
            sink.field("position", signer?.position)
        }
        sink.field("status", incoming ? status.rawValue : nil)
        sink.field("subNumber", numberSuffix.isEmpty ? nil : numberSuffix)
        sink.field("subject", subject)
        if incoming {
            // The lead unit then the co-operating ones, without an array made for them.
            sink.field("toPlaces", strings: handler.map { [$0] + coHandlers } ?? coHandlers)
        } else {
            sink.field("toPlaces", strings: recipients)
        }
        sink.field("transferDate", transferDate?.iso)
        sink.field("typeCode", typeCode)
        sink.field("typeName", typeName)
        sink.field("urgency", urgency?.label)
        sink.field("voided", present: voided != nil) { sink in
            sink.field("at", voided?.at)
            sink.field("by", voided?.by)
            sink.field("reason", voided?.reason)
        }
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
    public var compactJSON: String {
        var writer = JSONWriter(pretty: false, capacity: 1024)
        writer.object { writeFields(into: &$0) }
        return writer.text
    }
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
