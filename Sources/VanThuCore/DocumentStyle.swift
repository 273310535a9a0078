import Foundation

/// The two bodies of rules a document follows: the state's (Nghị định 30/2020/NĐ-CP) and the
/// Party's (Hướng dẫn 36-HD/VPTW).
///
/// The style fixes how number and ký hiệu are joined (`15/QĐ-UBND` against `12-BC/TU`), how the
/// Nơi nhận block is punctuated, and the default numbering series of an agency.
public enum DocumentStyle: String, Sendable, CaseIterable {
    /// `15/QĐ-UBND`: "/" after the number, "-" between groups; yearly series.
    case state
    /// `12-BC/TU`: "-" after the number, "/" before the body; per-type series over the term.
    case party

    /// Reads `state`, `party`, `nha-nuoc`, `dang` (diacritics and case ignored).
    public init(parsing text: String) throws {
        switch VietnameseText.fold(text).replacingOccurrences(of: " ", with: "-") {
        case "state", "nha-nuoc", "nhanuoc", "nd30": self = .state
        case "party", "dang", "hd36": self = .party
        default:
            throw RegistryError.invalidValue(field: .style, value: text, allowed: ["state", "party"])
        }
    }
}

/// Mức độ khẩn (ND30 Phụ lục I III.2.b).
public enum Urgency: String, Sendable, CaseIterable {
    case khan, thuongKhan, hoaToc

    /// The stamp text: `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`.
    public var label: String {
        switch self {
        case .khan: "KHẨN"
        case .thuongKhan: "THƯỢNG KHẨN"
        case .hoaToc: "HỎA TỐC"
        }
    }

    /// Reads `khan`, `Khẩn`, `thuong-khan`, `THƯỢNG KHẨN`, `hoa toc`, `Hoả tốc`.
    public init(parsing text: String) throws {
        switch VietnameseText.fold(text).filter({ $0.isLetter }) {
        case "khan": self = .khan
        case "thuongkhan": self = .thuongKhan
        case "hoatoc": self = .hoaToc
        default:
            throw RegistryError.invalidValue(
                field: .urgency, value: text, allowed: ["khan", "thuong-khan", "hoa-toc"])
        }
    }
}

/// Độ mật (ND30 Phụ lục I III.2.a; Luật Bảo vệ bí mật nhà nước).
public enum Secrecy: String, Sendable, CaseIterable {
    case mat, toiMat, tuyetMat

    /// The stamp text: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    public var label: String {
        switch self {
        case .mat: "MẬT"
        case .toiMat: "TỐI MẬT"
        case .tuyetMat: "TUYỆT MẬT"
        }
    }

    /// Reads `mat`, `Mật`, `toi-mat`, `TỐI MẬT`, `tuyet mat`.
    public init(parsing text: String) throws {
        switch VietnameseText.fold(text).filter({ $0.isLetter }) {
        case "mat": self = .mat
        case "toimat": self = .toiMat
        case "tuyetmat": self = .tuyetMat
        default:
            throw RegistryError.invalidValue(field: .secrecy, value: text, allowed: ["mat", "toi-mat", "tuyet-mat"])
        }
    }
}
