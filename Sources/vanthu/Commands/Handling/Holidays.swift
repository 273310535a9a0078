import ArgumentParser
import VanThuCore

extension VanThu {
    struct Holidays: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "holidays",
                abstract: tr(
                    "Lịch ngày nghỉ dùng để tính thời hạn theo ngày làm việc.", en: "The holiday calendar that working-day deadlines count on."),
                discussion: tr(
                    """
                    Tính sẵn hằng năm: Tết Dương lịch, Tết Nguyên đán và Giỗ Tổ Hùng Vương (theo âm lịch), 30/4, 1/5, Quốc khánh
                    2/9 và ngày liền kề, và ngày nghỉ bù khi ngày lễ trùng cuối tuần. Thêm các ngày Chính phủ thông báo:
                    vanthu holidays add 2/1/2023 --name "Nghỉ bù Tết Dương lịch"
                    vanthu holidays add 7/1/2023 --workday --name "Làm bù"
                    """,
                    en: """
                        Computed every year: Tết Dương lịch, Tết Nguyên đán and Giỗ Tổ Hùng Vương (lunar calendar), 30/4, 1/5, Quốc khánh
                        2/9 and its adjacent day, and a compensatory day for a holiday on a weekend. Add the days the government announces:
                        vanthu holidays add 2/1/2023 --name "Nghỉ bù Tết Dương lịch"
                        vanthu holidays add 7/1/2023 --workday --name "Làm bù"
                        """),
                subcommands: [ListDays.self, Add.self, Remove.self],
                defaultSubcommand: ListDays.self,
                aliases: ["ngay-nghi"])
    }
}

extension VanThu.Holidays {
    struct ListDays: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list",
                abstract: tr("Liệt kê các ngày nghỉ và ngày làm bù của một năm.", en: "List the days off and swapped working days of a year."),
                aliases: ["ds"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Năm (mặc định: năm nay).", en: "The year (default: this year)."), valueName: tr("năm", en: "year")))
        var year: Int?

        func run() throws {
            let days = try global.withRegistry(.read) { registry in try CalendarService(registry).holidays(year: year ?? registry.context.today.year)
            }
            if global.json { return try Terminal.json(days) }
            let rows = days.map { day -> [String] in
                let source =
                    switch day.source {
                    case .statutory: Terminal.label("luật", "law")
                    case .compensatory: Terminal.label("nghỉ bù", "compensatory")
                    case .announced: Terminal.label("đã thêm", "added")
                    case .published: Terminal.label("công bố", "published")
                    }
                return [
                    day.date.vietnamese, weekday(day.date), day.isDayOff ? Terminal.label("nghỉ", "off") : Terminal.label("làm việc", "working"),
                    day.name, LunarCalendar.lunar(day.date).description, day.notice.map { "\(source): \($0)" } ?? source,
                ]
            }
            Terminal.print(
                Terminal.table(
                    headings: [
                        Terminal.label("Ngày", "Date"), Terminal.label("Thứ", "Day"), "", Terminal.label("Tên", "Name"),
                        Terminal.label("Âm lịch", "Lunar"),
                        Terminal.label("Nguồn", "Source"),
                    ],
                    rows: rows))
        }

        private func weekday(_ date: LocalDate) -> String {
            let vi = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
            let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            return Terminal.label(vi[date.isoWeekday - 1], en[date.isoWeekday - 1])
        }
    }

    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr(
                    "Thêm một ngày Chính phủ thông báo: ngày nghỉ, hoặc với --workday là ngày làm việc.",
                    en: "Add a day the government announced: a day off, or with --workday a working day."), aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(tr("Ngày: 2/1/2023 hoặc 2023-01-02.", en: "The day: 2/1/2023 or 2023-01-02."), valueName: tr("ngày", en: "date")))
        var date: String

        @Option(
            help: ArgumentHelp(
                tr("Ngày đó là gì: “Nghỉ bù Tết”, “Làm bù”.", en: "What the day is: “Nghỉ bù Tết”, “Làm bù”."), valueName: tr("nội-dung", en: "text"))
        )
        var name: String

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Ngày đó là ngày làm việc (thứ Bảy làm bù), không phải ngày nghỉ.",
                    en: "The day is a working day (a swapped Saturday), not a day off.")))
        var workday = false

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Thay một ngày đã thêm trước đó (bản cũ vẫn nằm trong nhật ký).",
                    en: "Replace a day added before (the earlier entry stays in the journal).")))
        var replace = false

        func run() throws {
            let day = try global.withRegistry { try CalendarService($0).addHoliday(date: date, name: name, workday: workday, replace: replace) }
            if global.json { return try Terminal.json(day) }
            Terminal.print(
                Terminal.label(
                    "Đã thêm \(day.date.vietnamese): \(day.name) (\(day.isDayOff ? "nghỉ" : "làm việc"))",
                    "Added \(day.date.vietnamese): \(day.name) (\(day.isDayOff ? "off" : "working day"))"))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "remove",
                abstract: tr("Bỏ một ngày đã thêm bằng `holidays add`.", en: "Remove a day added with `holidays add`."), aliases: ["xoa"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Ngày.", en: "The day."), valueName: tr("ngày", en: "date")))
        var date: String

        func run() throws {
            let day = try global.withRegistry { try CalendarService($0).removeHoliday(date: date) }
            if global.json { return try Terminal.json(day) }
            Terminal.print(Terminal.label("Đã xóa \(day.date.vietnamese): \(day.name)", "Removed \(day.date.vietnamese): \(day.name)"))
        }
    }
}
