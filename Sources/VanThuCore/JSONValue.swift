/// Any JSON value: for re-encoding stored JSON, and for writing documents to the journal fast.
enum JSONValue: Codable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])
    /// An object whose fields are already in key order: written as they are, without hashing or sorting.
    case fields([(String, JSONValue)])

    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
    init(_ number: Int?) { self = number.map { .number(Double($0)) } ?? .null }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        case .fields(let f): try c.encode(Dictionary(f, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// Compact JSON with sorted keys, written by hand: JSONEncoder costs tens of microseconds.
    var compact: String {
        var writer = JSONWriter(pretty: false)
        write(to: &writer)
        return writer.text
    }

    /// Indented like JSONEncoder's `.prettyPrinted` (`"key" : value`), keys in `fields` order.
    var pretty: String {
        var writer = JSONWriter(pretty: true, capacity: 4096)
        write(to: &writer)
        return writer.text
    }

    /// Writes the value into `writer` (see ``JSONWriter`` for the escapes and the layout).
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.number(n)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.open("[")
            for value in items {
                writer.item()
                value.write(to: &writer)
            }
            writer.close("]")
        case .object(let fields):
            writer.open("{")
            for key in fields.keys.sorted() {
                writer.key(key)
                fields[key, default: .null].write(to: &writer)
            }
            writer.close("}")
        case .fields(let fields):
            writer.open("{")
            for (key, value) in fields {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.close("}")
        }
    }
}
