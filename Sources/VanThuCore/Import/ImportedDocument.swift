import Foundation

/// One row of an old register, read and checked, ready to be written with its own number.
struct ImportedDocument {
    var row: Int
    var kind: RegisterKind
    var number: Int
    var suffix: String
    var registerDate: LocalDate
    var organName: String
    var notation: DocumentNotation?
    var issuedDate: LocalDate?
    var type: DocumentType
    var subject: String
    var handler: String?
    var coHandlers: [String] = []
    var transferDate: LocalDate?
    var dueDate: LocalDate?
    var note: String?
    var urgency: Urgency?
    var pages: Int?
    var signer: Signer?
    var recipients: [String] = []
    var archiveCopy: String?
    var copies: Int?
    var voidReason: String?
    var voidedOn: String?
    var voidedBy: String?
}

/// Why a row was refused, in both languages.
struct RowProblem: Error {
    var reason: Bilingual
}

/// Reads the cells of one row into an ``ImportedDocument``.
struct ImportRowReader {
    let direction: Direction
    let columns: [Int: ImportField]
    private let columnList: [(Int, ImportField)]
    let organization: Organization
    let types: [DocumentType]
    let today: LocalDate
    let date1904: Bool
    /// Type names, folded, longest first, for splitting "Báo cáo Kết quả…".
    private let typeNames: [(words: Int, folded: String, type: DocumentType)]

    init(direction: Direction, columns: [Int: ImportField], organization: Organization, types: [DocumentType], today: LocalDate, date1904: Bool) {
        self.direction = direction
        self.columns = columns
        columnList = columns.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.organization = organization
        self.types = types
        self.today = today
        self.date1904 = date1904
        let preferred = types.filter { $0.style == organization.style } + types.filter { $0.style != organization.style }
        typeNames = preferred.map { (VietnameseText.fold($0.name).split(separator: " ").count, VietnameseText.fold($0.name), $0) }
            .sorted { $0.folded.count > $1.folded.count }
    }

    func label(_ vi: String, _ en: String) -> Bilingual { Bilingual(vi: vi, en: en) }

    func read(_ cells: [SourceTable.Cell], row: Int) throws -> ImportedDocument {
        // By field, in an array: a dictionary per row cost more than the rest of the reading.
        var values = [SourceTable.Cell?](repeating: nil, count: ImportField.allCases.count)
        for (index, field) in columnList where index < cells.count && cells[index] != .empty { values[field.position] = cells[index] }
        func cell(_ field: ImportField) -> SourceTable.Cell? { values[field.position] }
        func text(_ field: ImportField) throws -> String? {
            guard let raw = cell(field)?.text else { return nil }
            // A NUL would cut the text where SQLite or a C reader meets it, and U+FFFD is what
            // a decoder leaves of bytes that were not text: either way the row is not what the
            // clerk typed.
            if raw.utf8.contains(0) {
                throw RowProblem(
                    reason: label("\(field.heading) chứa ký tự NUL (tệp hỏng?)", "\(field.heading) holds a NUL character (damaged file?)"))
            }
            if raw.unicodeScalars.contains("\u{FFFD}") {
                throw RowProblem(
                    reason: label(
                        "\(field.heading) có byte không phải chữ (sai bảng mã? thử --encoding)",
                        "\(field.heading) holds bytes that are not text (wrong encoding? try --encoding)"))
            }
            do {
                return try InputLimits.text(raw, field.limitedAs)
            } catch let error as RegistryError {
                throw RowProblem(reason: Bilingual(vi: "\(field.heading): " + error.text.vi, en: "\(field.heading): " + error.text.en))
            }
        }
        func date(_ field: ImportField) throws -> LocalDate? {
            guard let cell = cell(field) else { return nil }
            guard let day = Self.date(cell, date1904: date1904) else {
                throw RowProblem(
                    reason: label("\(field.heading) “\(cell.text)” không phải ngày hợp lệ", "\(field.heading) “\(cell.text)” is not a valid date"))
            }
            guard day <= today else {
                throw RowProblem(reason: label("\(field.heading) \(day.vietnamese) sau hôm nay", "\(field.heading) \(day.vietnamese) is after today"))
            }
            return day
        }
        func count(_ field: ImportField) throws -> Int? {
            guard let cell = cell(field), let value = try text(field) else { return nil }
            guard let n = Int(value), n > 0 else {
                throw RowProblem(reason: label("\(field.heading) “\(cell.text)” không phải số", "\(field.heading) “\(cell.text)” is not a number"))
            }
            guard n <= InputLimits.count else {
                throw RowProblem(
                    reason: label(
                        "\(field.heading) \(n) quá lớn (tối đa \(InputLimits.count))",
                        "\(field.heading) \(n) is too large (at most \(InputLimits.count))"))
            }
            return n
        }

        // Voided rows, as vanthu prints them (RegisterCellText).
        var subjectText = try text(.typeAndSubject) ?? text(.subject)
        let voided = subjectText.flatMap(RegisterCellText.voided(inSubject:))
        let voidReason = voided?.reason
        // Stored text is the register's, in Vietnamese whatever language the clerk reads messages in.
        if let voided { subjectText = voided.subject ?? "(số đã hủy)" }
        var noteParts: [String] = []
        var urgency: Urgency?
        var voidedOn: String?
        var voidedBy: String?
        for part in (try text(.note) ?? "").components(separatedBy: RegisterCellText.noteSeparator) {
            let part = VietnameseText.trimmingSpaces(part)
            if part.isEmpty { continue }
            if urgency == nil, let u = try? Urgency(parsing: part) {
                urgency = u
                continue
            }
            if voidReason != nil, let void = RegisterCellText.parseVoidNote(part) {
                (voidedOn, voidedBy) = (void.day, void.by)
                continue
            }
            noteParts.append(part)
        }
        if let u = try text(.urgency) { urgency = try? Urgency(parsing: u) }

        var notation: DocumentNotation?
        if let raw = try text(.notation) {
            notation = DocumentNotation.parse(raw)
            if notation == nil, direction == .outgoing, let n = try text(.number) { notation = DocumentNotation.parse("\(n)/\(raw)") }
            if notation == nil { noteParts.insert("Số, ký hiệu: \(raw)", at: 0) }
        }

        let numberText: String?
        switch direction {
        case .incoming: numberText = try text(.number)
        case .outgoing: numberText = try text(.number) ?? notation?.number
        }
        guard let numberText else {
            throw RowProblem(
                reason: label("thiếu \(direction == .incoming ? "Số đến" : "Số, ký hiệu")", "no \(direction == .incoming ? "Số đến" : "Số, ký hiệu")")
            )
        }
        guard let (number, suffix) = Self.number(numberText) else {
            throw RowProblem(
                reason: label("Số “\(numberText)” không đọc được (cần dạng 791 hoặc 791a)", "number “\(numberText)” cannot be read (791 or 791a)"))
        }
        let registerDate: LocalDate
        switch direction {
        case .incoming:
            guard let arrival = try date(.arrivalDate) else { throw RowProblem(reason: label("thiếu Ngày đến", "no Ngày đến (arrival date)")) }
            registerDate = arrival
        case .outgoing:
            guard let issued = try date(.issuedDate) else { throw RowProblem(reason: label("thiếu Ngày tháng văn bản", "no document date")) }
            registerDate = issued
        }
        let issuer: String
        if direction == .incoming {
            guard let name = try text(.issuer) else { throw RowProblem(reason: label("thiếu Tác giả", "no Tác giả (issuer)")) }
            issuer = name
        } else {
            issuer = organization.name
        }
        guard let subjectText else { throw RowProblem(reason: label("thiếu Tên loại và trích yếu", "no type and summary")) }
        let (type, subject) = try split(subjectText, typeName: text(.typeName), notation: notation)

        var document = ImportedDocument(
            row: row, kind: direction == .incoming ? .incoming : .outgoing, number: number, suffix: suffix, registerDate: registerDate,
            organName: issuer, notation: notation, issuedDate: direction == .incoming ? try date(.issuedDate) : registerDate,
            type: type, subject: subject)
        if let handler = try text(.handler) {
            (document.handler, document.coHandlers) = RegisterCellText.parseHandler(handler)
        }
        document.transferDate = try date(.transferDate)
        if let due = cell(.dueDate) {
            guard let day = Self.date(due, date1904: date1904) else {
                throw RowProblem(reason: label("Hạn giải quyết “\(due.text)” không phải ngày hợp lệ", "due date “\(due.text)” is not a valid date"))
            }
            document.dueDate = day
        }
        document.note = noteParts.isEmpty ? nil : noteParts.joined(separator: "; ")
        document.urgency = urgency
        document.pages = try count(.pages)
        document.copies = try count(.copies)
        document.signer = try text(.signer).map(Self.signer)
        document.recipients = (try text(.recipients) ?? "").components(separatedBy: CharacterSet(charactersIn: ";\n"))
            .compactMap { VietnameseText.nonEmpty($0.trimmingCharacters(in: CharacterSet(charactersIn: " -–•.,"))) }
        document.archiveCopy = try text(.archiveCopy)
        document.voidReason = voidReason
        document.voidedOn = voidedOn
        document.voidedBy = voidedBy
        do {
            switch direction {
            case .incoming:
                try DocumentRules.checkIncoming(
                    arrival: registerDate, issued: document.issuedDate, transfer: document.transferDate, due: document.dueDate, today: today)
            case .outgoing:
                try DocumentRules.checkOutgoing(issued: registerDate, due: document.dueDate, today: today)
            }
        } catch let error as RegistryError {
            throw RowProblem(reason: error.text)
        }
        return document
    }

    /// The type and the summary: a leading type name ("Báo cáo Kết quả…"), else the Tên loại
    /// column, else the type code the ký hiệu carries, else công văn.
    private func split(_ text: String, typeName: String?, notation: DocumentNotation?) throws -> (DocumentType, String) {
        let folded = VietnameseText.fold(text)
        if typeName == nil {
            for candidate in typeNames where folded.hasPrefix(candidate.folded + " ") {
                let rest = Self.words(of: text, after: candidate.words)
                if !rest.isEmpty { return (candidate.type, rest) }
            }
        }
        let preferred = notation?.style ?? organization.style
        if let typeName {
            guard let type = try? DocumentType.find(typeName, in: types, preferred: preferred, onlyPreferred: false) else {
                throw RowProblem(reason: label("Tên loại “\(typeName)” không có trong bảng loại văn bản", "unknown document type “\(typeName)”"))
            }
            return (type, text)
        }
        if let code = notation?.typeCodeCandidate, let type = try? DocumentType.find(code, in: types, preferred: preferred, onlyPreferred: true) {
            return (type, text)
        }
        let congVan = try? DocumentType.find(DocumentType.congVanCode, in: types, preferred: preferred, onlyPreferred: true)
        guard let congVan else { throw RowProblem(reason: label("không xác định được tên loại văn bản", "the document type cannot be told")) }
        return (congVan, text)
    }

    /// The words of `text` after its first `count`, one space between each. Most cells are
    /// spaced that way already and give their remainder as it is: splitting every word and
    /// joining them again was 6.6 % of importing a 100,000-row register.
    static func words(of text: String, after count: Int) -> String {
        let pieces = text.split(separator: " ", maxSplits: count, omittingEmptySubsequences: true)
        guard pieces.count > count else { return "" }
        let rest = pieces[count].utf8
        // Two spaces in a row, or one at either end, are what a join would change.
        var previous = UInt8(ascii: " ")
        var singleSpaced = true
        for byte in rest {
            if byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ") {
                singleSpaced = false
                break
            }
            previous = byte
        }
        if singleSpaced && previous != UInt8(ascii: " ") { return String(pieces[count]) }
        return text.split(separator: " ", omittingEmptySubsequences: true).dropFirst(count).joined(separator: " ")
    }

    /// "791" → (791, ""), "791a" → (791, "a"), "Số 791" → (791, "").
    static func number(_ text: String) -> (Int, String)? {
        var digits = ""
        var suffix = ""
        for character in VietnameseText.trimmingSpaces(text) {
            if character.isASCII, character.isNumber, suffix.isEmpty {
                digits.append(character)
            } else if !digits.isEmpty, character.isLetter, character.isASCII {
                suffix.append(Character(character.lowercased()))
            } else if !digits.isEmpty {
                return nil
            } else if !(character.isLetter || character == ":" || character == " " || character == ".") {
                return nil
            }
        }
        guard let number = Int(digits), number > 0, number <= InputLimits.number, suffix.count <= 1 else { return nil }
        return (number, suffix)
    }

    /// An Excel serial date (1900 or 1904 system) or a date typed as text: 20/8/2021, 20-08-21,
    /// 2021-08-20, "ngày 20 tháng 8 năm 2021", "20/8/2021 10:30".
    static func date(_ cell: SourceTable.Cell, date1904: Bool) -> LocalDate? {
        switch cell {
        case .empty: return nil
        case .number(let serial):
            guard serial >= 1, serial < 2_958_466 else { return nil }
            // Day 0 is 1904-01-01 or 1899-12-30: 24,107 and 25,569 days before 1970-01-01.
            let day = LocalDate(dayNumber: (date1904 ? -24_107 : -25_569) + Int(serial))
            return LocalDate.validYears.contains(day.year) ? day : nil
        case .text(let raw):
            let text = VietnameseText.trimmingSpaces(raw)
            if let day = LocalDate.parse(text) { return day }
            if let first = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first, first.count < text.count,
                let day = LocalDate.parse(String(first))
            {
                return day
            }
            // "ngày 20 tháng 8 năm 2021", read as the intake reads a document's date line.
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.firstIndex(where: { $0.isASCII && $0.properties.numericType != nil }),
                ["", "ngay"].contains(VietnameseText.fold(String(String.UnicodeScalarView(scalars[..<first])))),
                let found = DateScanner.scan(scalars, from: first), found.end == scalars.count
            else { return nil }
            return found.date
        }
    }

    /// "PHÓ GIÁM ĐỐC Nguyễn Văn An": the words in capitals are the position, the rest the name.
    static func signer(_ text: String) -> Signer {
        let words = text.split(separator: " ")
        let capitals = words.prefix { word in
            word.contains(where: \.isLetter) && word.uppercased() == word || word == "KT." || word == "TL." || word == "TUQ."
        }
        guard !capitals.isEmpty, capitals.count < words.count else { return Signer(fullName: text) }
        return Signer(position: capitals.joined(separator: " "), fullName: words.dropFirst(capitals.count).joined(separator: " "))
    }
}
