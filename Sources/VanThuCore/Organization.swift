/// The agency that keeps the registers: its name as printed on the ĐẾN stamp and on outgoing
/// documents, its abbreviation for ký hiệu, and the rules it follows.
public struct Organization: Equatable, Sendable {
    /// "SỞ THÔNG TIN VÀ TRUYỀN THÔNG".
    public var name: String
    /// The abbreviation in ký hiệu: "STTTT", "BTGTU".
    public var code: String
    /// The body directly above: "UBND TỈNH KON TUM".
    public var parentName: String?
    /// The place on the place-date line: "Kon Tum".
    public var place: String?
    public var style: DocumentStyle
    /// Mã định danh (ND30 Phụ lục VI OrganId), e.g. "000.00.00.H41".
    public var organId: String?

    public init(name: String, code: String, parentName: String? = nil, place: String? = nil, style: DocumentStyle, organId: String? = nil) {
        self.name = name
        self.code = code
        self.parentName = parentName
        self.place = place
        self.style = style
        self.organId = organId
    }
}

/// How the registers of one kind are cut into number series.
public struct SeriesRule: Equatable, Sendable {
    /// How long one register runs.
    public enum Period: String, Sendable, CaseIterable {
        /// 1 January to 31 December (ND30 Điều 15, 22.2).
        case year
        /// A Party committee's term (nhiệm kỳ), declared by the clerk (HD36 1.3.1).
        case term
    }

    public var kind: RegisterKind
    public var period: Period
    /// One series per document type (true) or one shared by all types (false).
    public var perType: Bool

    public init(kind: RegisterKind, period: Period, perType: Bool) {
        self.kind = kind
        self.period = period
        self.perType = perType
    }

    /// The rules `init` writes for a new agency.
    ///
    /// State: yearly series shared by all types, separate ones for secret documents and copies.
    /// Party: incoming as the state does; outgoing per type over the term, secret documents and
    /// copies (BS) sharing those series.
    public static func defaults(for style: DocumentStyle, outgoingPerType: Bool? = nil) -> [SeriesRule] {
        switch style {
        case .state:
            [
                SeriesRule(kind: .incoming, period: .year, perType: false),
                SeriesRule(kind: .outgoing, period: .year, perType: outgoingPerType ?? false),
                SeriesRule(kind: .secretIncoming, period: .year, perType: false),
                SeriesRule(kind: .secretOutgoing, period: .year, perType: false),
                SeriesRule(kind: .copy, period: .year, perType: false),
            ]
        case .party:
            [
                SeriesRule(kind: .incoming, period: .year, perType: false),
                SeriesRule(kind: .outgoing, period: .term, perType: outgoingPerType ?? true),
                SeriesRule(kind: .secretIncoming, period: .year, perType: false),
            ]
        }
    }
}

/// One register (sổ): a kind, the period its numbers run over, and its volume (quyển số).
public struct Register: Equatable, Sendable {
    public var id: Int64
    public var kind: RegisterKind
    public var start: LocalDate
    public var end: LocalDate
    public var volume: Int
    public var perType: Bool
    public var closed: Bool

    public init(id: Int64, kind: RegisterKind, start: LocalDate, end: LocalDate, volume: Int = 1, perType: Bool = false, closed: Bool = false) {
        self.id = id
        self.kind = kind
        self.start = start
        self.end = end
        self.volume = volume
        self.perType = perType
        self.closed = closed
    }

    /// "Sổ đăng ký văn bản đến năm 2021" or "… nhiệm kỳ 15/10/2020–14/10/2025".
    /// A later volume adds its number: "… năm 2026, quyển số 2" (it begins the day it was opened).
    public var title: String {
        let yearly = end == LocalDate.lastDay(of: start.year) && (volume > 1 || (start.month == 1 && start.day == 1))
        let book = yearly ? "\(kind.vietnameseName) năm \(start.year)" : "\(kind.vietnameseName) từ \(start.vietnamese) đến \(end.vietnamese)"
        return volume > 1 ? "\(book), quyển số \(volume)" : book
    }
}
