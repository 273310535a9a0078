public import VanThuCore

/// Why an edXML envelope could not be read. Nothing is registered and no reply is written.
public enum EdXMLError: Error, Equatable, Sendable {
    case notEdXML(path: String)
    case wrongNamespace(path: String, found: String)
    case doctype(path: String)
    case missing(path: String, element: String)
    case badDate(path: String, element: String, value: String)
    case badAttachment(path: String, name: String, reason: AttachmentProblem)
    case tooLarge(path: String, megabytes: Int)

    public enum AttachmentProblem: String, Sendable {
        case base64, zip, tooMany
    }
}

extension EdXMLError: ClerkFacingError {
    public static var domain: String { "edxml" }

    public var exitCode: Int32 { 65 }

    public var text: Bilingual {
        switch self {
        case .notEdXML(let path):
            Bilingual(
                vi: "“\(path)” không phải gói tin edXML (QCVN 102:2016). Kiểm tra lại tệp nhận từ trục liên thông; chưa có gì được vào sổ.",
                en: "“\(path)” is not an edXML envelope (QCVN 102:2016). Check the file received from the exchange; nothing was registered.")
        case .wrongNamespace(let path, let found):
            Bilingual(
                vi:
                    "Gói tin “\(path)” dùng không gian tên “\(found)”, không phải của QCVN 102:2016 (\(EdXMLReader.namespace)). Đề nghị nơi gửi gửi lại đúng chuẩn; chưa có gì được vào sổ.",
                en:
                    "The envelope “\(path)” uses the namespace “\(found)”, not QCVN 102:2016's (\(EdXMLReader.namespace)). Ask the sender for a standard envelope; nothing was registered."
            )
        case .doctype(let path):
            Bilingual(
                vi:
                    "Gói tin “\(path)” có khai báo DOCTYPE hoặc thực thể (ENTITY), không được phép trong edXML; đã từ chối mà không đọc. Chưa có gì được vào sổ.",
                en:
                    "The envelope “\(path)” declares a DOCTYPE or an entity, which edXML does not allow; refused without reading it. Nothing was registered."
            )
        case .missing(let path, let element):
            Bilingual(
                vi: "Gói tin “\(path)” thiếu phần tử \(element). Đề nghị nơi gửi gửi lại; chưa có gì được vào sổ.",
                en: "The envelope “\(path)” has no \(element) element. Ask the sender again; nothing was registered.")
        case .badDate(let path, let element, let value):
            Bilingual(
                vi:
                    "Ngày “\(value)” trong \(element) của “\(path)” không theo dạng yyyy/MM/dd hay dd/MM/yyyy. Đề nghị nơi gửi sửa; chưa có gì được vào sổ.",
                en:
                    "The date “\(value)” in \(element) of “\(path)” is neither yyyy/MM/dd nor dd/MM/yyyy. Ask the sender to correct it; nothing was registered."
            )
        case .badAttachment(let path, let name, let reason):
            switch reason {
            case .base64:
                Bilingual(
                    vi: "Tệp đính kèm “\(name)” trong “\(path)” không giải mã base64 được. Đề nghị nơi gửi gửi lại; chưa có gì được vào sổ.",
                    en: "The attachment “\(name)” in “\(path)” is not valid base64. Ask the sender again; nothing was registered.")
            case .zip:
                Bilingual(
                    vi:
                        "Tệp đính kèm “\(name)” trong “\(path)” không phải tệp nén hợp lệ, hoặc giải nén ra quá lớn. Đề nghị nơi gửi gửi lại; chưa có gì được vào sổ.",
                    en:
                        "The attachment “\(name)” in “\(path)” is not a valid zip, or unpacks too large. Ask the sender again; nothing was registered."
                )
            case .tooMany:
                Bilingual(
                    vi: "Gói tin “\(path)” có quá \(EdXMLReader.maximumAttachments) tệp đính kèm. Chưa có gì được vào sổ.",
                    en: "The envelope “\(path)” has more than \(EdXMLReader.maximumAttachments) attachments. Nothing was registered.")
            }
        case .tooLarge(let path, let megabytes):
            Bilingual(
                vi: "Gói tin “\(path)” lớn hơn \(megabytes) MB, giới hạn của một gói tin. Chưa có gì được vào sổ.",
                en: "The envelope “\(path)” is larger than \(megabytes) MB, the limit for one envelope. Nothing was registered.")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case notEdXML, wrongNamespace, doctype, missing, badDate, badAttachment, tooLarge
    }

    public var kind: Kind {
        switch self {
        case .notEdXML: .notEdXML
        case .wrongNamespace: .wrongNamespace
        case .doctype: .doctype
        case .missing: .missing
        case .badDate: .badDate
        case .badAttachment: .badAttachment
        case .tooLarge: .tooLarge
        }
    }
}
