public import VanThuCore

/// Why a document's text could not be read. Reading changes nothing.
public enum IntakeError: Error, Equatable, Sendable {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: Bilingual)
    case isFolder(path: String)
    /// A PDF, a Word file or other binary data: intake reads text only.
    case notText(path: String)
    case tooLarge(path: String, megabytes: Int)
    /// The text did not show a field registration needs, and no flag gave it.
    case fieldNotFound(field: RegistryError.Field, option: String, path: String)
}

extension IntakeError: ClerkFacingError {
    public static var domain: String { "intake" }

    public var exitCode: Int32 {
        switch self {
        case .fileNotFound: 66  // EX_NOINPUT
        case .unreadable: 74  // EX_IOERR
        case .isFolder: 66
        case .tooLarge, .fieldNotFound, .notText: 65  // EX_DATAERR
        }
    }

    /// What is wrong and what to do, in both languages side by side.
    public var text: Bilingual {
        switch self {
        case .fileNotFound(let path):
            Bilingual(
                vi: "Không tìm thấy tệp “\(path)”. Kiểm tra lại đường dẫn (dùng - để đọc từ đầu vào chuẩn).",
                en: "File “\(path)” not found. Check the path (use - to read standard input).")
        case .unreadable(let path, let reason):
            Bilingual(
                vi: "Không đọc được “\(path)”: \(reason.vi).",
                en: "Cannot read “\(path)”: \(reason.en).")
        case .isFolder(let path):
            Bilingual(
                vi: "“\(path)” là một thư mục, không phải tệp văn bản. Hãy chỉ đến tệp .txt của văn bản.",
                en: "“\(path)” is a folder, not a text file. Name the document's .txt file.")
        case .notText(let path):
            Bilingual(
                vi:
                    "“\(path)” không phải văn bản thuần (có thể là PDF, Word hoặc ảnh). Hãy lưu nội dung văn bản ra tệp .txt (sao chép từ PDF hoặc từ phần mềm OCR) rồi đọc tệp đó.",
                en:
                    "“\(path)” is not plain text (perhaps a PDF, a Word file or an image). Save the document's text to a .txt file (copied from the PDF or from OCR) and read that."
            )
        case .tooLarge(let path, let megabytes):
            Bilingual(
                vi: "Tệp “\(path)” quá lớn (hơn \(megabytes) MB) để là văn bản của một công văn. Hãy kiểm tra lại tệp.",
                en: "“\(path)” is too large (over \(megabytes) MB) to be one document's text. Check the file.")
        case .fieldNotFound(let field, let option, let path):
            Bilingual(
                vi: "Không tìm thấy \(field.name(in: .vi)) trong văn bản “\(path)”. Hãy nhập bằng \(option). Chưa có gì được vào sổ.",
                en: "No \(field.name(in: .en)) found in the text of “\(path)”. Give it with \(option). Nothing was registered.")
        }
    }
}

extension IntakeError {
    /// Each case without its values, one for one: a test asks every case for its messages
    /// (`Kind.allCases`), and a new case cannot be added without its kind.
    public enum Kind: String, CaseIterable, Sendable {
        case fileNotFound
        case unreadable
        case isFolder
        case notText
        case tooLarge
        case fieldNotFound
    }

    public var kind: Kind {
        switch self {
        case .fileNotFound: .fileNotFound
        case .unreadable: .unreadable
        case .isFolder: .isFolder
        case .notText: .notText
        case .tooLarge: .tooLarge
        case .fieldNotFound: .fieldNotFound
        }
    }
}
