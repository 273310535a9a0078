public import VanThuCore

/// Why a document's text could not be read. Reading changes nothing.
public enum IntakeError: Error, Equatable, Sendable {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case isFolder(path: String)
    /// A PDF, a Word file or other binary data: intake reads text only.
    case notText(path: String)
    case tooLarge(path: String, megabytes: Int)
    /// The text did not show a field registration needs, and no flag gave it.
    case fieldNotFound(field: RegistryError.Field, option: String, path: String)
}

extension IntakeError: ClerkFacingError {
    public var exitCode: Int32 {
        switch self {
        case .fileNotFound: 66  // EX_NOINPUT
        case .unreadable: 74  // EX_IOERR
        case .isFolder: 66
        case .tooLarge, .fieldNotFound, .notText: 65  // EX_DATAERR
        }
    }

    public func message(in language: Language) -> String {
        switch (self, language) {
        case (.fileNotFound(let path), .vi): "Không tìm thấy tệp “\(path)”. Kiểm tra lại đường dẫn (dùng - để đọc từ đầu vào chuẩn)."
        case (.fileNotFound(let path), .en): "File “\(path)” not found. Check the path (use - to read standard input)."
        case (.unreadable(let path, let reason), .vi): "Không đọc được “\(path)”: \(reason)."
        case (.unreadable(let path, let reason), .en): "Cannot read “\(path)”: \(reason)."
        case (.isFolder(let path), .vi): "“\(path)” là một thư mục, không phải tệp văn bản. Hãy chỉ đến tệp .txt của văn bản."
        case (.isFolder(let path), .en): "“\(path)” is a folder, not a text file. Name the document's .txt file."
        case (.notText(let path), .vi):
            "“\(path)” không phải văn bản thuần (có thể là PDF, Word hoặc ảnh). Hãy lưu nội dung văn bản ra tệp .txt (sao chép từ PDF hoặc từ phần mềm OCR) rồi đọc tệp đó."
        case (.notText(let path), .en):
            "“\(path)” is not plain text (perhaps a PDF, a Word file or an image). Save the document's text to a .txt file (copied from the PDF or from OCR) and read that."
        case (.tooLarge(let path, let megabytes), .vi):
            "Tệp “\(path)” quá lớn (hơn \(megabytes) MB) để là văn bản của một công văn. Hãy kiểm tra lại tệp."
        case (.tooLarge(let path, let megabytes), .en):
            "“\(path)” is too large (over \(megabytes) MB) to be one document's text. Check the file."
        case (.fieldNotFound(let field, let option, let path), .vi):
            "Không tìm thấy \(field.name(in: .vi)) trong văn bản “\(path)”. Hãy nhập bằng \(option). Chưa có gì được vào sổ."
        case (.fieldNotFound(let field, let option, let path), .en):
            "No \(field.name(in: .en)) found in the text of “\(path)”. Give it with \(option). Nothing was registered."
        }
    }
}
