/// The days off the government published for cán bộ, công chức, viên chức, year by year: the
/// Tết span it chose (the law gives five days, the notice places them around the weekends) and
/// the days it swapped (a weekday off, a Saturday worked instead). For a year listed here these
/// replace the statutory computation of those days; a later year is computed until its notice
/// is shipped or the clerk adds it (`vanthu holidays add`).
///
/// Checked day by day against the `holidays` package 0.109 (PyPI), which follows the same
/// notices (CalendarTests). Where a notice's number is not given here it was not checked
/// against the published text; the days are.
enum PublishedSchedules {
    struct Year {
        /// Every day of the Tết span, weekends included.
        var tet: (first: LocalDate, last: LocalDate)
        var tetNotice: String
        /// A weekday off given for a Saturday worked.
        var swaps: [(off: LocalDate, worked: LocalDate, notice: String)] = []
        /// The day the notice joined to Quốc khánh (2/9), when not the statutory rule's, and that notice.
        var nationalDayAdjacent: (day: LocalDate, notice: String)?
    }

    /// A date of the table (every one real: the calendar tests read them all).
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate.firstDay(of: year).addingMonths(month - 1).adding(days: day - 1)
    }

    static let years: [Int: Year] = [
        2020: Year(
            tet: (day(2020, 1, 23), day(2020, 1, 29)),
            tetNotice: "Lịch nghỉ Tết Canh Tý 2020 của cán bộ, công chức, viên chức (Bộ LĐTBXH): 23/1 đến hết 29/1/2020"),
        2021: Year(
            tet: (day(2021, 2, 10), day(2021, 2, 16)),
            tetNotice: "Lịch nghỉ Tết Tân Sửu 2021 của cán bộ, công chức, viên chức (Bộ LĐTBXH): 10/2 đến hết 16/2/2021"),
        2022: Year(
            tet: (day(2022, 1, 29), day(2022, 2, 6)),
            tetNotice: "Lịch nghỉ Tết Nhâm Dần 2022 của cán bộ, công chức, viên chức (Bộ LĐTBXH): 29/1 đến hết 6/2/2022"),
        2023: Year(
            tet: (day(2023, 1, 20), day(2023, 1, 26)),
            tetNotice: "Lịch nghỉ Tết Quý Mão 2023 của cán bộ, công chức, viên chức (Bộ LĐTBXH): 20/1 đến hết 26/1/2023"),
        2024: Year(
            tet: (day(2024, 2, 8), day(2024, 2, 14)),
            tetNotice: "Lịch nghỉ Tết Giáp Thìn 2024 của cán bộ, công chức, viên chức (Bộ LĐTBXH): 8/2 đến hết 14/2/2024",
            swaps: [(day(2024, 4, 29), day(2024, 5, 4), "Công văn 2450/VPCP-KGVX năm 2024: nghỉ 29/4, làm bù thứ Bảy 4/5/2024")]),
        2025: Year(
            tet: (day(2025, 1, 25), day(2025, 2, 2)),
            tetNotice: "Thông báo 6150/TB-BLĐTBXH năm 2024, lịch nghỉ Tết Ất Tỵ 2025: 25/1 đến hết 2/2/2025",
            swaps: [(day(2025, 5, 2), day(2025, 4, 26), "Lịch nghỉ 30/4 và 1/5/2025 của cán bộ, công chức: nghỉ 2/5, làm bù thứ Bảy 26/4/2025")]),
        2026: Year(
            tet: (day(2026, 2, 14), day(2026, 2, 22)),
            tetNotice: "Lịch nghỉ Tết Bính Ngọ 2026 của cán bộ, công chức, viên chức: 14/2 đến hết 22/2/2026",
            swaps: [(day(2026, 8, 31), day(2026, 8, 22), "Lịch nghỉ Quốc khánh 2026 của cán bộ, công chức: nghỉ 31/8, làm bù thứ Bảy 22/8/2026")],
            nationalDayAdjacent: (day(2026, 9, 1), "Lịch nghỉ Quốc khánh 2026 của cán bộ, công chức: nghỉ 31/8, 1/9 và 2/9/2026")),
    ]

    /// "Tết Nguyên đán (29 tháng Chạp)", "Tết Nguyên đán (mùng 5)": a day of the span by its lunar date.
    static func tetName(_ date: LocalDate) -> String {
        let lunar = LunarCalendar.lunar(date)
        return lunar.month == 1 ? "Tết Nguyên đán (mùng \(lunar.day))" : "Tết Nguyên đán (\(lunar.day) tháng Chạp)"
    }
}
