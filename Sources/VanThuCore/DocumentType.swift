/// A kind of document (tên loại văn bản) and the code its ký hiệu carries.
///
/// The built-in tables are ND30 Phụ lục III (state) and the Party's usage (HD36); clerks can add
/// their own with `vanthu types add`.
public struct DocumentType: Hashable, Sendable {
    /// The code as printed in ký hiệu: "QĐ", "TTr", "BC".
    public var code: String
    /// The name: "Quyết định", "Tờ trình".
    public var name: String
    public var style: DocumentStyle
    /// False for a state công văn or thư công, whose ký hiệu carries no type code.
    public var inNotation: Bool
    /// True for copies (SY, TrS, SL), which share one series of their own in state bodies.
    public var isCopy: Bool
    public var builtin: Bool

    public init(code: String, name: String, style: DocumentStyle, inNotation: Bool = true, isCopy: Bool = false, builtin: Bool = false) {
        self.code = code
        self.name = name
        self.style = style
        self.inNotation = inNotation
        self.isCopy = isCopy
        self.builtin = builtin
    }

    /// The name in capitals as printed on the document: "BÁO CÁO".
    public var printedName: String { name.uppercased() }

    /// Finds a type by code ("bc", "QĐ") or name ("Báo cáo") in `types`, the preferred style's
    /// table first; throws with suggestions when there is none.
    static func find(_ text: String, in types: [DocumentType], preferred: DocumentStyle, onlyPreferred: Bool) throws -> DocumentType {
        let mine = types.filter { $0.style == preferred }
        let tables = onlyPreferred ? [mine] : [mine, types.filter { $0.style != preferred }]
        let wanted = VietnameseText.clean(text)
        for table in tables {
            if let exact = table.first(where: { $0.code == wanted }) { return exact }
        }
        let upper = wanted.uppercased()
        let folded = VietnameseText.fold(wanted)
        for table in tables {
            if let byCase = table.first(where: { $0.code.uppercased() == upper }) { return byCase }
            if let byName = table.first(where: { VietnameseText.fold($0.name) == folded }) { return byName }
        }
        let suggestions = tables.joined().filter {
            VietnameseText.fold($0.code).hasPrefix(folded.prefix(1)) || VietnameseText.fold($0.name).contains(folded)
        }
        throw RegistryError.unknownDocumentType(code: text, suggestions: Array(Set(suggestions.map(\.code)).sorted().prefix(6)))
    }

    /// The code used for công văn in both tables.
    public static let congVanCode = "CV"

    /// The built-in types; seed data written by the first migration.
    public static let builtins: [DocumentType] = state + party

    private static func t(_ code: String, _ name: String, _ style: DocumentStyle, inNotation: Bool = true, copy: Bool = false) -> DocumentType {
        DocumentType(code: code, name: name, style: style, inNotation: inNotation, isCopy: copy, builtin: true)
    }

    /// ND30 Điều 7 and Phụ lục III, copies (Phụ lục III mục I), and the legal documents a state
    /// body receives (Luật, Nghị định, Thông tư…).
    static let state: [DocumentType] = [
        t("NQ", "Nghị quyết", .state), t("QĐ", "Quyết định", .state), t("CT", "Chỉ thị", .state),
        t("QC", "Quy chế", .state), t("QyĐ", "Quy định", .state), t("TC", "Thông cáo", .state),
        t("TB", "Thông báo", .state), t("HD", "Hướng dẫn", .state), t("CTr", "Chương trình", .state),
        t("KH", "Kế hoạch", .state), t("PA", "Phương án", .state), t("ĐA", "Đề án", .state),
        t("DA", "Dự án", .state), t("BC", "Báo cáo", .state), t("BB", "Biên bản", .state),
        t("TTr", "Tờ trình", .state), t("HĐ", "Hợp đồng", .state), t("CĐ", "Công điện", .state),
        t("BGN", "Bản ghi nhớ", .state), t("BTT", "Bản thỏa thuận", .state),
        t("GUQ", "Giấy ủy quyền", .state), t("GM", "Giấy mời", .state),
        t("GGT", "Giấy giới thiệu", .state), t("GNP", "Giấy nghỉ phép", .state),
        t("PG", "Phiếu gửi", .state), t("PC", "Phiếu chuyển", .state), t("PB", "Phiếu báo", .state),
        t(congVanCode, "Công văn", .state, inNotation: false),
        t("THC", "Thư công", .state, inNotation: false),
        t("SY", "Bản sao y", .state, copy: true), t("TrS", "Bản trích sao", .state, copy: true),
        t("SL", "Bản sao lục", .state, copy: true),
        t("L", "Luật", .state, inNotation: false), t("PL", "Pháp lệnh", .state),
        t("NĐ", "Nghị định", .state), t("TT", "Thông tư", .state),
        t("TTLT", "Thông tư liên tịch", .state),
    ]

    /// HD36 and Party usage (domain.md §9.3).
    static let party: [DocumentType] = [
        t("NQ", "Nghị quyết", .party), t("QĐ", "Quyết định", .party), t("CT", "Chỉ thị", .party),
        t("KL", "Kết luận", .party), t("QC", "Quy chế", .party), t("QĐi", "Quy định", .party),
        t("TT", "Thông tri", .party), t("HD", "Hướng dẫn", .party), t("TB", "Thông báo", .party),
        t("BC", "Báo cáo", .party), t("KH", "Kế hoạch", .party), t("CTr", "Chương trình", .party),
        t("TTr", "Tờ trình", .party), t(congVanCode, "Công văn", .party), t("BB", "Biên bản", .party),
        t("ĐA", "Đề án", .party), t("PA", "Phương án", .party), t("BS", "Bản sao", .party, copy: true),
    ]
}
