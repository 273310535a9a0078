import Foundation

/// JSON written straight into UTF-8 bytes, compact or indented like JSONEncoder's
/// `.prettyPrinted` (`"key" : value`, two spaces a level, `{}` and `[]` when empty): every
/// JSON vanthu writes by hand (the journal's entries, `--json` lists) goes through it.
///
/// Records write their fields into it through ``JSONFieldSink`` without a tree: `overdue
/// --json` on a 100,000-document backlog (45,661 documents, 67 MB) spent 47 % of its time
/// building and walking a `JSONValue` per document (34 keyed fields, a retain and a release of
/// each text, perf), and the terminal's scan of the 67 MB for control characters another 6 %.
///
/// Its output holds no character a terminal acts on: outside strings only brackets, commas,
/// colons, spaces and line breaks, and inside them every control character, DEL, C1 control and
/// direction mark (``VietnameseText/isInvisibleControl(_:)``) escaped as `\uXXXX`, which JSON
/// allows for any character. A reader of the JSON gets the same text back.
struct JSONWriter {
    /// The bytes written, kept by a caller that puts them into another text later.
    let storage: ByteBuffer
    private let pretty: Bool
    private var depth = 0
    /// Whether the innermost open object or array has no item yet.
    private var empty = true
    /// Where full buffers go between the items of a list (``flushIfFull()``); nil keeps all.
    private var output: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// How much is gathered before ``flushIfFull()`` hands it on.
    static let flushSize = 1 << 18

    init(pretty: Bool, capacity: Int = 512) {
        self.pretty = pretty
        storage = ByteBuffer(capacity: capacity)
    }

    /// A writer of values that will stand `depth` levels deep in an indented text, to be put
    /// there later with ``value(written:)``.
    init(prettyAtDepth depth: Int, capacity: Int) {
        self.init(pretty: true, capacity: capacity)
        self.depth = depth
    }

    /// How many bytes have been written (since the last flush).
    var count: Int { storage.count }

    /// Drops what was written after the first `count` bytes.
    func truncate(to count: Int) { storage.truncate(to: count) }

    /// Writes indented JSON with `write`, handing it to `output` in pieces of about
    /// ``flushSize`` bytes, each cut between two items of a list (on an ASCII byte): a long list
    /// is never in memory whole.
    static func writePretty(to output: (UnsafeBufferPointer<UInt8>) -> Void, _ write: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(pretty: true, capacity: flushSize + (1 << 16))
        // Stored for the length of `write` only, hence not escaping.
        withoutActuallyEscaping(output) { output in
            writer.output = output
            write(&writer)
            output(writer.storage.bytes)
            writer.output = nil
        }
    }

    /// The bytes as a String.
    var text: String { String(decoding: storage.bytes, as: UTF8.self) }

    /// Hands the bytes to the output once they reach ``flushSize``; call it between items.
    mutating func flushIfFull() {
        guard let output, storage.count >= JSONWriter.flushSize else { return }
        output(storage.bytes)
        storage.removeAll()
    }

    // MARK: structure

    /// Opens an object (`{`) or an array (`[`).
    mutating func open(_ bracket: Unicode.Scalar) {
        storage.append(UInt8(ascii: bracket))
        depth += 1
        empty = true
    }

    /// Closes the innermost object (`}`) or array (`]`).
    mutating func close(_ bracket: Unicode.Scalar) {
        depth -= 1
        if pretty && !empty { newline() }
        storage.append(UInt8(ascii: bracket))
        empty = false
    }

    /// Starts the next item of the open array: the comma before it, and its line.
    mutating func item() {
        if !empty { storage.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline() }
    }

    /// Starts the field `key` of the open object; its value is written next. `key` is ASCII
    /// without quotes or backslashes (a name in the code).
    ///
    /// The comma, line, indentation, quoted name and colon are stored in one go into room made
    /// once: piece by piece (`item()`, then each piece appended) this was 16 % of the backlog's
    /// `overdue --json`, whose 45,661 documents have 1.8 million keys.
    mutating func key(_ key: StaticString) {
        // A one-character name may be stored as its scalar: written as any string.
        guard key.hasPointerRepresentation else { return self.key(key.description) }
        let (name, length) = (key.utf8Start, key.utf8CodeUnitCount)
        let indent = pretty ? 2 * depth : 0
        let comma = !empty
        let pretty = self.pretty
        storage.write(atMost: length + indent + 7) { out in
            var i = 0
            if comma {
                out[i] = UInt8(ascii: ",")
                i += 1
            }
            if pretty {
                out[i] = 0x0A
                (out + i + 1).initialize(repeating: 0x20, count: indent)
                i += 1 + indent
            }
            out[i] = 0x22
            (out + i + 1).initialize(from: name, count: length)
            i += 1 + length
            out[i] = 0x22
            i += 1
            if pretty {
                out[i] = 0x20
                out[i + 1] = UInt8(ascii: ":")
                out[i + 2] = 0x20
                return i + 3
            }
            out[i] = UInt8(ascii: ":")
            return i + 1
        }
        empty = false
    }

    /// Starts the field `key` of the open object, `key` escaped as any string.
    mutating func key(_ key: String) {
        item()
        string(key)
        if pretty { storage.append(0x20, UInt8(ascii: ":"), 0x20) } else { storage.append(UInt8(ascii: ":")) }
    }

    /// A value already written as JSON (by a writer at this depth: ``init(prettyAtDepth:capacity:)``).
    mutating func value(written bytes: UnsafeBufferPointer<UInt8>) { storage.append(bytes) }

    private mutating func newline() {
        storage.append(0x0A)
        storage.append(0x20, times: 2 * depth)
    }

    // MARK: values

    mutating func null() { storage.append(0x6E, 0x75, 0x6C, 0x6C) }

    mutating func bool(_ value: Bool) {
        let word: StaticString = value ? "true" : "false"
        word.withUTF8Buffer { storage.append($0) }
    }

    /// An integer's decimal digits, written without a String.
    mutating func int(_ value: Int) {
        if value < 0 { storage.append(UInt8(ascii: "-")) }
        storage.append(decimal: UInt64(value.magnitude))
    }

    /// A number as `JSONValue` writes it: whole numbers under 10^15 without a fraction.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { int(Int(value)) } else { storage.append(String(value)) }
    }

    /// A JSON string: `"`, `\` and the controls escaped (`\n`, `\r`, `\t`, else `\uXXXX`, as
    /// are DEL, C1 controls and direction marks), everything else as its UTF-8 bytes.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string($0) }
    }

    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        storage.append(0x22)
        var start = 0
        var index = 0
        let n = utf8.count
        while index < n {
            let byte = utf8[index]
            // The bytes that may start something to escape; all else is copied as it is.
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 else {
                index += 1
                continue
            }
            let (scalar, length) = JSONWriter.escapable(utf8, at: index)
            guard let scalar else {
                index += 1
                continue
            }
            storage.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            switch scalar {
            case 0x22: storage.append(0x5C, 0x22)
            case 0x5C: storage.append(0x5C, 0x5C)
            case 0x0A: storage.append(0x5C, UInt8(ascii: "n"))
            case 0x0D: storage.append(0x5C, UInt8(ascii: "r"))
            case 0x09: storage.append(0x5C, UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { hex in
                    storage.append(0x5C, UInt8(ascii: "u"))
                    storage.append(hex[Int(scalar >> 12)], hex[Int(scalar >> 8 & 0xF)], hex[Int(scalar >> 4 & 0xF)], hex[Int(scalar & 0xF)])
                }
            }
            index += length
            start = index
        }
        storage.append(UnsafeBufferPointer(rebasing: utf8[start...]))
        storage.append(0x22)
    }

    /// The character at `utf8[i]` and its length in bytes when it is one to escape; nil when
    /// it is not (then copied as it is).
    private static func escapable(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32?, Int) {
        let n = utf8.count
        let byte = utf8[i]
        switch byte {
        case 0..<0x20, 0x22, 0x5C, 0x7F: return (UInt32(byte), 1)
        case 0xC2 where i + 1 < n && (0x80...0x9F).contains(utf8[i + 1]): return (UInt32(utf8[i + 1]), 2)
        case 0xD8 where i + 1 < n && utf8[i + 1] == 0x9C: return (0x061C, 2)
        case 0xE2 where i + 2 < n && (utf8[i + 1] == 0x80 || utf8[i + 1] == 0x81):
            let scalar = 0x2000 | UInt32(utf8[i + 1] & 0x0F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            return (VietnameseText.isInvisibleControl(scalar) ? scalar : nil, 3)
        default: return (nil, 1)
        }
    }
}

/// Bytes added at the end of one block that grows by doubling. Written for `JSONWriter`'s
/// millions of small appends (about 60 per document): `[UInt8]`'s `append` checked that the
/// array was not shared and went through a generic copy on each, 9 % of `overdue --json` on the
/// backlog (perf: `swift_isUniquelyReferenced` 2.4 %, `append(contentsOf:)` 5.5 %, a repeated
/// space 2 %).
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        // malloc, as realloc grows it (``reserve(_:)``); out of memory is the one failure.
        guard let block = malloc(self.capacity) else { preconditionFailure("out of memory") }
        base = block.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }

    func truncate(to count: Int) { self.count = min(self.count, max(0, count)) }

    /// Room for `extra` more bytes. Grown by `realloc`, which moves a large block by remapping
    /// its pages rather than copying them (a follow-up list's documents are tens of megabytes).
    @inline(__always) private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(to: max(2 * capacity, count + extra))
    }

    private func grow(to grown: Int) {
        // Out of memory is the one failure of realloc: nothing sensible is left to do then.
        guard let moved = realloc(base, grown) else { preconditionFailure("out of memory") }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }

    /// Lets `body` store up to `atMost` bytes at the end, and keeps the number it says it stored.
    @inline(__always) func write(atMost: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(atMost)
        count += body(base + count)
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) func append(_ a: UInt8, _ b: UInt8, _ c: UInt8? = nil, _ d: UInt8? = nil) {
        reserve(4)
        base[count] = a
        base[count + 1] = b
        count += 2
        if let c {
            base[count] = c
            count += 1
        }
        if let d {
            base[count] = d
            count += 1
        }
    }

    @inline(__always) func append(_ byte: UInt8, times: Int) {
        reserve(times)
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    /// The decimal digits of `value`.
    func append(decimal value: UInt64) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        reserve(digits)
        var value = value
        for position in (count..<(count + digits)).reversed() {
            base[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digits
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}

/// Where a record writes its JSON fields, in key order: straight into bytes (``JSONWriter``)
/// or gathered as a ``JSONValue`` (``JSONFieldList``) for a caller that adds fields of its own
/// or hands it to an Encoder. One definition of each record's fields serves both.
protocol JSONFieldSink {
    /// A text that is always there: its own overload, since wrapping it as an optional to be
    /// handed on copied it, a retain and a release of each (8 % of the backlog's `overdue --json`).
    mutating func field(_ key: StaticString, _ value: String)
    mutating func field(_ key: StaticString, _ value: String?)
    mutating func field(_ key: StaticString, _ value: Int?)
    mutating func field(_ key: StaticString, strings: [String])
    /// An object made by `fields`, or null when `present` is false.
    mutating func field(_ key: StaticString, present: Bool, object fields: (inout Self) -> Void)
    /// An array of `count` objects, the `index`th made by `element`.
    mutating func field(_ key: StaticString, count: Int, objects element: (inout Self, Int) -> Void)
}

extension JSONWriter: JSONFieldSink {
    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        self.key(key)
        if let value { int(value) } else { null() }
    }

    mutating func field(_ key: StaticString, strings: [String]) {
        self.key(key)
        open("[")
        for value in strings {
            item()
            string(value)
        }
        close("]")
    }

    mutating func field(_ key: StaticString, present: Bool, object fields: (inout JSONWriter) -> Void) {
        self.key(key)
        guard present else { return null() }
        object(fields)
    }

    mutating func field(_ key: StaticString, count: Int, objects element: (inout JSONWriter, Int) -> Void) {
        self.key(key)
        open("[")
        for index in 0..<count {
            item()
            object { element(&$0, index) }
            flushIfFull()
        }
        close("]")
    }

    /// An object whose fields `fields` writes.
    mutating func object(_ fields: (inout JSONWriter) -> Void) {
        open("{")
        fields(&self)
        close("}")
    }
}

/// Fields gathered as `JSONValue`s, in the order written.
struct JSONFieldList: JSONFieldSink {
    var fields: [(String, JSONValue)] = []

    mutating func field(_ key: StaticString, _ value: String) { fields.append((key.description, .string(value))) }

    mutating func field(_ key: StaticString, _ value: String?) { fields.append((key.description, JSONValue(value))) }

    mutating func field(_ key: StaticString, _ value: Int?) { fields.append((key.description, JSONValue(value))) }

    mutating func field(_ key: StaticString, strings: [String]) { fields.append((key.description, .array(strings.map(JSONValue.string)))) }

    mutating func field(_ key: StaticString, present: Bool, object make: (inout JSONFieldList) -> Void) {
        fields.append((key.description, present ? JSONFieldList.object(make) : .null))
    }

    mutating func field(_ key: StaticString, count: Int, objects element: (inout JSONFieldList, Int) -> Void) {
        fields.append((key.description, .array((0..<count).map { index in JSONFieldList.object { element(&$0, index) } })))
    }

    static func object(_ make: (inout JSONFieldList) -> Void) -> JSONValue {
        var list = JSONFieldList()
        make(&list)
        return .fields(list.fields)
    }
}
