/// Any JSON value: for re-encoding stored JSON, and for writing documents to the journal fast.
enum JSONValue: Codable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])
    /// An object whose fields are already in key order: written as they are, without hashing or sorting.
    case fields([(String, JSONValue)])
    /// An array made one element at a time as it is written, each freed before the next is
    /// made: a list of tens of thousands of documents never exists as one tree.
    case lazyArray(count: Int, element: @Sendable (Int) -> JSONValue)

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
        case .lazyArray(let count, let element): try c.encode((0..<count).map(element))
        }
    }

    /// Compact JSON with sorted keys, written by hand: JSONEncoder costs tens of microseconds.
    var compact: String {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented like JSONEncoder's `.prettyPrinted` (`"key" : value`), keys in `fields` order:
    /// for outputs too long for JSONEncoder (follow-up lists of tens of thousands of rows).
    var pretty: String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes compact JSON, or indented JSON from `indent` spaces when it is not nil, as UTF-8
    /// bytes. Bytes, not a String: appending to a String checked and grew it piece by piece,
    /// and each line's indentation was a new String — 51 % of `vanthu overdue --json` on a
    /// 100,000-document backlog (perf), whose output is 45,661 documents.
    ///
    /// `flush`, when given, is handed the buffer between the elements of a `lazyArray` once it
    /// holds `flushSize` bytes, and empties it: a long list goes out in pieces, each cut after an
    /// element (on an ASCII byte), and is never in memory whole.
    func write(to out: inout [UInt8], indent: Int? = nil, flush: ((inout [UInt8]) -> Void)? = nil) {
        let inner = indent.map { $0 + 2 }
        func item(_ index: Int) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { JSONValue.newline(inner, to: &out) }
        }
        func close(_ bracket: Unicode.Scalar, empty: Bool) {
            if let indent, !empty { JSONValue.newline(indent, to: &out) }
            out.append(UInt8(ascii: bracket))
        }
        func colon() {
            if indent == nil { out.append(UInt8(ascii: ":")) } else { out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) }
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            out.append(contentsOf: (n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)).utf8)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, value) in items.enumerated() {
                item(index)
                value.write(to: &out, indent: inner, flush: flush)
            }
            close("]", empty: items.isEmpty)
        case .lazyArray(let count, let element):
            out.append(UInt8(ascii: "["))
            for index in 0..<count {
                item(index)
                element(index).write(to: &out, indent: inner, flush: flush)
                if let flush, out.count >= JSONValue.flushSize { flush(&out) }
            }
            close("]", empty: count == 0)
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted().enumerated() {
                item(index)
                JSONValue.writeString(key, to: &out)
                colon()
                fields[key, default: .null].write(to: &out, indent: inner, flush: flush)
            }
            close("}", empty: fields.isEmpty)
        case .fields(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                item(index)
                JSONValue.writeString(key, to: &out)
                colon()
                value.write(to: &out, indent: inner, flush: flush)
            }
            close("}", empty: fields.isEmpty)
        }
    }

    /// How much `write(to:indent:flush:)` gathers before it flushes.
    static let flushSize = 1 << 18

    /// Indented as `pretty`, handed to `output` in pieces (see `write(to:indent:flush:)`).
    func writePretty(_ output: (UnsafeBufferPointer<UInt8>) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(JSONValue.flushSize + (1 << 16))
        // `flush` is optional, hence escaping in type; it is only called during `write`.
        withoutActuallyEscaping(output) { output in
            write(to: &out, indent: 0) { buffer in
                buffer.withUnsafeBufferPointer(output)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        out.withUnsafeBufferPointer(output)
    }

    private static func newline(_ width: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: width))
    }

    /// A JSON string: `"`, `\` and control characters escaped (`\n`, `\r`, `\t`, else
    /// `\u00XX`), everything else as its UTF-8 bytes.
    private static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = string
        s.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(0x22)
    }
}
