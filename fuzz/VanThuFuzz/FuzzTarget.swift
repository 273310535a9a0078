import Foundation
import VanThuCore
import VanThuIntake
import VanThuPDF
import VanThuReaders

/// One parser of clerk input, given arbitrary bytes. A crash, a trap or a broken property is a
/// finding; a refusal with an error is the expected answer to garbage.
enum FuzzTarget: String, CaseIterable {
    case dates, notation, intake, csv, xlsx, mapping, sheet, csvquote, pdfoverlay, signatures, document

    /// `VANTHU_FUZZ_TARGET`, else the folder a replayed file sits in.
    static func named(_ name: String?) -> FuzzTarget? { name.flatMap(FuzzTarget.init(rawValue:)) }

    func run(_ data: Data) {
        switch self {
        case .dates: Self.dates(String(decoding: data, as: UTF8.self))
        case .notation: Self.notation(String(decoding: data, as: UTF8.self))
        case .intake: _ = DocumentReader.read(data: data)
        case .csv: Self.importTable(CSVTable(data: data).map { SourceTable(name: "fuzz.csv", csv: $0) })
        case .xlsx: Self.xlsx(data)
        case .mapping: _ = Self.clerkFacing { try ImportMapping(mappingFile: String(decoding: data, as: UTF8.self)) }
        case .sheet: Self.sheet(data)
        case .csvquote: Self.csvQuoting(String(decoding: data, as: UTF8.self))
        case .pdfoverlay: Self.overlay(data)
        case .signatures: _ = DocumentFile.signatures(of: data, trustedRoots: [])
        case .document: Self.document(data)
        }
    }

    /// vanthu's own PDF structure reader and updater (the ĐẾN stamp): any file is refused or
    /// updated, and an update always keeps the original as its prefix.
    private static func overlay(_ data: Data) {
        do {
            let updated = try PDFOverlay.apply(Self.stamp, onto: data, x: 10, y: 10)
            guard updated.starts(with: data) else { fatalError("the update rewrote the original's bytes") }
        } catch is PDFOverlay.Refusal {
        } catch {
            fatalError("an error that is not a refusal: \(error)")
        }
    }

    /// A one-page PDF standing in for the rendered stamp.
    static let stamp: Data = {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        let content = "0 0 10 10 re S"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 141 99] /Resources << >> /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 5\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        out += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }()

    /// An electronic document read by content (poppler, the DOCX reader); OCR is switched off
    /// (no model), so a page without text is a quick refusal, not seconds of Tesseract.
    private static func document(_ data: Data) {
        setenv("TESSDATA_PREFIX", "/nonexistent", 1)
        _ = clerkFacing { try DocumentFile.content(of: data, path: "fuzz") }
    }

    /// A worksheet's XML straight into the sheet reader (no zip around it): references past
    /// Excel's grid, rows out of order, shared-string indices out of range must be refused or
    /// read, never trap or allocate without bound.
    private static func sheet(_ data: Data) {
        let table = clerkFacing {
            try XLSXReader.table(sheetXML: [UInt8](data), name: "fuzz", sharedStrings: ["Ngày đến", "Số đến", "Tác giả"], path: "fuzz.xlsx")
        }
        guard let table else { return }
        guard table.rows.count <= 1_048_576, table.rows.allSatisfy({ $0.count <= 256 }) else {
            fatalError("a sheet of \(table.rows.count) rows came out of \(data.count) bytes")
        }
        importTable(table)
    }

    /// The CSV reader's promises: every row has its line, lines go forward, no field is longer
    /// than Excel's cell, and what vanthu's CSV writer writes reads back as it was.
    private static func csvQuoting(_ text: String) {
        let table = CSVTable(text: text)
        guard table.lines.count == table.rows.count, zip(table.lines, table.lines.dropFirst()).allSatisfy({ $0 < $1 }),
            table.problems.keys.allSatisfy({ $0 < table.rows.count }),
            table.rows.allSatisfy({ $0.allSatisfy { $0.unicodeScalars.count <= CSVTable.maximumFieldLength } })
        else { fatalError("CSV structure broken for \(text.debugDescription.prefix(200))") }
        // Rows as vanthu writes them (quoted, formulas neutralised) read back unchanged, unless
        // the reader itself flags a row (a cell whose lines look like rows is refused, not guessed).
        let rows = table.rows.filter { !($0.count == 1 && $0[0].isEmpty) }
        guard !rows.isEmpty else { return }
        let written = rows.map { $0.map(CSVSafety.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let again = CSVTable(text: written)
        guard again.problems.isEmpty else { return }
        let read = again.rows.map { $0.map(CSVSafety.unneutralised) }
        guard read == rows else {
            let first = zip(rows, read).first { $0 != $1 }.map {
                "\($0.0.map(\.unicodeScalars).map { Array($0) }) → \($0.1.map(\.unicodeScalars).map { Array($0) })"
            }
            fatalError("CSV round trip: \(rows.count) rows came back as \(read.count); first difference: \(first ?? "none")")
        }
    }

    /// A date read from text reads back the same from its ISO form.
    private static func dates(_ text: String) {
        if let date = clerkFacing({ try LocalDate(parsing: text) }) {
            guard (try? LocalDate(parsing: date.iso)) == date else { fatalError("date \(text) → \(date.iso) does not read back") }
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let (date, end) = DateScanner.scan(scalars, from: index) {
                guard end > index, end <= scalars.count, date.month >= 1, date.month <= 12 else { fatalError("scan at \(index) ended at \(end)") }
            }
            index += 1
        }
    }

    /// A notation parsed from text parses the same from its printed form.
    private static func notation(_ text: String) {
        guard let notation = DocumentNotation.parse(text) else { return }
        guard DocumentNotation.parse(notation.numberLine)?.comparisonKey == notation.comparisonKey else {
            fatalError("notation \(text) → \(notation.numberLine) does not read back")
        }
    }

    private static func xlsx(_ data: Data) {
        guard let reader = clerkFacing({ try XLSXReader(data: data, path: "fuzz.xlsx") }) else { return }
        for sheet in reader.sheets { importTable(clerkFacing { try reader.table(sheet) }) }
    }

    /// Garbage may be refused, but only with a message a clerk can read: any other error would
    /// reach the terminal as a Swift dump.
    private static func clerkFacing<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch is any ClerkFacingError {
            return nil
        } catch {
            fatalError("an error without a clerk's message: \(error)")
        }
    }

    /// The whole import, as a dry run into a real (temporary) register: rows read, checked
    /// against the numbers already there, rolled back.
    private static func importTable(_ table: SourceTable?) {
        guard let table, let registry = FuzzRegistry.shared else { return }
        for direction in Direction.allCases {
            var options = ImportOptions(direction: direction)
            options.dryRun = true
            _ = clerkFacing { try ImportService(registry).importRegister(table, file: "fuzz", sha256: "", options: options) }
        }
    }
}

/// A register for the import target, made once per process in a temporary folder.
enum FuzzRegistry {
    nonisolated(unsafe) static let shared: Registry? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("fuzz.sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", style: .state)
        return try? Registry.create(
            at: path, organization: organization, context: RegistryContext(user: "fuzz", today: LocalDate(year: 2021, month: 12, day: 31)))
    }()
}
