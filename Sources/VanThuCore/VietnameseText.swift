import Foundation

/// Text normalisation for Vietnamese input: NFC, spaces, and a folded form for matching.
public enum VietnameseText {
    /// NFC, no-break and zero-width spaces removed or made plain, runs of white space folded,
    /// trimmed; control characters (C0, DEL, C1) and bidirectional overrides dropped, so no
    /// stored text can move a terminal's cursor, set its clipboard (OSC 52) or reorder a line.
    public static func clean(_ text: String) -> String {
        var copy = text
        switch copy.withUTF8(spacing) {
        case .clean: return text
        case .asciiSpaces: return collapsingASCIISpaces(copy)
        case .other: break
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed(text).unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:  // zero-width
                continue
            case _ where isInvisibleControl(scalar.value):
                continue
            case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// What `clean` has to do to a text, read from its bytes: most text needs nothing, or only
    /// its ASCII white space folded, and is spared the scalar-by-scalar rebuild.
    private enum Spacing { case clean, asciiSpaces, other }

    private static func spacing(_ bytes: UnsafeBufferPointer<UInt8>) -> Spacing {
        let n = bytes.count
        guard n > 0 else { return .clean }
        guard isSurelyNFC(bytes) else { return .other }
        var result = Spacing.clean
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 { result = .asciiSpaces }
        var i = 0
        while i < n {
            let byte = bytes[i]
            let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            switch byte {
            case 0x09, 0x0A, 0x0D: result = .asciiSpaces
            case 0x20 where b1 == 0x20: result = .asciiSpaces
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return .other  // control characters
            case 0xC2 where b1 == 0xA0 || (0x80...0x9F).contains(b1): return .other  // no-break space, C1 controls
            case 0xE2:
                // Typographic, zero-width and other spaces: U+2000…200F, 2028, 2029, 202F, 205F, 2060;
                // bidirectional embeddings and overrides U+202A…202E, isolates U+2066…2069.
                let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
                if b1 == 0x80 && ((0x80...0x8F).contains(b2) || (0xA8...0xAF).contains(b2)) { return .other }
                if b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0 || (0xA6...0xA9).contains(b2)) { return .other }
            default: break
            }
            i += 1
        }
        return result
    }

    /// Tabs, line breaks and runs of spaces folded to one space, ends trimmed.
    private static func collapsingASCIISpaces(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pending = !out.isEmpty
            } else {
                if pending { out.append(0x20) }
                pending = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// NFC, skipping the costly normalisation for text that is surely composed already.
    public static func composed(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Lower case, no tone or vowel marks, đ→d: `Đảng ủy` → `dang uy`. Works on NFC or NFD input.
    public static func fold(_ text: String) -> String {
        foldClean(clean(text))
    }

    /// `fold` for text already clean (NFC, single spaces): one word of a cleaned line.
    public static func foldClean<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if let base = foldedLetters[value] ?? latinLookalikes[value] {
                out.append(Unicode.Scalar(base))
            } else if !(0x0300...0x036F).contains(value) {
                out.append(
                    contentsOf: String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                        !(0x0300...0x036F).contains($0.value)
                    })
            }
        }
        return String(out)
    }

    /// Every Vietnamese letter with marks, in both cases, mapped to its lower-case base letter:
    /// Ế → e, ư → u, Đ → d. Written out, because building it from Unicode decompositions at start-up
    /// costs every command several milliseconds.
    private static let foldedLetters: [UInt32: UInt8] = {
        let groups: [(Character, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"),
            ("o", "òóỏõọôồốổỗộơờớởỡợ"), ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"), ("d", "đ"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (base, letters) in groups {
            guard let ascii = base.asciiValue else { continue }
            for scalar in (letters + letters.uppercased()).unicodeScalars { table[scalar.value] = ascii }
        }
        return table
    }()

    /// Cyrillic and Greek letters that print like Latin ones, folded to them, so that an issuer
    /// typed (or pasted) with a Cyrillic "у" still meets the duplicate guard and the search.
    private static let latinLookalikes: [UInt32: UInt8] = {
        let pairs: [(String, String)] = [
            ("аеорсухікмнтвјѕԁ", "aeopcyxikmhtbjsd"), ("АЕОРСУХІКМНТВЈЅ", "aeopcyxikmhtbjs"),
            ("αεοκνρτυχιμ", "aeoknptuxim"), ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (from, to) in pairs {
            for (scalar, ascii) in zip(from.unicodeScalars, to.utf8) { table[scalar.value] = ascii }
        }
        return table
    }()

    /// True when the text has only scalars that NFC leaves as they are: ASCII and Latin letters,
    /// the precomposed Vietnamese letters, and common punctuation. Saves the costly normalisation
    /// for the text that needs it.
    static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isSurelyNFC)
    }

    /// Reads the UTF-8 bytes: lead bytes C0–CB are U+0000–U+02FF; E1 B8–BB is U+1E00–U+1EFF;
    /// E2 80–81 is U+2000–U+207F. Anything else takes the slow road.
    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
            } else if byte >= 0xC0 && byte <= 0xCB {
                i += 2
            } else if byte == 0xE1 || byte == 0xE2 {
                guard i + 1 < n else { return false }
                let next = bytes[i + 1]
                if byte == 0xE1 ? !(0xB8...0xBB).contains(next) : (next != 0x80 && next != 0x81) { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// C0 and C1 controls but the white space ones, DEL, and the marks and overrides that
    /// change the direction of text (U+061C, U+200E–200F, U+202A–202E, U+2066–2069).
    public static func isInvisibleControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// False when the UTF-8 bytes surely hold no control character, carriage return or
    /// direction mark (``isInvisibleControl(_:)``): a byte scan, no copy.
    public static func mayHoldControls(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHoldControls)
    }

    /// `mayHoldControls` of UTF-8 bytes: eight at a time, each word that holds a byte under
    /// 0x20 (a line break or a tab too), 0x7F, or the first byte of a C1 control (0xC2), of
    /// U+061C (0xD8) or of a direction mark (0xE2) looked at byte by byte. Every line vanthu
    /// prints passes here: the byte loop alone read `overdue --json`'s 67 MB in 126–150 ms,
    /// the words in 61–70 ms (8.7 MB of its table: 11–14 ms -> 3.2–3.6 ms).
    public static func mayHoldControls(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if wordHasByte(under: 0x20, word) || wordHasByte(0x7F, word) || wordHasByte(0xC2, word) || wordHasByte(0xD8, word)
                || wordHasByte(0xE2, word)
            {
                for j in i..<(i + 8) where isControlStart(bytes, at: j) { return true }
            }
            i += 8
        }
        while i < n {
            if isControlStart(bytes, at: i) { return true }
            i += 1
        }
        return false
    }

    /// Whether a control character, carriage return or direction mark starts at `bytes[i]`.
    private static func isControlStart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = bytes.count
        switch bytes[i] {
        case 0x00...0x08, 0x0B...0x1F, 0x7F: return true
        case 0xC2 where i + 1 < n && (0x80...0x9F).contains(bytes[i + 1]): return true
        case 0xD8 where i + 1 < n && bytes[i + 1] == 0x9C: return true  // U+061C
        case 0xE2 where i + 2 < n:
            let (b1, b2) = (bytes[i + 1], bytes[i + 2])
            if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2)) { return true }
            if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
            return false
        default: return false
        }
    }

    /// Whether a byte of `word` is under `limit` (at most 0x80): never false when one is (a
    /// borrow may make it true when none is; the bytes are looked at then).
    @inline(__always) private static func wordHasByte(under limit: UInt8, _ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether a byte of `word` is `byte`, exactly.
    @inline(__always) private static func wordHasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        wordHasByte(under: 1, word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Text of several lines (a document's full text) with its line breaks and tabs kept and
    /// every other control character and direction override dropped, NFC.
    public static func withoutControls(_ text: String) -> String {
        let composed = composed(text)
        guard composed.unicodeScalars.contains(where: { isInvisibleControl($0.value) || $0 == "\u{0B}" || $0 == "\u{0C}" }) else { return composed }
        var out = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars where !isInvisibleControl(scalar.value) {
            out.append(scalar == "\u{0B}" || scalar == "\u{0C}" ? "\n" : scalar)
        }
        return String(out)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, returning the text itself when it starts and
    /// ends with a visible ASCII character: Foundation's trimming goes through NSString, 9 % of
    /// importing a 100,000-row register, which trims every cell of every row.
    static func trimmingSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return text }
        // Nothing to trim when neither end is a space as `.whitespaces` means it (general
        // category Zs, and the tab): most Vietnamese cells end on a letter outside ASCII
        // (“Sở Nội vụ”), and Foundation's trimming was 4 % of importing a register.
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } ?? false
        }
        if !text.isEmpty, !isSpace(text.unicodeScalars.first), !isSpace(text.unicodeScalars.last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `clean` that returns nil for empty text.
    public static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Whether `text` holds a line feed, looked for by `memchr` in its bytes: `text.utf8.contains`
    /// walked them one by one through the generic sequence (4.6 % of `overdue` on the
    /// backlog's 45,661 lines, each of its 7 cells asked).
    public static func holdsLineFeed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(start, 0x0A, bytes.count) != nil
        }
    }

    /// The width of `text` in terminal columns, counting characters (combining marks take none).
    /// Text that is surely NFC (nearly all of it) has one character per scalar, counted from
    /// the bytes; anything else is counted by grapheme.
    public static func width(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            isSurelyNFC(bytes) ? bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } : nil
        } ?? text.count
    }

    /// The first `count` characters of `text`: `String(text.prefix(count))`, cut on the bytes when
    /// every scalar is its own character (surely NFC, and neither a carriage return, which joins
    /// the line feed after it, nor a zero-width joiner or non-joiner, which join the character
    /// before). Grapheme breaking was 9 % of a follow-up list of 45,000 rows, each summary cut.
    public static func prefix(_ text: String, characters count: Int) -> String {
        guard count > 0 else { return "" }
        var text = text
        let cut: Int? = text.withUTF8 { bytes in
            guard isSurelyNFC(bytes) else { return nil }
            var scalars = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0D { return nil }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8C || bytes[index + 2] == 0x8D {
                    return nil
                }
                guard byte & 0xC0 != 0x80 else { continue }
                if scalars == count { return index }
                scalars += 1
            }
            return bytes.count
        }
        guard let cut else { return String(text.prefix(count)) }
        return cut == text.utf8.count ? text : String(decoding: text.utf8.prefix(cut), as: UTF8.self)
    }
}
