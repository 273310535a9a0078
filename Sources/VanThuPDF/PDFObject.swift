import Foundation

/// A PDF object (ISO 32000-1 §7.3), as much of the syntax as reading a file's structure and
/// writing an incremental update need. Strings and stream data stay bytes: nothing is decoded
/// that is only copied.
indirect enum PDFObject: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    /// A literal string's bytes as written between the parentheses (escapes kept), or a hex string's digits.
    case string([UInt8], hex: Bool)
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFReference)
    /// A stream: its dictionary and where its data lies in the file it was read from.
    case stream(PDFDictionary, data: Range<Int>)

    var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let d), .stream(let d, _): d
        default: nil
        }
    }

    var array: [PDFObject]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var integer: Int? {
        switch self {
        case .integer(let i): i
        case .real(let r) where r.isFinite && abs(r) < 1e15: Int(r)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let r) where r.isFinite: r
        default: nil
        }
    }

    var reference: PDFReference? {
        if case .reference(let r) = self { return r }
        return nil
    }

    var name: String? {
        if case .name(let n) = self { return n }
        return nil
    }
}

struct PDFReference: Hashable {
    var number: Int
    var generation: Int
}

/// A dictionary in the order it was written (writers keep it; so does the update).
struct PDFDictionary: Equatable {
    var entries: [(key: String, value: PDFObject)] = []

    subscript(key: String) -> PDFObject? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Why a PDF's structure could not be followed.
struct PDFSyntaxError: Error {
    var reason: String
    var offset: Int
}

/// Reads PDF objects from bytes. Bounded: nesting deeper than ``maximumDepth`` and arrays or
/// dictionaries longer than ``maximumItems`` are refused, so a hostile file cannot exhaust the
/// stack or memory.
struct PDFLexer {
    static let maximumDepth = 64
    static let maximumItems = 1 << 20

    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    static func isWhite(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    static func isDelimiter(_ b: UInt8) -> Bool {
        b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D || b == 0x2F || b == 0x25
    }

    mutating func skipWhite() {
        while position < bytes.count {
            let b = bytes[position]
            if Self.isWhite(b) {
                position += 1
            } else if b == 0x25 {  // % comment to the end of the line
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// A regular word (a keyword or a number) at the position, without moving past it.
    func peekWord() -> ArraySlice<UInt8> {
        var end = position
        while end < bytes.count, !Self.isWhite(bytes[end]), !Self.isDelimiter(bytes[end]) { end += 1 }
        return bytes[position..<end]
    }

    mutating func expect(_ keyword: String) throws {
        skipWhite()
        let word = peekWord()
        guard word.elementsEqual(keyword.utf8) else { throw PDFSyntaxError(reason: "expected \(keyword)", offset: position) }
        position += word.count
    }

    /// `N G obj <object> endobj` at the position; a stream's data is located by its `/Length`
    /// (resolved through `length` when indirect) or, failing that, by `endstream`.
    mutating func indirectObject(length: (PDFReference) -> Int? = { _ in nil }) throws -> (PDFReference, PDFObject) {
        skipWhite()
        guard let number = Int(String(decoding: peekWord(), as: UTF8.self)) else {
            throw PDFSyntaxError(reason: "no object number", offset: position)
        }
        position += peekWord().count
        skipWhite()
        guard let generation = Int(String(decoding: peekWord(), as: UTF8.self)) else {
            throw PDFSyntaxError(reason: "no generation", offset: position)
        }
        position += peekWord().count
        try expect("obj")
        var object = try parse(depth: 0)
        skipWhite()
        if peekWord().elementsEqual("stream".utf8), case .dictionary(let dictionary) = object {
            position += 6
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            let start = position
            var declared: Int?
            switch dictionary["Length"] {
            case .integer(let n)?: declared = n
            case .reference(let r)?: declared = length(r)
            default: break
            }
            var end: Int
            if let declared, declared >= 0, start + declared <= bytes.count, Self.endstream(in: bytes, at: start + declared) {
                end = start + declared
            } else {
                guard let found = Self.find("endstream", in: bytes, from: start) else { throw PDFSyntaxError(reason: "no endstream", offset: start) }
                end = found
                while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            }
            object = .stream(dictionary, data: start..<end)
            position = end
            skipWhite()
            if peekWord().elementsEqual("endstream".utf8) { position += 9 }
        }
        return (PDFReference(number: number, generation: generation), object)
    }

    private static func endstream(in bytes: [UInt8], at offset: Int) -> Bool {
        var i = offset
        while i < bytes.count, isWhite(bytes[i]) { i += 1 }
        return i + 9 <= bytes.count && bytes[i..<(i + 9)].elementsEqual("endstream".utf8)
    }

    static func find(_ word: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array(word.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// One direct object; `N G R` is read as a reference.
    mutating func parse(depth: Int) throws -> PDFObject {
        guard depth < Self.maximumDepth else { throw PDFSyntaxError(reason: "objects nested too deep", offset: position) }
        skipWhite()
        guard position < bytes.count else { throw PDFSyntaxError(reason: "unexpected end", offset: position) }
        let b = bytes[position]
        switch b {
        case 0x2F:  // /Name
            position += 1
            let word = peekWord()
            position += word.count
            return .name(Self.decodeName(word))
        case 0x28:  // (literal string)
            position += 1
            let start = position
            var nesting = 1
            while position < bytes.count {
                let c = bytes[position]
                if c == 0x5C {
                    position += 2
                    continue
                }
                if c == 0x28 { nesting += 1 }
                if c == 0x29 {
                    nesting -= 1
                    if nesting == 0 { break }
                }
                position += 1
            }
            guard position < bytes.count else { throw PDFSyntaxError(reason: "unterminated string", offset: start) }
            let value = Array(bytes[start..<position])
            position += 1
            return .string(value, hex: false)
        case 0x3C:
            if position + 1 < bytes.count, bytes[position + 1] == 0x3C {  // << dictionary >>
                position += 2
                var dictionary = PDFDictionary()
                while true {
                    skipWhite()
                    guard position + 1 < bytes.count else { throw PDFSyntaxError(reason: "unterminated dictionary", offset: position) }
                    if bytes[position] == 0x3E, bytes[position + 1] == 0x3E {
                        position += 2
                        return .dictionary(dictionary)
                    }
                    guard case .name(let key) = try parse(depth: depth + 1) else {
                        throw PDFSyntaxError(reason: "dictionary key is not a name", offset: position)
                    }
                    let value = try parse(depth: depth + 1)
                    guard dictionary.entries.count < Self.maximumItems else { throw PDFSyntaxError(reason: "dictionary too long", offset: position) }
                    dictionary.entries.append((key, value))
                }
            }
            position += 1  // <hex string>
            let start = position
            while position < bytes.count, bytes[position] != 0x3E { position += 1 }
            guard position < bytes.count else { throw PDFSyntaxError(reason: "unterminated hex string", offset: start) }
            let value = Array(bytes[start..<position])
            position += 1
            return .string(value, hex: true)
        case 0x5B:  // [ array ]
            position += 1
            var items: [PDFObject] = []
            while true {
                skipWhite()
                guard position < bytes.count else { throw PDFSyntaxError(reason: "unterminated array", offset: position) }
                if bytes[position] == 0x5D {
                    position += 1
                    return .array(items)
                }
                guard items.count < Self.maximumItems else { throw PDFSyntaxError(reason: "array too long", offset: position) }
                items.append(try parse(depth: depth + 1))
            }
        default:
            let word = peekWord()
            guard !word.isEmpty else { throw PDFSyntaxError(reason: "unexpected character", offset: position) }
            let text = String(decoding: word, as: UTF8.self)
            position += word.count
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: break
            }
            if let integer = Int(text) {
                // `N G R`: look ahead without committing.
                var ahead = self
                ahead.skipWhite()
                let second = ahead.peekWord()
                if let generation = Int(String(decoding: second, as: UTF8.self)), integer >= 0, generation >= 0 {
                    ahead.position += second.count
                    ahead.skipWhite()
                    if ahead.peekWord().elementsEqual("R".utf8) {
                        position = ahead.position + 1
                        return .reference(PDFReference(number: integer, generation: generation))
                    }
                }
                return .integer(integer)
            }
            if let real = Double(text), real.isFinite { return .real(real) }
            throw PDFSyntaxError(reason: "unknown word \(text.prefix(20))", offset: position)
        }
    }

    /// `/A#20B` is the name “A B”.
    static func decodeName(_ word: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var i = word.startIndex
        while i < word.endIndex {
            if word[i] == 0x23, i + 2 < word.endIndex, let value = UInt8(String(decoding: word[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(word[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension PDFObject {
    /// The object as PDF syntax. Strings are written back as they were read.
    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .integer(let i): out += Array(String(i).utf8)
        case .real(let r): out += Array(PDFObject.format(r).utf8)
        case .string(let bytes, let hex):
            out.append(hex ? 0x3C : 0x28)
            out += bytes
            out.append(hex ? 0x3E : 0x29)
        case .name(let n): out += Array(PDFObject.encodeName(n).utf8)
        case .array(let items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x20) }
                item.write(to: &out)
            }
            out.append(0x5D)
        case .dictionary(let d), .stream(let d, _):
            out += Array("<<".utf8)
            for (key, value) in d.entries {
                out += Array(PDFObject.encodeName(key).utf8)
                out.append(0x20)
                value.write(to: &out)
                out.append(0x0A)
            }
            out += Array(">>".utf8)
        case .reference(let r): out += Array("\(r.number) \(r.generation) R".utf8)
        }
    }

    static func format(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func encodeName(_ name: String) -> String {
        var out = "/"
        for byte in name.utf8 {
            if byte < 0x21 || byte > 0x7E || byte == 0x23 || PDFLexer.isDelimiter(byte) {
                out += "#" + String(format: "%02X", byte)
            } else {
                out.append(Character(Unicode.Scalar(byte)))
            }
        }
        return out
    }
}
