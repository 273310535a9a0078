import Foundation
import VanThuCore

/// A form or report as it prints on A4: the blocks ``PDFFormWriter`` lays out down the pages.
/// Each form's writer builds one from the same lines and cells its workbook shows, so the PDF
/// and the XLSX say the same thing.
struct PrintedForm {
    enum Style {
        case plain, bold, italic
        /// The form's name (PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN): larger, bold, centred.
        case title
    }

    struct Column {
        var heading: String
        /// Relative: the columns share the page's width in these proportions.
        var width: Double
        var centered = false
    }

    enum Row {
        case cells([String])
        /// A đề mục written across the whole row, bold.
        case span(String)
        /// The "Tổng cộng" row, bold.
        case total([String])
    }

    struct Table {
        var columns: [Column]
        var rows: [Row]
        /// The row of column numbers (1), (2), … under the headings, as ND30's forms print it.
        var numbered = false
        var fontSize = 12.0
    }

    enum Block {
        /// The agency on the left and, when `motto`, the Quốc hiệu (or the Party's name) on the
        /// right, with the place and date under it (ND30 Phụ lục I; HD 36).
        case header(Organization, date: LocalDate?, motto: Bool)
        case line(String, Style, PDFCanvas.Alignment = .left)
        case table(Table)
        /// Signature blocks side by side: each a title (bold), a hint (italic), room to sign and
        /// the signer's name when known.
        case signatures([(title: String, hint: String, name: String)])
        case space(Double)
        /// A second form in the same file (the Biên bản after its Mục lục): a new page of its
        /// own orientation, its pages numbered on their own.
        case newForm(landscape: Bool)
    }

    var title: String
    var author: String
    /// The first form's orientation.
    var landscape: Bool
    var blocks: [Block]
}

/// Where a form or report goes, by the output's extension: a workbook (`.xlsx`) or the PDF a
/// clerk prints (`.pdf`); written atomically like every export.
enum FormOutput {
    static let extensions = ["xlsx", "pdf"]

    static func write(
        to path: String, overwrite: Bool, protecting: ProtectedPaths, printed: () throws -> PrintedForm, workbook fill: (Workbook) throws -> Void
    ) throws {
        // The database, its companions and anything not a plain file are named as such first.
        try protecting.check(path)
        let ext = (path as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else { throw ExportError.unsupportedOutput(path: path, allowed: extensions) }
        try AtomicOutput.write(to: path, overwrite: overwrite, protecting: protecting) { temporary in
            if ext == "pdf" {
                try PDFFormWriter(form: try printed()).write(to: temporary)
                return
            }
            let workbook = try Workbook(path: temporary, constantMemory: false)
            do {
                try fill(workbook)
                try workbook.close()
            } catch {
                try? workbook.close()
                throw error
            }
        }
    }
}
