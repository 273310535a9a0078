public import Foundation
public import VanThuCore

/// The file format of an export.
public enum ExportFormat: String, CaseIterable, Sendable {
    case xlsx, csv, json, pdf
}

/// What to export, for which period, and where.
public struct ExportRequest: Sendable {
    /// `incoming`, `outgoing` or `tracking`: the layout in `exports/`.
    public var layout: String
    public var period: RegisterPeriod
    public var output: String
    public var format: ExportFormat
    public var overwrite: Bool
    /// The secret registers instead of the ordinary ones; they never mix.
    public var secret: Bool
    /// A page break before each new month.
    public var breakMonthly: Bool
    /// PDF: the margin on the bound side, in millimetres.
    public var bindingMargin: Double
    /// The volume (quyển số) of a book kept in several; nil for a book of one volume.
    public var volume: Int?
    /// Printing the book to close it: its closing block goes on the last page.
    public var closing: RegisterClosing?
    /// Called with the finished file and its page count before it takes its place; what it
    /// throws leaves no file (closing a book records the PDF's hash here).
    public var afterWriting: (@Sendable (String, Int?) throws -> Void)?

    public init(
        layout: String, period: RegisterPeriod, output: String, format: ExportFormat = .xlsx, overwrite: Bool = false, secret: Bool = false,
        breakMonthly: Bool = false, bindingMargin: Double = 25, volume: Int? = nil
    ) {
        self.volume = volume
        self.bindingMargin = bindingMargin
        self.layout = layout
        self.period = period
        self.output = output
        self.format = format
        self.overwrite = overwrite
        self.secret = secret
        self.breakMonthly = breakMonthly
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    public var path: String
    public var rows: Int
    public var register: String
    /// The register's pages in a PDF (the cover not counted).
    public var pages: Int?
}

/// Writes a statutory register (ND30 Phụ lục IV) for a period: a cover sheet and the register
/// sheet with the legal columns, print-ready; or the same rows as CSV or JSON.
///
/// The file is written under a temporary name beside the output and renamed into place, so a
/// failure never leaves a half-written file.
public enum RegisterExporter {
    /// The binding margins a PDF book can take, in millimetres: room to bind, and room left for the columns.
    public static let bindingMargins: ClosedRange<Double> = 10...60

    public static func export(_ request: ExportRequest, from registry: Registry) throws -> ExportSummary {
        guard request.bindingMargin.isFinite, bindingMargins.contains(request.bindingMargin) else {
            throw RegistryError.invalidValue(
                field: .bindingMargin, value: "\(request.bindingMargin)",
                allowed: ["\(Int(bindingMargins.lowerBound))–\(Int(bindingMargins.upperBound)) mm"])
        }
        let layout = try RegisterLayout.builtin(request.layout)
        let kinds: [RegisterKind] =
            switch (layout.register, request.secret) {
            case ("outgoing", false), ("postal", false): [.outgoing]
            case ("outgoing", true), ("postal", true): [.secretOutgoing]
            case (_, false): [.incoming]
            case (_, true): [.secretIncoming]
            }
        let title = request.secret ? layout.secretTitle : layout.title
        var registers = try RegisterService(registry).registers(kinds: kinds, overlapping: request.period)
        let isPostal = layout.register == "postal"
        if let volume = request.volume, !isPostal {
            registers = registers.filter { $0.volume == volume }
            guard !registers.isEmpty else { throw BookError.noBook(kind: kinds[0], year: request.period.start.year, volume: volume) }
        } else if registers.count > 1, !isPostal, Set(registers.map(\.end)).count == 1 {
            throw ExportError.severalVolumes(book: registers[0].title, volumes: registers.map(\.volume))
        }
        guard registers.count <= 1 || isPostal else { throw ExportError.crossesSeries(registers: registers.map(\.title)) }
        // A numbered book is one register's (one volume's) documents.
        let book = isPostal ? nil : registers.first
        let extent =
            isPostal
            ? try DispatchService(registry).dispatchExtent(via: .post, in: request.period)
            : try RegisterService(registry).extent(kinds: kinds, in: request.period, register: book)
        let register = registers.first ?? Register(id: 0, kind: kinds[0], start: request.period.start, end: request.period.end)
        guard extent.count > 0, isPostal || !registers.isEmpty else {
            throw ExportError.emptyPeriod(register: title.capitalizedSentence, start: request.period.start, end: request.period.end)
        }
        var context = SheetContext(
            organization: try SetupService(registry).organization(), layout: layout, title: title, register: register, extent: extent,
            request: request,
            journalHead: try JournalService(registry).journalHead(), today: registry.context.today)
        if layout.isNumberedBook, let book {
            context.seriesRanges = try RegisterService(registry).ranges(of: book, in: request.period)
            // A closed book's block ends the whole book's printout, not a month's.
            let wholeBook = request.period.start <= book.start && request.period.end >= book.end
            context.closing = try request.closing ?? (wholeBook ? RegisterService(registry).closing(of: book) : nil)
        }
        var pages: Int?
        try AtomicOutput.write(to: request.output, overwrite: request.overwrite, protecting: registry.protectedPaths) { temporary in
            if isPostal {
                pages = try write(request.format, context: context, to: temporary) { body in
                    try DispatchService(registry).forEachDispatch(via: .post, in: request.period) { try body($0) }
                }
            } else if layout.isNumberedBook {
                // Column (8) of the outgoing book, Ngày chuyển: the day it first went out, from the dispatch records.
                let sent = layout.register == "outgoing" ? try DispatchService(registry).firstDispatchDays(kinds: kinds, in: request.period) : [:]
                let corrections = try book.map { try RegisterService(registry).annotations(of: $0) } ?? [:]
                pages = try write(request.format, context: context, to: temporary) { body in
                    try BookRow.rows(
                        of: registry, kinds: kinds, in: request.period, register: book, expected: extent.count, firstSent: sent,
                        corrections: corrections, body)
                }
            } else {
                pages = try write(request.format, context: context, to: temporary) { body in
                    try RegisterService(registry).forEachDocument(kinds: kinds, in: request.period, register: book, expected: extent.count) {
                        try body($0)
                    }
                }
            }
            try request.afterWriting?(temporary, pages)
        }
        let output = URL(fileURLWithPath: request.output)
        let volume = register.volume > 1 || request.volume != nil ? ", quyển số \(register.volume)" : ""
        return ExportSummary(path: output.path, rows: extent.count, register: "\(title) \(register.start.year)\(volume)", pages: pages)
    }
}

extension RegisterExporter {
    /// Returns the PDF's page count.
    private static func write<Entry: RegisterEntry>(
        _ format: ExportFormat, context: SheetContext, to path: String, rows: RegisterRows<Entry>
    ) throws
        -> Int?
    {
        switch format {
        case .xlsx: try XLSXRegisterWriter(context: context).write(to: path, rows: rows)
        case .csv: try TextRegisterWriter.csv(context, to: path, rows: rows)
        case .json: try TextRegisterWriter.json(context, to: path, rows: rows)
        case .pdf: return try PDFRegisterWriter(context: context).write(to: path, rows: rows)
        }
        return nil
    }
}

/// A row of a register: a document, or a copy sent (Sổ gửi văn bản đi bưu điện).
protocol RegisterEntry {
    func value(of field: RegisterField) -> CellValue
    /// The date that places the row in a month, for page breaks.
    var entryDate: LocalDate { get }
    var compactJSON: String { get }
}

/// Where a register's rows come from: calls its argument once per row, in order.
typealias RegisterRows<Entry> = ((Entry) throws -> Void) throws -> Void

extension Document: RegisterEntry {
    func value(of field: RegisterField) -> CellValue { field.value(for: self) }
    var entryDate: LocalDate { registerDate }
}

/// A row of a numbered book (Sổ đăng ký văn bản đến, đi): a document, with the day it first went
/// out for the outgoing book's column (8); or a number the series skipped, which a register kept
/// before vanthu may have (vanthu never skips one), so that every number has its row.
enum BookRow: RegisterEntry {
    /// `corrections`: what was written after the book was closed (đính chính), printed in its Ghi chú.
    case document(Document, firstSent: LocalDate?, corrections: [RegisterAnnotation] = [])
    /// `first…last` missing, after a document of `day`.
    case missing(first: Int, last: Int, day: LocalDate)

    static let missingText = RegisterCellText.missingNumber
    /// A gap longer than this is one row for the whole range (a hand-edited number could leave millions).
    static let rowPerNumberUpTo = 200

    func value(of field: RegisterField) -> CellValue {
        switch self {
        case .document(let document, let firstSent, let corrections):
            if field == .transferDate, document.direction == .outgoing { return firstSent.map(CellValue.date) ?? .empty }
            if field == .note, !corrections.isEmpty {
                let note = document.value(of: field).text
                return .text(([note].filter { !$0.isEmpty } + corrections.map(\.printed)).joined(separator: "\n"))
            }
            return document.value(of: field)
        case .missing(let first, let last, _):
            switch field {
            case .number: return first == last ? .number(first) : .text("\(first)–\(last)")
            case .fullNotation: return .text(first == last ? "\(first)" : "\(first)–\(last)")
            case .typeAndSubject: return .text(Self.missingText)
            default: return .empty
            }
        }
    }

    var entryDate: LocalDate {
        switch self {
        case .document(let document, _, _): document.registerDate
        case .missing(_, _, let day): day
        }
    }

    var compactJSON: String {
        switch self {
        case .document(let document, _, _): document.compactJSON
        case .missing(let first, let last, _): "{\"missing\":{\"first\":\(first),\"last\":\(last)},\"note\":\"\(Self.missingText)\"}"
        }
    }

    /// The book's rows in order: its documents, and a row for each number skipped between two
    /// of the same series (a book with a series per type interleaves its series).
    static func rows(
        of registry: Registry, kinds: [RegisterKind], in period: RegisterPeriod, register: Register?, expected: Int,
        firstSent: [Int64: LocalDate], corrections: [Int64: [RegisterAnnotation]], _ body: (BookRow) throws -> Void
    ) throws {
        var previous: [String: Document] = [:]
        try RegisterService(registry).forEachDocument(kinds: kinds, in: period, register: register, expected: expected) { document in
            let series = "\(document.registerId)|\(document.seriesKey)"
            if let previous = previous[series], document.number > previous.number + 1 {
                let gap = (previous.number + 1)...(document.number - 1)
                if gap.count <= rowPerNumberUpTo {
                    for number in gap { try body(.missing(first: number, last: number, day: previous.registerDate)) }
                } else {
                    try body(.missing(first: gap.lowerBound, last: gap.upperBound, day: previous.registerDate))
                }
            }
            try body(.document(document, firstSent: firstSent[document.id], corrections: corrections[document.id] ?? []))
            previous[series] = document
        }
    }
}

extension DispatchRecord: RegisterEntry {
    func value(of field: RegisterField) -> CellValue { field.value(for: self) }
    var entryDate: LocalDate { day }
}

/// A file written under a temporary name beside its place and renamed into it, so a failure
/// never leaves a half-written file, and an existing file is replaced only when asked.
enum AtomicOutput {
    static func write(to path: String, overwrite: Bool, protecting: ProtectedPaths, _ body: (String) throws -> Void) throws {
        try protecting.check(path)
        let output = URL(fileURLWithPath: path)
        let folder = output.deletingLastPathComponent()
        try OutputFile.requireFolder(folder.path)
        if FileManager.default.fileExists(atPath: output.path), !overwrite { throw ExportError.outputExists(path: output.path) }
        let temporary = folder.appendingPathComponent(".\(output.lastPathComponent).partial-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try body(temporary)
        guard rename(temporary, output.path) == 0 else {
            throw ExportError.cannotWrite(path: output.path, reason: FileWriting.reason(errno: errno))
        }
    }
}

/// Bytes a front end writes out (a stamped copy, an edXML envelope or reply), the way every
/// export is written: atomically, into a folder that exists, never over the database.
public enum OutputFile {
    /// Writes `data` to `path`; an existing file only with `overwrite`.
    public static func write(_ data: Data, to path: String, overwrite: Bool, protecting: ProtectedPaths) throws {
        try AtomicOutput.write(to: path, overwrite: overwrite, protecting: protecting) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o644]) else {
                throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(errno: errno))
            }
        }
    }

    /// Refuses a folder that does not exist (or is a file), with the clerk's message naming
    /// the option that chose it.
    public static func requireFolder(_ path: String, option: String = "-o") throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError.folderMissing(path: path, option: option)
        }
    }
}

/// Everything a writer needs besides the rows.
struct SheetContext {
    var organization: Organization
    var layout: RegisterLayout
    var title: String
    var register: Register
    var extent: RegisterExtent
    var request: ExportRequest
    /// The journal's last entry when the register was printed (an anchor for `journal verify --expect`).
    var journalHead: (id: Int64, hash: String)?
    /// A closed book's closing (or the one being made): its block ends the register.
    var closing: RegisterClosing?
    /// The day of printing (`VANTHU_TODAY` honoured).
    var today: LocalDate
    /// A numbered book's series with their numbers (several in a book with a series per type).
    var seriesRanges: [RegisterClosing.Range] = []
}

extension String {
    /// "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" → "Sổ đăng ký văn bản đến".
    var capitalizedSentence: String {
        let lower = lowercased()
        guard let first = lower.first else { return self }
        return String(first).uppercased() + lower.dropFirst()
    }
}
