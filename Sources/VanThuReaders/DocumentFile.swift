public import Foundation
public import VanThuCore

/// The bounds every electronic document is read within; the manual states them.
public enum DocumentLimits {
    /// A PDF with more pages is refused before any page is read.
    public static let maximumPages = 2000
    /// Pages without a text layer OCR'd in one file; later ones are left unread, and the result says so.
    public static let maximumOCRPages = 20
    /// Tesseract's deadline for one page.
    public static let ocrMillisecondsPerPage = 30_000
    /// A page is rendered for OCR at this resolution (ND30 Phụ lục I asks scans for at least 200 dpi).
    public static let ocrDPI = 300.0
    /// A render never exceeds this many pixels (a page declared kilometres wide is rendered coarser).
    public static let maximumRenderPixels = 40_000_000
    /// A page with fewer letters than this in its text layer is taken as a scan.
    static let textLayerLetters = 20
}

/// What was read from an electronic document.
public struct DocumentContent: Sendable, Equatable {
    public enum Format: String, Sendable, Encodable {
        case pdf, docx, text
    }

    public var format: Format
    /// The text in reading order; nil for a plain-text file (text intake decodes it itself).
    public var text: String?
    /// A PDF's page count.
    public var pages: Int?
    /// The pages (from 1) read by OCR, having no text layer.
    public var ocrPages: [Int] = []
    /// Pages with no text layer left unread (past ``DocumentLimits/maximumOCRPages``).
    public var unreadPages: [Int] = []
    /// Every signature of a PDF, checked.
    public var signatures: [SignatureCheck] = []
}

/// Reads a document by its content, not its name: a PDF (text layer through poppler, scanned
/// pages through Tesseract, signatures through OpenSSL), a Word file (DOCX), or plain text.
public enum DocumentFile {
    /// `path` names the file in messages; `trustedRoots` are DER certificates (`vanthu trust`).
    public static func content(of data: Data, path: String, trustedRoots: [Data] = []) throws -> DocumentContent {
        let head = data.prefix(1024)
        if head.range(of: Data("%PDF-".utf8)) != nil {
            return try pdf(data, path: path, trustedRoots: trustedRoots)
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return DocumentContent(format: .docx, text: try DOCXText.text(data, path: path))
        }
        if looksBinary(head) { throw DocumentFileError.unsupported(path: path) }
        return DocumentContent(format: .text, text: nil)
    }

    /// Only the signatures of a PDF (no text read): what `vanthu verify-signature` and a stored
    /// original's check need.
    public static func signatures(of data: Data, trustedRoots: [Data]) -> [SignatureCheck] {
        PDFSignatures.check(data, trustedRoots: trustedRoots)
    }

    private static func pdf(_ data: Data, path: String, trustedRoots: [Data]) throws -> DocumentContent {
        let pdf = try PDFText(data: data, path: path)
        var content = DocumentContent(format: .pdf, text: nil, pages: pdf.pageCount)
        var pages: [String] = []
        var model: String?
        for index in 0..<pdf.pageCount {
            let fragments = pdf.fragments(page: index)
            let letters = fragments.reduce(0) { $0 + $1.text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count }
            if letters >= DocumentLimits.textLayerLetters {
                let runs = fragments.map { PageLayout.Run(text: $0.text, minX: $0.minX, maxX: $0.maxX, minY: $0.minY, maxY: $0.maxY) }
                pages.append(PageLayout.text(of: runs, pageWidth: pdf.size(page: index).width))
                continue
            }
            guard content.ocrPages.count < DocumentLimits.maximumOCRPages else {
                content.unreadPages.append(index + 1)
                continue
            }
            if model == nil, OCR.isAvailable { model = OCR.modelFolder() }
            guard let model else { throw DocumentFileError.ocrUnavailable(path: path, page: index + 1) }
            guard let image = pdf.grayImage(page: index, dpi: DocumentLimits.ocrDPI),
                let runs = OCR.lines(
                    pixels: image.pixels, width: image.width, height: image.height, dpi: image.dpi,
                    milliseconds: DocumentLimits.ocrMillisecondsPerPage, model: model)
            else { throw DocumentFileError.ocrFailed(path: path, page: index + 1) }
            pages.append(PageLayout.text(of: runs, pageWidth: Double(image.width)))
            content.ocrPages.append(index + 1)
        }
        content.text = pages.joined(separator: "\n")
        content.signatures = PDFSignatures.check(data, trustedRoots: trustedRoots)
        return content
    }

    /// A NUL byte in the first kilobyte, and no UTF-16 byte-order mark: not text.
    private static func looksBinary(_ head: Data) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return false }
        return head.contains(0)
    }
}

/// A run of text on a page, in points from the page's top-left corner.
public struct TextBox: Sendable, Equatable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
}

extension DocumentFile {
    /// Where page 1 of a PDF has text: what the ĐẾN stamp is placed clear of.
    public static func firstPageText(of data: Data, path: String) throws -> [TextBox] {
        let pdf = try PDFText(data: data, path: path)
        return pdf.fragments(page: 0).map { TextBox(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY) }
    }
}
