public import VanThuCore

/// Why an electronic document could not be read. Reading stores nothing.
public enum DocumentFileError: Error, Equatable, Sendable {
    case encrypted(path: String)
    case damaged(path: String, reason: Bilingual)
    case noPages(path: String)
    case tooManyPages(path: String, pages: Int, limit: Int)
    /// A page has no text layer and Tesseract's Vietnamese model is not installed.
    case ocrUnavailable(path: String, page: Int)
    case ocrFailed(path: String, page: Int)
    /// Neither a PDF, a Word file (DOCX) nor text: an image, an old .doc, an archive.
    case unsupported(path: String)
    /// Not a certificate in PEM or DER.
    case badCertificate(path: String)
}

extension DocumentFileError: ClerkFacingError {
    public static var domain: String { "document" }

    public var exitCode: Int32 { 65 }  // EX_DATAERR: the file's content is the problem

    public var text: Bilingual {
        switch self {
        case .encrypted(let path):
            Bilingual(
                vi: "Tệp PDF “\(path)” được đặt mật khẩu. Đề nghị nơi gửi gửi lại bản không mật khẩu; chưa có gì được lưu.",
                en: "The PDF “\(path)” is password-protected. Ask the sender for a copy without a password; nothing was stored.")
        case .damaged(let path, let reason):
            Bilingual(
                vi: "Tệp “\(path)” bị hỏng (\(reason.vi)). Đề nghị nơi gửi gửi lại tệp; chưa có gì được lưu.",
                en: "The file “\(path)” is damaged (\(reason.en)). Ask the sender for the file again; nothing was stored.")
        case .noPages(let path):
            Bilingual(
                vi: "Tệp PDF “\(path)” không có trang nào. Đề nghị nơi gửi gửi lại tệp; chưa có gì được lưu.",
                en: "The PDF “\(path)” has no pages. Ask the sender for the file again; nothing was stored.")
        case .tooManyPages(let path, let pages, let limit):
            Bilingual(
                vi: "Tệp PDF “\(path)” có \(pages) trang, quá giới hạn \(limit) trang cho một văn bản. Hãy tách tệp; chưa có gì được lưu.",
                en: "The PDF “\(path)” has \(pages) pages, over the limit of \(limit) for one document. Split the file; nothing was stored.")
        case .ocrUnavailable(let path, let page):
            Bilingual(
                vi:
                    "Trang \(page) của “\(path)” là ảnh quét, cần nhận dạng chữ (OCR) nhưng máy chưa có dữ liệu tiếng Việt của Tesseract. Cài: apt-get install tesseract-ocr-vie; chưa có gì được lưu.",
                en:
                    "Page \(page) of “\(path)” is a scan and needs OCR, but Tesseract's Vietnamese data is not installed. Install it: apt-get install tesseract-ocr-vie; nothing was stored."
            )
        case .ocrFailed(let path, let page):
            Bilingual(
                vi: "Không nhận dạng được chữ trên trang \(page) của “\(path)” (ảnh hỏng hoặc quá thời gian). Hãy quét lại; chưa có gì được lưu.",
                en: "Could not read the text of page \(page) of “\(path)” (a damaged image, or it took too long). Scan it again; nothing was stored.")
        case .badCertificate(let path):
            Bilingual(
                vi: "“\(path)” không phải chứng thư số (PEM hoặc DER). Hãy xuất chứng thư gốc ra tệp .pem, .cer hoặc .crt rồi thêm lại.",
                en: "“\(path)” is not a certificate (PEM or DER). Export the root certificate to a .pem, .cer or .crt file and add that.")
        case .unsupported(let path):
            Bilingual(
                vi:
                    "“\(path)” không phải PDF, Word (.docx) hay văn bản thuần. Hãy lưu văn bản thành PDF hoặc .docx rồi đọc lại; chưa có gì được lưu.",
                en: "“\(path)” is not a PDF, a Word file (.docx) or plain text. Save the document as PDF or .docx and read that; nothing was stored.")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case encrypted, damaged, noPages, tooManyPages, ocrUnavailable, ocrFailed, unsupported, badCertificate
    }

    public var kind: Kind {
        switch self {
        case .encrypted: .encrypted
        case .damaged: .damaged
        case .noPages: .noPages
        case .tooManyPages: .tooManyPages
        case .ocrUnavailable: .ocrUnavailable
        case .ocrFailed: .ocrFailed
        case .unsupported: .unsupported
        case .badCertificate: .badCertificate
        }
    }
}
