/// Any JSON value: for re-encoding stored JSON, and for writing documents to the journal fast.
enum JSONValue: Codable {
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
        var out = ""
        write(to: &out)
        return out
    }

    /// Indented like JSONEncoder's `.prettyPrinted` (`"key" : value`), keys in `fields` order:
    /// for outputs too long for JSONEncoder (follow-up lists of tens of thousands of rows).
    var pretty: String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// Writes compact JSON, or indented JSON from `indent` spaces when it is not nil.
    func write(to out: inout String, indent: Int? = nil) {
        let inner = indent.map { $0 + 2 }
        func item(_ index: Int) {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
        }
        func close(_ bracket: String, empty: Bool) {
            if let indent, !empty { out += "\n" + String(repeating: " ", count: indent) }
            out += bracket
        }
        let colon = indent == nil ? ":" : " : "
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            out += n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (index, value) in items.enumerated() {
                item(index)
                value.write(to: &out, indent: inner)
            }
            close("]", empty: items.isEmpty)
        case .object(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                item(index)
                JSONValue.writeString(key, to: &out)
                out += colon
                fields[key, default: .null].write(to: &out, indent: inner)
            }
            close("}", empty: fields.isEmpty)
        case .fields(let fields):
            out += "{"
            for (index, (key, value)) in fields.enumerated() {
                item(index)
                JSONValue.writeString(key, to: &out)
                out += colon
                value.write(to: &out, indent: inner)
            }
            close("}", empty: fields.isEmpty)
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out += String(scalar)
                }
            }
        }
        out += "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
