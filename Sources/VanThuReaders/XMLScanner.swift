/// A small pull reader for the XML inside XLSX files: start and end tags with their
/// attributes, and text with entities decoded. Namespace prefixes are dropped (`x:c` is `c`).
/// No DTDs; comments, processing instructions and CDATA are skipped or read as text.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: Attributes, selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// A tag's attributes in order: a few pairs, searched in place (no dictionary per tag).
    struct Attributes {
        var pairs: [(String, String)] = []

        subscript(name: String) -> String? { pairs.first { $0.0 == name }?.1 }
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Event? {
        while index < bytes.count {
            if bytes[index] != 0x3C {  // text up to the next "<"
                let start = index
                while index < bytes.count, bytes[index] != 0x3C { index += 1 }
                return .text(Self.decodeEntities(bytes[start..<index]))
            }
            // "<"
            guard index + 1 < bytes.count else { return nil }
            let next = bytes[index + 1]
            if next == 0x21 {  // <!-- --> or <![CDATA[ ]]> or <!DOCTYPE>
                if Self.matches(bytes, index, "<![CDATA[") {
                    let start = index + 9
                    var end = start
                    while end + 2 < bytes.count, !(bytes[end] == 0x5D && bytes[end + 1] == 0x5D && bytes[end + 2] == 0x3E) { end += 1 }
                    index = min(bytes.count, end + 3)
                    return .text(String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self))
                }
                let closing: [UInt8] = Self.matches(bytes, index, "<!--") ? [0x2D, 0x2D, 0x3E] : [0x3E]
                index += 2
                while index < bytes.count, !Self.matches(bytes, index, closing) { index += 1 }
                index += closing.count
                continue
            }
            if next == 0x3F {  // <? ... ?>
                while index + 1 < bytes.count, !(bytes[index] == 0x3F && bytes[index + 1] == 0x3E) { index += 1 }
                index += 2
                continue
            }
            let isEnd = next == 0x2F
            index += isEnd ? 2 : 1
            let nameStart = index
            while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != 0x3E, bytes[index] != 0x2F { index += 1 }
            let name = localName(nameStart, index)
            var attributes = Attributes()
            var selfClosing = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x3E {
                    index += 1
                    break
                }
                if byte == 0x2F {
                    selfClosing = true
                    index += 1
                    continue
                }
                if Self.isSpace(byte) {
                    index += 1
                    continue
                }
                let keyStart = index
                while index < bytes.count, bytes[index] != 0x3D, !Self.isSpace(bytes[index]), bytes[index] != 0x3E { index += 1 }
                let key = localName(keyStart, index)
                while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x27, bytes[index] != 0x3E { index += 1 }
                guard index < bytes.count, bytes[index] != 0x3E else { continue }
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                attributes.pairs.append((key, Self.decodeEntities(bytes[valueStart..<min(index, bytes.count)])))
                index += 1
            }
            return isEnd ? .end(name: name) : .start(name: name, attributes: attributes, selfClosing: selfClosing)
        }
        return nil
    }

    /// A tag or attribute name without its namespace prefix.
    private func localName(_ start: Int, _ end: Int) -> String {
        var from = start
        for i in start..<end where bytes[i] == 0x3A { from = i + 1 }
        return String(decoding: bytes[from..<end], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func matches(_ bytes: [UInt8], _ at: Int, _ literal: String) -> Bool { matches(bytes, at, Array(literal.utf8)) }

    private static func matches(_ bytes: [UInt8], _ at: Int, _ literal: [UInt8]) -> Bool {
        guard at + literal.count <= bytes.count else { return false }
        for (offset, byte) in literal.enumerated() where bytes[at + offset] != byte { return false }
        return true
    }

    /// Text with `&amp; &lt; &gt; &quot; &apos; &#N; &#xH;` decoded; `_xHHHH_` escapes (Excel's
    /// way of writing control characters) are left as they are.
    static func decodeEntities(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        while i < slice.endIndex {
            let byte = slice[i]
            guard byte == 0x26, let semicolon = slice[i...].prefix(12).firstIndex(of: 0x3B) else {
                out.append(byte)
                i += 1
                continue
            }
            let entity = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(scalar).utf8))
                i = semicolon + 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
