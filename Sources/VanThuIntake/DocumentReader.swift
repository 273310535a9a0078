public import Foundation
import VanThuCore

/// Reads a document's text (from an e-mail, a portal, a PDF's text layer, an OCR) and proposes
/// its registry metadata: issuing body, số and ký hiệu, place and date, type and trích yếu,
/// urgency and secrecy, Nơi nhận, signer, a ĐẾN stamp already on it, and the documents it cites.
///
/// Works for state (ND30) and Party (HD36) layouts. Any input is accepted: what cannot be read is
/// left out, and the time taken grows with the text's length only.
public enum DocumentReader {
    /// Reads a file's bytes (UTF-8, or UTF-16 with a BOM).
    public static func read(data: Data) -> IntakeResult {
        read(text(of: data))
    }

    /// A file's bytes as text: UTF-8 with or without BOM, UTF-16 with a BOM; bad bytes become U+FFFD.
    public static func text(of data: Data) -> String { SourceText.decode(data) }

    public static func read(_ text: String) -> IntakeResult {
        let source = SourceText(text)
        var reader = Pass(lines: source.lines)
        return reader.run(hasPartyAsterisk: source.hasPartyAsterisk)
    }

    /// One reading of one document: which lines the header fields took, and what was found.
    struct Pass {
        let lines: [TextLine]
        /// Lines a field was read from (header, title, marks, stamp).
        var taken: Set<Int> = []
        /// Lines that are not running text: the stamp, the number and the place-date line.
        var fieldLines: Set<Int> = []
        /// Title words that were on the type line itself.
        var pendingTitle: String?
        var result = IntakeResult()

        init(lines: [TextLine]) { self.lines = lines }

        /// The header is searched up to the first line of running text.
        var headEnd: Int {
            let limit = min(lines.count, SourceText.headLineLimit)
            return lines[0..<limit].firstIndex(where: { $0.text.utf8.count > 320 }) ?? limit
        }

        mutating func run(hasPartyAsterisk: Bool) -> IntakeResult {
            let headEnd = self.headEnd
            if let stamp = IncomingStampReader.read(lines, before: min(lines.count, SourceText.headLineLimit)) {
                result.incomingStamp = stamp.stamp
                taken.formUnion(stamp.lines)
                fieldLines.formUnion(stamp.lines)
            }
            let numberLine = readNumber(before: headEnd)
            let dateLine = readPlaceDate(before: headEnd)
            readMarks(before: headEnd)
            let typeLine = readType(before: headEnd)
            let anchors = [numberLine, dateLine, typeLine].compactMap { $0 }
            if let top = anchors.min() { readOrgans(above: top) }
            let titleEnd =
                if let typeLine { readTitle(after: typeLine) } else {
                    readCongVanSubject(after: numberLine ?? dateLine, before: headEnd) ?? 0
                }
            let footer = FooterReader.read(lines, from: max(titleEnd, anchors.max() ?? 0))
            result.toPlaces = footer.recipients
            result.archiveCopy = footer.archiveCopy
            result.signers = footer.signers
            result.style = detectStyle(hasPartyAsterisk: hasPartyAsterisk, signerCapacity: result.signer?.capacity)
            if let name = result.typeName, result.typeCode == nil {
                result.typeCode = TypeNames.code(forName: name, style: result.style, printedCode: printedTypeCode)
            } else if result.typeName == nil, let code = printedTypeCode, TypeNames.isKnownCode(code, style: result.style) {
                result.typeCode = code
            }
            var scanner = CitationScanner(excluding: result.notation)
            for index in 0..<footer.start where !fieldLines.contains(index) { scanner.scan(lines[index].text) }
            result.references = scanner.citations
            return result
        }

        var printedTypeCode: String? { result.notation?.typeCodeCandidate }

        /// Marks a line as a header field that is not running text (no citation is read from it).
        mutating func takeField(_ index: Int) {
            taken.insert(index)
            fieldLines.insert(index)
        }

        // MARK: Số and ký hiệu

        /// `Số: 899/STTTT-TTBCBC`, `Số 12-BC/TU`; or a line that is only a notation.
        mutating func readNumber(before end: Int) -> Int? {
            for index in 0..<end where !taken.contains(index) {
                guard let lead = lines[index].text.utf8.first, lead == UInt8(ascii: "S") || lead == UInt8(ascii: "s") else { continue }
                let scalars = Array(lines[index].text.unicodeScalars)
                guard let start = Pass.numberStart(scalars), let found = NotationScanner.scan(scalars, from: start) else { continue }
                result.notation = found.notation
                result.normalizedNotation = NotationScanner.normalized(found.notation)
                takeField(index)
                return index
            }
            for index in 0..<min(end, 20) where !taken.contains(index) {
                if let lead = lines[index].text.utf8.first, lead >= 0x30 && lead <= 0x39,
                    let notation = DocumentNotation.parse(lines[index].text), notation.typeCodeCandidate != nil
                {
                    result.notation = notation
                    takeField(index)
                    return index
                }
            }
            return nil
        }

        /// Where the digits start after a "Số", "Số:" or "SỐ" that begins the line.
        static func numberStart(_ s: [Unicode.Scalar]) -> Int? {
            guard s.count >= 3, s[0] == "S" || s[0] == "s" else { return nil }
            let o = s[1].value
            // ố, Ố, ô, o, O and their decompositions already folded by NFC.
            guard [0x1ED1, 0x1ED0, 0xF4, 0xD4, 0x6F, 0x4F].contains(o) else { return nil }
            var i = 2
            while i < s.count, s[i] == " " || s[i] == ":" || s[i] == "." { i += 1 }
            return i < s.count && NotationScanner.isDigit(s[i]) ? i : nil
        }

        // MARK: Place and date

        /// `Kon Tum, ngày 29 tháng 10 năm 2020`, or a line starting with `ngày …`.
        mutating func readPlaceDate(before end: Int) -> Int? {
            for index in 0..<end where !taken.contains(index) {
                let text = lines[index].text
                guard text.utf8.count <= 120, let range = Pass.dayWord(in: text) else { continue }
                let prefix = text[text.startIndex..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                guard prefix.isEmpty || prefix.hasSuffix(",") else { continue }
                let scalars = Array(text[range.upperBound...].unicodeScalars)
                // The date ends the line; a sentence that goes on is running text.
                guard let found = DateScanner.scan(scalars, from: 0), scalars.count - found.end <= 2 else { continue }
                let place = String(prefix.dropLast()).trimmingCharacters(in: .whitespaces)
                guard place.count <= 40, !place.contains(where: \.isNumber) else { continue }
                result.place = place.isEmpty ? nil : place
                result.issuedDate = found.date
                takeField(index)
                return index
            }
            return nil
        }

        /// Where "ngày " or "Ngày " is in `text`, found on the UTF-8 bytes.
        static func dayWord(in text: String) -> Range<String.Index>? {
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                if byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") {
                    let rest = utf8[index...]
                    if rest.starts(with: "ngày ".utf8) || rest.starts(with: "Ngày ".utf8) {
                        return index..<utf8.index(index, offsetBy: "ngày ".utf8.count)
                    }
                }
                index = utf8.index(after: index)
            }
            return nil
        }

        // MARK: Urgency and secrecy

        mutating func readMarks(before end: Int) {
            for index in 0..<end where !taken.contains(index) && lines[index].text.utf8.count <= 24 && lines[index].isUpperCase {
                let folded = lines[index].folded.filter(\.isLetter)
                switch folded {
                case "khan": result.urgency = result.urgency ?? .khan
                case "thuongkhan": result.urgency = result.urgency ?? .thuongKhan
                case "hoatoc", "hoatochengio": result.urgency = result.urgency ?? .hoaToc
                case "mat": result.secrecy = result.secrecy ?? .mat
                case "toimat": result.secrecy = result.secrecy ?? .toiMat
                case "tuyetmat": result.secrecy = result.secrecy ?? .tuyetMat
                default: continue
                }
                taken.insert(index)
            }
        }

        // MARK: Type and title

        /// The type name in capitals on a line of its own (`BÁO CÁO`), or before the title's
        /// first words (`QUYẾT ĐỊNH Về việc …`).
        mutating func readType(before end: Int) -> Int? {
            for index in 0..<min(end, 40) where !taken.contains(index) {
                let line = lines[index]
                guard line.text.utf8.count <= 200, let first = line.text.first, first.isUppercase else { continue }
                let words = line.words
                let folded = words.prefix(TypeNames.maxWords + 1).map { VietnameseText.foldClean($0) }
                for count in stride(from: min(TypeNames.maxWords, words.count), through: 1, by: -1) {
                    guard TypeNames.name(folded: folded[0..<count]) != nil,
                        TextLine.isUpperCase(words[0..<count].joined(separator: " "))
                    else { continue }
                    let rest = words[count...]
                    // "QUYẾT ĐỊNH:" enacts; "BÁO CÁO TÓM TẮT" is not a bare type name.
                    if line.text.hasSuffix(":") { break }
                    if let next = rest.first, TextLine.isUpperCase(next + "X") { break }
                    result.typeName = words[0..<count].joined(separator: " ")
                    taken.insert(index)
                    if !rest.isEmpty { pendingTitle = rest.joined(separator: " ") }
                    return index
                }
            }
            return nil
        }

        /// The trích yếu under the type name: the first line, then lines that continue it.
        /// Returns the index after the title.
        mutating func readTitle(after typeLine: Int) -> Int {
            var parts: [String] = pendingTitle.map { [$0] } ?? []
            var length = parts.first?.count ?? 0
            var index = typeLine + 1
            var firstUpper = false
            while index < lines.count, length < 500 {
                if taken.contains(index) {
                    index += 1
                    continue
                }
                let line = lines[index]
                if line.isRule || Pass.startsBody(line.text) { break }
                if parts.isEmpty {
                    firstUpper = line.isUpperCase
                } else if !(line.startsLowerCase || line.text.first?.isNumber == true
                    || firstUpper && line.isUpperCase && !Pass.isAuthorityLine(line)
                    || Pass.wraps(line, after: parts[parts.count - 1]))
                {
                    break
                }
                if VietnameseText.foldClean(line.text).hasPrefix("noi nhan") { break }
                parts.append(line.text)
                length += line.text.count
                takeField(index)
                index += 1
            }
            result.subject = parts.isEmpty ? nil : parts.joined(separator: " ")
            return index
        }

        /// A công văn: `V/v …` (or `Về việc …`) under the number, with its continuation lines.
        mutating func readCongVanSubject(after anchor: Int?, before end: Int) -> Int? {
            let from = anchor.map { max(0, $0 - 2) } ?? 0
            for index in from..<min(end, from + 8) where !taken.contains(index) {
                let text = lines[index].text
                guard let marker = ["V/v", "V/V", "V.v ", "Về việc "].first(where: text.hasPrefix) else { continue }
                var parts = [String(text.dropFirst(marker.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :."))]
                takeField(index)
                var next = index + 1
                while next < lines.count, parts.count < 4 {
                    let line = lines[next]
                    if taken.contains(next) {
                        next += 1
                        continue
                    }
                    guard line.startsLowerCase || Pass.wraps(line, after: parts[parts.count - 1]) && !Pass.startsBody(line.text),
                        line.text.utf8.count < 160
                    else { break }
                    parts.append(line.text)
                    takeField(next)
                    next += 1
                }
                result.subject = parts.filter { !$0.isEmpty }.joined(separator: " ")
                if result.subject?.isEmpty ?? true { result.subject = nil }
                result.typeName = "CÔNG VĂN"
                result.typeCode = DocumentType.congVanCode
                return next
            }
            return nil
        }

        /// Whether `line`, which starts with a capital, goes on the title line `previous`: the
        /// title's last word leaves it open, or the line is a short one right under it (no blank
        /// line between) and the title has not ended a sentence (`… tổ chức` / `Đại hội Thi đua …`).
        static func wraps(_ line: TextLine, after previous: String) -> Bool {
            guard !line.isUpperCase else { return false }
            if leavesOpen(previous) { return true }
            guard !line.blankBefore, line.text.count <= 90, let end = previous.last else { return false }
            return !".;:!?".contains(end)
        }

        /// A title line that cannot end there: its last word joins it to the next line, which may
        /// begin with a capital (`… cho` / `Trường Cao đẳng …`, `… dự thảo` / `Luật Công chứng`).
        static func leavesOpen(_ text: String) -> Bool {
            guard let last = text.split(separator: " ").last, let end = last.last, end.isLetter else { return false }
            return openingWords.contains(VietnameseText.foldClean(last))
        }

        /// Words after which a title goes on, folded.
        private static let openingWords: Set<String> = [
            "cho", "cua", "ve", "va", "tai", "voi", "tren", "thuoc", "thao", "hien", "khai", "theo", "tu", "den",
            "giua", "trong", "vao", "cac", "nhung", "so", "hoac", "doi", "hanh",
        ]

        /// Words that open the body of a document rather than continue its title.
        static func startsBody(_ text: String) -> Bool {
            for opening in ["Căn cứ", "Thực hiện", "Theo ", "Kính gửi", "Xét ", "Điều 1", "Phần I", "Thừa lệnh", "I.", "I-", "1.", "1-"]
            where text.hasPrefix(opening) {
                return true
            }
            return false
        }

        /// `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM`: who issues a decision, between its title and body.
        static func isAuthorityLine(_ line: TextLine) -> Bool {
            let folded = line.folded
            return [
                "chu tich", "giam doc", "bo truong", "thu truong", "truong ", "ban thuong vu", "ban chap hanh",
                "bo chinh tri", "ban bi thu", "uy ban", "hoi dong", "thu tuong", "chinh phu", "quoc hoi", "hieu truong",
                "vien truong", "cuc truong", "tong cuc truong", "ubnd",
            ]
            .contains { folded.hasPrefix($0) }
        }

        // MARK: Issuing body

        /// The body's name in capitals above the number (or the date, or the type), and the
        /// body above it; a name wrapped over two lines is joined.
        mutating func readOrgans(above anchor: Int) {
            var names: [String] = []
            var index = anchor - 1
            var seen = 0
            while index >= 0, seen < 6, names.count < 3 {
                defer {
                    index -= 1
                    seen += 1
                }
                let line = lines[index]
                if taken.contains(index) || line.isRule { continue }
                // A joint body's names run long: "BỘ NỘI VỤ - BỘ TÀI CHÍNH - … - BỘ CÔNG AN".
                guard line.isUpperCase, line.text.utf8.count <= 320, !line.text.hasSuffix(":") else { break }
                names.insert(line.text, at: 0)
            }
            // "ỦY BAN NHÂN DÂN" over "TỈNH KON TUM" is one name.
            var joined: [String] = []
            for name in names {
                if let last = joined.last, Pass.continuesName(upper: last, lower: name) {
                    joined[joined.count - 1] = last + " " + name
                } else {
                    joined.append(name)
                }
            }
            result.organName = joined.last
            result.parentOrganName = joined.count >= 2 ? joined[joined.count - 2] : nil
        }

        static func continuesName(upper: String, lower: String) -> Bool {
            let upperFolded = VietnameseText.foldClean(upper)
            let lowerWords = VietnameseText.foldClean(lower).split(separator: " ")
            if upperFolded.hasSuffix(" va") || upperFolded.hasSuffix(" cua") || upperFolded.hasSuffix(",") || lowerWords.first == "va" {
                return true
            }
            // "BẢO HIỂM XÃ HỘI" / "VIỆT NAM", "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM": one national body.
            if lowerWords == ["viet", "nam"] { return true }
            let units = ["tinh", "thanh", "huyen", "quan", "xa", "phuong", "thi"]
            let upperHasPlace = upperFolded.split(separator: " ").contains { units.contains(String($0)) }
            guard !upperHasPlace, let first = lowerWords.first, units.contains(String(first)) else { return false }
            return lowerWords.count > 1 && lowerWords[1] != "uy"
        }

        // MARK: Style

        func detectStyle(hasPartyAsterisk: Bool, signerCapacity: String?) -> DocumentStyle? {
            if let notation = result.notation { return notation.style }
            if hasPartyAsterisk { return .party }
            if let capacity = signerCapacity {
                if capacity.hasPrefix("T/") || capacity.hasPrefix("K/") { return .party }
                if capacity.contains(".") { return .state }
            }
            return nil
        }
    }
}
