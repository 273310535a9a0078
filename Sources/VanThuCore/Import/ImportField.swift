/// A column of a register being imported, recognised by its heading (ND30 Phụ lục IV and the
/// spellings clerks use, with or without diacritics) or named in a `--map` file.
public enum ImportField: String, CaseIterable, Sendable {
    case arrivalDate, number, issuer, notation, issuedDate, typeAndSubject, typeName, subject
    case handler, transferDate, dueDate, signature, note, signer, recipients, archiveCopy, copies, pages, urgency

    /// The field whose length limit (``InputLimits``) applies to this column.
    var limitedAs: RegistryError.Field {
        switch self {
        case .issuer: .issuer
        case .notation: .notation
        case .typeAndSubject, .subject: .summary
        case .typeName: .typeName
        case .handler: .handler
        case .note: .note
        case .recipients: .recipientList
        default: .user
        }
    }

    /// The field's index in `allCases`, for per-row arrays.
    var position: Int { Self.positions[self] ?? 0 }
    private static let positions = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    /// Folded headings, ND30 wording first. A heading matches the longest one it equals or
    /// starts with (as whole words); "noi nhan" is the handler when incoming, Nơi nhận when outgoing.
    static func headings(_ direction: Direction) -> [(String, ImportField)] {
        var table: [(String, ImportField)] = [
            ("ngay den", .arrivalDate), ("ngay nhan", .arrivalDate), ("ngay vao so", .arrivalDate),
            ("so den", .number), ("so di", .number), ("so", .number), ("so vao so", .number),
            ("tac gia", .issuer), ("co quan ban hanh", .issuer), ("noi gui", .issuer), ("co quan gui", .issuer),
            ("don vi gui", .issuer), ("noi ban hanh", .issuer), ("co quan to chuc ban hanh", .issuer),
            ("so ky hieu", .notation), ("so va ky hieu", .notation), ("ky hieu", .notation), ("so hieu", .notation),
            ("ngay thang", .issuedDate), ("ngay van ban", .issuedDate), ("ngay ban hanh", .issuedDate), ("ngay ky", .issuedDate),
            ("ten loai va trich yeu", .typeAndSubject), ("ten loai trich yeu", .typeAndSubject),
            ("ten loai", .typeName), ("loai van ban", .typeName), ("loai", .typeName),
            ("trich yeu", .subject), ("noi dung", .subject),
            ("don vi hoac nguoi nhan", .handler), ("don vi nhan", .handler), ("nguoi nhan", .handler),
            ("don vi xu ly", .handler), ("chuyen cho", .handler), ("don vi ca nhan nhan", .handler),
            ("ngay chuyen", .transferDate), ("ngay giao", .transferDate),
            ("han giai quyet", .dueDate), ("han xu ly", .dueDate), ("thoi han giai quyet", .dueDate),
            ("ky nhan", .signature), ("ghi chu", .note),
            ("nguoi ky", .signer),
            ("don vi nguoi nhan ban luu", .archiveCopy), ("ban luu", .archiveCopy), ("noi luu", .archiveCopy),
            ("so luong ban", .copies), ("so ban", .copies),
            ("so trang", .pages), ("so to", .pages),
            ("do khan", .urgency), ("muc do khan", .urgency),
        ]
        table.append(("noi nhan", direction == .incoming ? .handler : .recipients))
        return table
    }

    /// The field a heading names; nil for a heading we do not know.
    static func field(heading: String, direction: Direction) -> ImportField? {
        let key = normalized(heading)
        guard !key.isEmpty else { return nil }
        var best: (length: Int, field: ImportField)?
        for (name, field) in headings(direction) where key == name || key.hasPrefix(name + " ") {
            if name.count > best?.length ?? -1 { best = (name.count, field) }
        }
        return best?.field
    }

    /// Folded, punctuation gone, single spaces: "Số, ký hiệu văn bản" → "so ky hieu van ban".
    static func normalized(_ text: String) -> String {
        String(VietnameseText.fold(text).map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// The fields a register needs to be imported at all (any one of each group).
    static func required(_ direction: Direction) -> [[ImportField]] {
        direction == .incoming
            ? [[.arrivalDate], [.number], [.issuer], [.typeAndSubject, .subject]]
            : [[.notation, .number], [.issuedDate], [.typeAndSubject, .subject]]
    }

    /// The heading a clerk reads for a field, in messages.
    var heading: String {
        switch self {
        case .arrivalDate: "Ngày đến"
        case .number: "Số đến / Số"
        case .issuer: "Tác giả"
        case .notation: "Số, ký hiệu"
        case .issuedDate: "Ngày tháng văn bản"
        case .typeAndSubject: "Tên loại và trích yếu nội dung"
        case .typeName: "Tên loại"
        case .subject: "Trích yếu"
        case .handler: "Đơn vị hoặc người nhận"
        case .transferDate: "Ngày chuyển"
        case .dueDate: "Hạn giải quyết"
        case .signature: "Ký nhận"
        case .note: "Ghi chú"
        case .signer: "Người ký"
        case .recipients: "Nơi nhận"
        case .archiveCopy: "Đơn vị, người nhận bản lưu"
        case .copies: "Số lượng bản"
        case .pages: "Số trang"
        case .urgency: "Độ khẩn"
        }
    }
}
