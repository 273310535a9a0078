public import VanThuCore

/// Why an export could not be written. Nothing is left behind when one is thrown.
public enum ExportError: Error, Equatable, Sendable {
    case outputExists(path: String)
    /// The folder to write into is missing; `option` is how the clerk names it (`-o`, `--outbox`).
    case folderMissing(path: String, option: String = "-o")
    case cannotWrite(path: String, reason: Bilingual)
    case emptyPeriod(register: String, start: LocalDate, end: LocalDate)
    case crossesSeries(registers: [String])
    /// The period holds several volumes of one book: each prints on its own.
    case severalVolumes(book: String, volumes: [Int])
    case unknownLayout(String)
    case workbook(String)
    /// The output's extension names no format this export writes.
    case unsupportedOutput(path: String, allowed: [String])
    /// The journal has no entry in the period (its dates are the machine's real dates).
    case emptyJournal(start: LocalDate, end: LocalDate)
    /// The PDF's structure does not allow adding the ĐẾN stamp as an update (encrypted, damaged
    /// cross-reference, no page); the original is kept as it is.
    case cannotStamp(reason: String)
    /// Only a PDF can carry the stamp.
    case notAPDF(name: String)
}

extension ExportError: ClerkFacingError {
    public static var domain: String { "export" }

    public var exitCode: Int32 {
        switch self {
        case .outputExists, .folderMissing, .cannotWrite, .workbook: 73  // EX_CANTCREAT
        // EX_DATAERR
        case .emptyPeriod, .crossesSeries, .severalVolumes, .unknownLayout, .unsupportedOutput, .emptyJournal, .cannotStamp, .notAPDF: 65
        }
    }

    /// What is wrong and what to do, in both languages side by side.
    public var text: Bilingual {
        switch self {
        case .outputExists(let path):
            Bilingual(
                vi: "Tệp “\(path)” đã có. Thêm --overwrite để ghi đè, hoặc chọn tên khác bằng -o.",
                en: "“\(path)” already exists. Add --overwrite to replace it, or choose another name with -o.")
        case .folderMissing(let path, let option):
            Bilingual(
                vi: "Thư mục “\(path)” không tồn tại. Hãy tạo thư mục hoặc chọn nơi lưu khác bằng \(option).",
                en: "Folder “\(path)” does not exist. Create it or choose another place with \(option).")
        case .cannotStamp(let reason):
            Bilingual(
                vi: "Không đóng được dấu ĐẾN lên tệp PDF này (\(reason)). Bản gốc vẫn được giữ nguyên; hãy in và đóng dấu trên giấy.",
                en: "The ĐẾN stamp cannot be added to this PDF (\(reason)). The original is kept as it is; print it and stamp the paper.")
        case .notAPDF(let name):
            Bilingual(
                vi: "Bản gốc “\(name)” không phải PDF nên không đóng dấu ĐẾN điện tử được.",
                en: "The original “\(name)” is not a PDF, so it cannot carry an electronic ĐẾN stamp.")
        case .cannotWrite(let path, let reason):
            Bilingual(
                vi: "Không ghi được “\(path)”: \(reason.vi). Không có tệp nào bị ghi dở.",
                en: "Cannot write “\(path)”: \(reason.en). No half-written file was left.")
        case .emptyPeriod(let register, let start, let end):
            Bilingual(
                vi: "\(register) không có văn bản nào từ \(start.vietnamese) đến \(end.vietnamese). Hãy chọn kỳ khác.",
                en: "\(register) holds no document from \(start.vietnamese) to \(end.vietnamese). Choose another period.")
        case .crossesSeries(let registers):
            Bilingual(
                vi: "Kỳ đã chọn trải qua nhiều sổ (\(registers.joined(separator: "; "))). Mỗi sổ in riêng: hãy chọn kỳ nằm trong một sổ.",
                en:
                    "The period spans several registers (\(registers.joined(separator: "; "))). Each is printed on its own: choose a period inside one."
            )
        case .severalVolumes(let book, let volumes):
            Bilingual(
                vi:
                    "\(book) có \(volumes.count) quyển (quyển số \(volumes.map(String.init).joined(separator: ", "))). Mỗi quyển in riêng: chọn bằng --volume \(volumes.last ?? 1).",
                en:
                    "\(book) has \(volumes.count) volumes (\(volumes.map(String.init).joined(separator: ", "))). Each prints on its own: choose one with --volume \(volumes.last ?? 1)."
            )
        case .unknownLayout(let name):
            Bilingual(
                vi: "Không có mẫu sổ “\(name)”.",
                en: "There is no register layout “\(name)”.")
        case .workbook(let detail):
            Bilingual(
                vi: "Lỗi khi ghi tệp Excel: \(detail). Không có tệp nào bị ghi dở.",
                en: "Error writing the Excel file: \(detail). No half-written file was left.")
        case .unsupportedOutput(let path, let allowed):
            Bilingual(
                vi: "Không ghi được dạng tệp của “\(path)”. Hãy đặt tên tệp có đuôi \(allowed.map { "." + $0 }.joined(separator: " hoặc ")).",
                en: "Cannot write the format of “\(path)”. Give the file the extension \(allowed.map { "." + $0 }.joined(separator: " or ")).")
        case .emptyJournal(let start, let end):
            Bilingual(
                vi:
                    "Nhật ký không có dòng nào từ \(start.vietnamese) đến \(end.vietnamese) (ngày ghi nhật ký là ngày thật trên máy). Hãy chọn kỳ khác.",
                en:
                    "The journal has no entry from \(start.vietnamese) to \(end.vietnamese) (entries carry the machine's real date). Choose another period."
            )
        }
    }
}

extension ExportError {
    /// Each case without its values, one for one: a test asks every case for its messages
    /// (`Kind.allCases`), and a new case cannot be added without its kind.
    public enum Kind: String, CaseIterable, Sendable {
        case outputExists
        case folderMissing
        case cannotWrite
        case emptyPeriod
        case crossesSeries
        case severalVolumes
        case unknownLayout
        case workbook
        case unsupportedOutput
        case emptyJournal
        case cannotStamp
        case notAPDF
    }

    public var kind: Kind {
        switch self {
        case .outputExists: .outputExists
        case .folderMissing: .folderMissing
        case .cannotWrite: .cannotWrite
        case .emptyPeriod: .emptyPeriod
        case .crossesSeries: .crossesSeries
        case .severalVolumes: .severalVolumes
        case .unknownLayout: .unknownLayout
        case .workbook: .workbook
        case .unsupportedOutput: .unsupportedOutput
        case .emptyJournal: .emptyJournal
        case .cannotStamp: .cannotStamp
        case .notAPDF: .notAPDF
        }
    }
}
