import Foundation

/// One line of the append-only journal: who did what, when, with the values before and after.
public struct JournalEntry: Equatable, Sendable {
    public var id: Int64
    /// ISO 8601 timestamp with offset.
    public var at: String
    public var user: String
    /// `register`, `void`, `edit`, `init`, `create-register`, `add-type`, `migrate`, …
    public var action: String
    /// `document`, `organization`, `register`, `documentType`.
    public var entity: String
    public var entityId: Int64?
    /// The human reference of the document, when there is one.
    public var reference: String?
    /// JSON of the values before the change, or nil for an insert.
    public var before: String?
    /// JSON of the values after the change.
    public var after: String?
    /// SHA-256 of the entry before, this entry's fields and its seals (see ``JournalChain``).
    public var hash: String?
}

extension JournalEntry: Encodable {
    enum CodingKeys: String, CodingKey { case id, at, user, action, entity, entityId, reference, before, after, hash }

    /// `before` and `after` are embedded as JSON objects, not strings.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(user, forKey: .user)
        try c.encode(action, forKey: .action)
        try c.encode(entity, forKey: .entity)
        try c.encode(entityId, forKey: .entityId)
        try c.encode(reference, forKey: .reference)
        try c.encode(before.map(RawJSON.init), forKey: .before)
        try c.encode(after.map(RawJSON.init), forKey: .after)
        try c.encode(hash, forKey: .hash)
    }

    /// One field that an entry changed.
    public struct FieldChange: Equatable, Sendable {
        public var field: String
        public var before: String
        public var after: String
    }

    /// The fields whose values differ between `before` and `after`, by name.
    public var changes: [FieldChange] {
        let old = JournalEntry.object(before)
        let new = JournalEntry.object(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let a = JournalEntry.text(old[key])
            let b = JournalEntry.text(new[key])
            return a == b ? nil : FieldChange(field: key, before: a, after: b)
        }
    }

    private static func object(_ json: String?) -> [String: Any] {
        guard let json, let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return value
    }

    private static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "∅"
        case let s as String: return s
        case let value?:
            guard JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// A JSON text written into the output as JSON, not as a string.
struct RawJSON: Encodable {
    let text: String

    func encode(to encoder: any Encoder) throws {
        let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        var container = encoder.singleValueContainer()
        try container.encode(value ?? .string(text))
    }
}
