/// A PDF file's structure: its cross-reference (classic tables and cross-reference streams,
/// with their `/Prev` chain), its trailer, and its objects looked up on demand, from the file or
/// from object streams. Only what an incremental update needs; text and pages are poppler's job.
struct PDFFile {
    enum Entry {
        case offset(Int, generation: Int)
        case compressed(stream: Int, index: Int)
    }

    /// A decoded stream is refused past this (a compression bomb).
    static let maximumDecodedBytes = 64 << 20
    static let maximumSections = 512
    /// More objects than this is not a document (a hostile cross-reference).
    static let maximumObjects = 8_000_000

    let bytes: [UInt8]
    private(set) var entries: [Int: Entry] = [:]
    /// The newest trailer (for a cross-reference stream, its dictionary).
    private(set) var trailer = PDFDictionary()
    /// Where the newest cross-reference section starts (`startxref`).
    let lastCrossReference: Int
    /// The newest section is a cross-reference stream, so an update writes one too.
    private(set) var usesCrossReferenceStream = false

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard let start = Self.startxref(bytes) else { throw PDFSyntaxError(reason: "no startxref", offset: bytes.count) }
        lastCrossReference = start
        var next: Int? = start
        var seen = Set<Int>()
        var first = true
        while let offset = next, seen.insert(offset).inserted {
            guard seen.count <= Self.maximumSections, offset >= 0, offset < bytes.count else {
                throw PDFSyntaxError(reason: "bad cross-reference offset", offset: offset)
            }
            let section = try readSection(at: offset)
            if first {
                trailer = section.trailer
                usesCrossReferenceStream = section.isStream
                first = false
            }
            // A hybrid file's classic trailer names a cross-reference stream for the newer objects.
            if let hybrid = section.trailer["XRefStm"]?.integer, seen.insert(hybrid).inserted, hybrid >= 0, hybrid < bytes.count {
                _ = try readSection(at: hybrid)
            }
            next = section.trailer["Prev"]?.integer
        }
    }

    /// The offset after the last `startxref` of the file.
    private static func startxref(_ bytes: [UInt8]) -> Int? {
        let needle = Array("startxref".utf8)
        var i = bytes.count - needle.count
        let floor = max(0, bytes.count - 4096)
        while i >= floor {
            if bytes[i] == 0x73, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                var lexer = PDFLexer(bytes, at: i + needle.count)
                lexer.skipWhite()
                return Int(String(decoding: lexer.peekWord(), as: UTF8.self))
            }
            i -= 1
        }
        return nil
    }

    private mutating func readSection(at offset: Int) throws -> (trailer: PDFDictionary, isStream: Bool) {
        var lexer = PDFLexer(bytes, at: offset)
        lexer.skipWhite()
        if lexer.peekWord().elementsEqual("xref".utf8) {
            lexer.position += 4
            while true {
                lexer.skipWhite()
                if lexer.peekWord().elementsEqual("trailer".utf8) {
                    lexer.position += 7
                    guard case .dictionary(let trailer) = try lexer.parse(depth: 0) else {
                        throw PDFSyntaxError(reason: "trailer is not a dictionary", offset: lexer.position)
                    }
                    return (trailer, false)
                }
                guard let first = Int(String(decoding: lexer.peekWord(), as: UTF8.self)) else {
                    throw PDFSyntaxError(reason: "bad cross-reference subsection", offset: lexer.position)
                }
                lexer.position += lexer.peekWord().count
                lexer.skipWhite()
                guard let count = Int(String(decoding: lexer.peekWord(), as: UTF8.self)), count >= 0, count <= Self.maximumObjects, first >= 0,
                    first <= Self.maximumObjects
                else {
                    throw PDFSyntaxError(reason: "bad cross-reference count", offset: lexer.position)
                }
                lexer.position += lexer.peekWord().count
                for number in first..<(first + count) {
                    var words: [String] = []
                    for _ in 0..<3 {
                        lexer.skipWhite()
                        let word = lexer.peekWord()
                        guard !word.isEmpty else { throw PDFSyntaxError(reason: "short cross-reference entry", offset: lexer.position) }
                        words.append(String(decoding: word, as: UTF8.self))
                        lexer.position += word.count
                    }
                    guard let at = Int(words[0]), let generation = Int(words[1]) else {
                        throw PDFSyntaxError(reason: "bad cross-reference entry", offset: lexer.position)
                    }
                    if words[2] == "n", entries[number] == nil { entries[number] = .offset(at, generation: generation) }
                }
            }
        }
        // A cross-reference stream.
        let (_, object) = try lexer.indirectObject(length: { self.directLength($0) })
        guard case .stream(let dictionary, _) = object, dictionary["Type"]?.name == "XRef" else {
            throw PDFSyntaxError(reason: "startxref points at neither a table nor a cross-reference stream", offset: offset)
        }
        let data = try decodedData(object)
        guard let widths = dictionary["W"]?.array?.compactMap(\.integer), widths.count == 3, widths.allSatisfy({ $0 >= 0 && $0 <= 8 }) else {
            throw PDFSyntaxError(reason: "bad /W", offset: offset)
        }
        let size = dictionary["Size"]?.integer ?? 0
        let index = dictionary["Index"]?.array?.compactMap(\.integer) ?? [0, size]
        let rowLength = widths.reduce(0, +)
        guard rowLength > 0 else { throw PDFSyntaxError(reason: "bad /W", offset: offset) }
        var row = 0
        for pair in stride(from: 0, to: index.count - 1, by: 2) {
            let (first, count) = (index[pair], index[pair + 1])
            guard first >= 0, first <= Self.maximumObjects, count >= 0, count <= Self.maximumObjects else {
                throw PDFSyntaxError(reason: "bad /Index", offset: offset)
            }
            for number in first..<(first + count) {
                let start = row * rowLength
                guard start + rowLength <= data.count else { break }
                var fields: [Int] = []
                var at = start
                for width in widths {
                    var value = 0
                    for _ in 0..<width {
                        value = value << 8 | Int(data[at])
                        at += 1
                    }
                    fields.append(value)
                }
                let type = widths[0] == 0 ? 1 : fields[0]
                if entries[number] == nil {
                    if type == 1 { entries[number] = .offset(fields[1], generation: fields[2]) }
                    if type == 2 { entries[number] = .compressed(stream: fields[1], index: fields[2]) }
                }
                row += 1
            }
        }
        return (dictionary, true)
    }

    /// An indirect `/Length` written as a plain number in the file (never from an object stream).
    private func directLength(_ reference: PDFReference) -> Int? {
        guard case .offset(let at, _)? = entries[reference.number], at >= 0, at < bytes.count else { return nil }
        var lexer = PDFLexer(bytes, at: at)
        return (try? lexer.indirectObject())?.1.integer
    }

    /// The object with this number; `.null` when the file has none (as the standard says).
    func object(_ reference: PDFReference) throws -> PDFObject {
        switch entries[reference.number] {
        case .offset(let at, _)?:
            guard at >= 0, at < bytes.count else { throw PDFSyntaxError(reason: "object offset outside the file", offset: at) }
            var lexer = PDFLexer(bytes, at: at)
            return try lexer.indirectObject(length: { self.directLength($0) }).1
        case .compressed(let stream, let index)?:
            guard case .offset? = entries[stream] else { throw PDFSyntaxError(reason: "object stream not found", offset: 0) }
            let container = try object(PDFReference(number: stream, generation: 0))
            guard let dictionary = container.dictionary, let count = dictionary["N"]?.integer, let first = dictionary["First"]?.integer,
                index >= 0, index < count
            else { throw PDFSyntaxError(reason: "bad object stream", offset: 0) }
            let data = try decodedData(container)
            var header = PDFLexer(data)
            var offsets: [Int] = []
            for _ in 0..<min(count, index + 1) {
                _ = try header.parse(depth: 0)
                guard let offset = try header.parse(depth: 0).integer else { throw PDFSyntaxError(reason: "bad object stream header", offset: 0) }
                offsets.append(offset)
            }
            guard let offset = offsets.last, first + offset < data.count, first + offset >= 0 else {
                throw PDFSyntaxError(reason: "bad object stream offset", offset: 0)
            }
            var lexer = PDFLexer(data, at: first + offset)
            return try lexer.parse(depth: 0)
        case nil:
            return .null
        }
    }

    /// `object` itself, or what it refers to.
    func resolve(_ object: PDFObject?) throws -> PDFObject {
        guard let object else { return .null }
        if case .reference(let reference) = object { return try self.object(reference) }
        return object
    }

    /// A stream's data with its filters undone: FlateDecode (with PNG predictors) only; other
    /// filters are not needed to read a file's structure.
    func decodedData(_ stream: PDFObject) throws -> [UInt8] {
        guard case .stream(let dictionary, let range) = stream, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw PDFSyntaxError(reason: "not a stream", offset: 0)
        }
        let raw = bytes[range]
        let filters = try resolve(dictionary["Filter"])
        let names = filters.array?.compactMap(\.name) ?? (filters.name.map { [$0] } ?? [])
        guard !names.isEmpty else { return Array(raw) }
        guard names == ["FlateDecode"] || names == ["Fl"] else {
            throw PDFSyntaxError(reason: "unsupported filter \(names)", offset: range.lowerBound)
        }
        guard var data = Inflate.inflate(raw, limit: Self.maximumDecodedBytes) else {
            throw PDFSyntaxError(reason: "stream does not inflate", offset: range.lowerBound)
        }
        let parameters = try resolve(dictionary["DecodeParms"]).dictionary
        if let predictor = parameters?["Predictor"]?.integer, predictor >= 10 {
            let columns = max(1, parameters?["Columns"]?.integer ?? 1)
            data = try Self.unpredict(data, columns: columns)
        }
        return data
    }

    /// Undoes the PNG predictors (each row starts with its filter type byte).
    private static func unpredict(_ data: [UInt8], columns: Int) throws -> [UInt8] {
        guard columns <= 1 << 16 else { throw PDFSyntaxError(reason: "bad predictor columns", offset: 0) }
        var out: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: columns)
        var i = 0
        while i + columns + 1 <= data.count {
            let type = data[i]
            var row = Array(data[(i + 1)...(i + columns)])
            for c in 0..<columns {
                let left = c > 0 ? Int(row[c - 1]) : 0
                let up = Int(previous[c])
                let upLeft = c > 0 ? Int(previous[c - 1]) : 0
                let add: Int
                switch type {
                case 0: add = 0
                case 1: add = left
                case 2: add = up
                case 3: add = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: throw PDFSyntaxError(reason: "bad PNG predictor", offset: i)
                }
                row[c] = UInt8((Int(row[c]) + add) & 0xFF)
            }
            out += row
            previous = row
            i += columns + 1
        }
        return out
    }

    /// The first page: its reference, its dictionary, and the attributes it inherits (Resources,
    /// MediaBox, CropBox, Rotate) resolved from its ancestors.
    func firstPage() throws -> (reference: PDFReference, page: PDFDictionary, inherited: PDFDictionary) {
        let root = try resolve(trailer["Root"])
        guard var nodeReference = root.dictionary?["Pages"]?.reference else { throw PDFSyntaxError(reason: "no /Pages", offset: 0) }
        var inherited = PDFDictionary()
        for _ in 0..<64 {
            guard let node = try object(nodeReference).dictionary else {
                throw PDFSyntaxError(reason: "page tree node is not a dictionary", offset: 0)
            }
            for key in ["Resources", "MediaBox", "CropBox", "Rotate"] where node[key] != nil { inherited[key] = node[key] }
            if node["Type"]?.name == "Page" || node["Kids"] == nil { return (nodeReference, node, inherited) }
            guard let kid = try resolve(node["Kids"]).array?.first?.reference else { throw PDFSyntaxError(reason: "empty page tree", offset: 0) }
            nodeReference = kid
        }
        throw PDFSyntaxError(reason: "page tree too deep", offset: 0)
    }
}
