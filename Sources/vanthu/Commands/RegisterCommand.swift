import ArgumentParser
import VanThuCore

/// `incoming`, `outgoing`, `secret-incoming`, `secret-outgoing`, `copy`, or `den`, `di`, `den-mat`…
struct RegisterKindArgument: ExpressibleByArgument {
    var kind: RegisterKind

    init?(argument: String) {
        guard let kind = RegisterKind(name: argument) else { return nil }
        self.kind = kind
    }
}

extension VanThu {
    struct RegisterCommand: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "register",
                abstract: tr("Xem và thiết lập các sổ và dãy số của chúng.", en: "See and set up the registers (sổ) and their number series."),
                subcommands: [ListRegisters.self, Rule.self, Term.self, Continue.self, Close.self, NewVolume.self, Annotate.self],
                defaultSubcommand: ListRegisters.self,
                aliases: ["so"])
    }
}

extension VanThu.RegisterCommand {
    struct ListRegisters: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list",
                abstract: tr(
                    "Liệt kê mọi sổ và dãy số, với số lượng và số tiếp theo.", en: "List every register and series with its counts and next number."))

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summaries = try global.withRegistry(.read) { try RegisterService($0).seriesSummaries() }
            if global.json {
                return try Terminal.json(
                    summaries.map { s in
                        [
                            "register": s.register.title, "kind": s.register.kind.rawValue, "startDate": s.register.start.iso,
                            "endDate": s.register.end.iso, "series": s.seriesKey, "count": String(s.count), "voided": String(s.voided),
                            "nextNumber": String(s.nextNumber), "volume": String(s.register.volume), "closed": s.register.closed ? "1" : "0",
                        ]
                    })
            }
            let rows = summaries.map { s in
                [
                    s.register.title, s.seriesKey.isEmpty ? Terminal.label("chung", "shared") : s.seriesKey, String(s.count), String(s.voided),
                    s.first.map { "\($0)–\(s.last ?? $0)" } ?? "", s.register.closed ? "—" : String(s.nextNumber),
                    s.register.closed ? Terminal.label("đã đóng sổ", "closed") : Terminal.label("đang dùng", "open"),
                ]
            }
            Terminal.print(
                Terminal.table(
                    headings: [
                        Terminal.label("Sổ", "Register"), Terminal.label("Dãy số", "Series"), Terminal.label("Văn bản", "Documents"),
                        Terminal.label("Đã hủy", "Voided"), Terminal.label("Từ số–đến số", "Numbers"), Terminal.label("Số tiếp theo", "Next"),
                        Terminal.label("Tình trạng", "State"),
                    ],
                    rows: rows))
        }
    }

    struct Rule: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "rule",
                abstract: tr(
                    "Chọn một dãy số chung cho mọi loại hay mỗi loại một dãy cho một loại sổ.",
                    en: "Choose one series for all types or one per type for a register kind."),
                discussion: tr("vanthu register rule outgoing --per-type", en: "vanthu register rule outgoing --per-type"))

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr(
                    "incoming, outgoing, secret-incoming, secret-outgoing hoặc copy.",
                    en: "incoming, outgoing, secret-incoming, secret-outgoing or copy."), valueName: tr("loại-sổ", en: "kind")))
        var kind: RegisterKindArgument

        @Flag(help: ArgumentHelp(tr("Mỗi loại văn bản một dãy số.", en: "One series per document type.")))
        var perType = false

        @Flag(help: ArgumentHelp(tr("Một dãy số chung cho mọi loại.", en: "One series shared by all types.")))
        var shared = false

        func validate() throws {
            guard perType != shared else {
                throw ValidationError(
                    Terminal.label("Hãy chọn đúng một trong --per-type hoặc --shared.", "Choose exactly one of --per-type or --shared."))
            }
        }

        func run() throws {
            let rule = try global.withRegistry { try SetupService($0).setSeriesRule(kind: kind.kind, perType: perType) }
            Terminal.print(
                "\(rule.kind.vietnameseName): "
                    + (rule.perType
                        ? Terminal.label("một dãy số cho mỗi loại", "one series per type") : Terminal.label("một dãy số chung", "one shared series")))
        }
    }

    struct Term: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "term",
                abstract: tr(
                    "Khai báo nhiệm kỳ của cấp ủy: các dãy số văn bản đi chạy suốt nhiệm kỳ.",
                    en: "Declare a Party committee's term (nhiệm kỳ): the outgoing series run over it."),
                discussion: tr(
                    "vanthu register term --start 16/10/2025 --end 15/10/2030", en: "vanthu register term --start 16/10/2025 --end 15/10/2030"))

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Ngày đầu nhiệm kỳ.", en: "First day of the term."), valueName: tr("ngày", en: "date")))
        var start: String

        @Option(help: ArgumentHelp(tr("Ngày cuối nhiệm kỳ.", en: "Last day of the term."), valueName: tr("ngày", en: "date")))
        var end: String

        func run() throws {
            let (first, last) = (try Parse.date(start), try Parse.date(end))
            let register = try global.withRegistry { try SetupService($0).addTerm(start: first, end: last) }
            Terminal.print(Terminal.label("Đã mở \(register.title).", "Opened \(register.title)."))
        }
    }

    struct Continue: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "continue",
                abstract: tr(
                    "Tiếp tục một dãy số đã ghi trên sổ giấy: số được cấp tiếp theo sẽ là --from.",
                    en: "Continue a series begun on paper: the next number given will be --from."),
                discussion: tr(
                    "vanthu register continue incoming --from 783 --date 20/8/2021",
                    en: "vanthu register continue incoming --from 783 --date 20/8/2021"))

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr(
                    "incoming, outgoing, secret-incoming, secret-outgoing hoặc copy.",
                    en: "incoming, outgoing, secret-incoming, secret-outgoing or copy."), valueName: tr("loại-sổ", en: "kind")))
        var kind: RegisterKindArgument

        @Option(help: ArgumentHelp(tr("Số tiếp theo sẽ cấp.", en: "The next number to give."), valueName: tr("số", en: "n")))
        var from: Int

        @Option(
            help: ArgumentHelp(
                tr("Một ngày trong kỳ của sổ (mặc định: hôm nay).", en: "A date in the register's period (default: today)."),
                valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(
            help: ArgumentHelp(
                tr("Loại văn bản, với sổ mỗi loại một dãy số.", en: "The type, for a register with one series per type."),
                valueName: tr("mã", en: "code")))
        var type: String?

        func run() throws {
            let day = try Parse.date(date)
            let (register, series) = try global.withRegistry {
                try SetupService($0).continueSeries(kind: kind.kind, date: day, typeCode: type, firstNumber: from)
            }
            Terminal.print(
                Terminal.label(
                    "\(register.title)\(series.isEmpty ? "" : " (\(series))"): số tiếp theo là \(from).",
                    "\(register.title)\(series.isEmpty ? "" : " (\(series))"): the next number is \(from)."))
        }
    }
}
