public import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

extension ExportFormat: ExpressibleByArgument {}

extension VanThu {
    struct Export: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "export",
                abstract: tr(
                    "Xuất sổ của một kỳ, sẵn để in và đóng quyển (XLSX), hoặc ra CSV, JSON.",
                    en: "Export a register for a period, ready to print and bind (XLSX), or as CSV or JSON."),
                discussion: tr(
                    """
                    vanthu export incoming-register --year 2021 -o so-den-2021.xlsx
                    vanthu export outgoing-register --month 2021-08 -o so-di-2021-08.xlsx
                    vanthu xuat theo-doi --quarter 2021-Q3 -o theo-doi.xlsx
                    vanthu export postal-register --month 2021-08 -o so-gui-buu-dien.xlsx
                    """,
                    en: """
                        vanthu export incoming-register --year 2021 -o so-den-2021.xlsx
                        vanthu export outgoing-register --month 2021-08 -o so-di-2021-08.xlsx
                        vanthu xuat theo-doi --quarter 2021-Q3 -o theo-doi.xlsx
                        vanthu export postal-register --month 2021-08 -o so-gui-buu-dien.xlsx
                        """),
                subcommands: [IncomingRegister.self, OutgoingRegister.self, TrackingRegister.self, PostalRegister.self],
                aliases: ["xuat"])
    }
}

/// A period of registers or reports: exactly one of a year, a month, a quarter or two days.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp(tr("Cả năm.", en: "The whole year."), valueName: tr("năm", en: "year")))
    var year: Int?

    @Option(help: ArgumentHelp(tr("Một tháng: 2021-08.", en: "One month: 2021-08."), valueName: tr("yyyy-mm", en: "yyyy-mm")))
    var month: String?

    @Option(help: ArgumentHelp(tr("Một quý: 2021-Q3.", en: "One quarter: 2021-Q3."), valueName: tr("yyyy-Qn", en: "yyyy-Qn")))
    var quarter: String?

    @Option(help: ArgumentHelp(tr("Ngày đầu của kỳ.", en: "First day of the period."), valueName: tr("ngày", en: "date")))
    var from: String?

    @Option(help: ArgumentHelp(tr("Ngày cuối của kỳ.", en: "Last day of the period."), valueName: tr("ngày", en: "date")))
    var to: String?

    func period() throws -> RegisterPeriod {
        try RegisterPeriod(year: year, month: month, quarter: quarter, from: from, to: to)
    }
}

/// The options every register export takes.
struct ExportOptions: ParsableArguments {
    @OptionGroup var period: PeriodOptions

    @Option(
        name: [.short, .long], help: ArgumentHelp(tr("Tệp sẽ ghi.", en: "The file to write."), valueName: tr("đường-dẫn", en: "path")),
        completion: .file(extensions: ["xlsx", "pdf", "csv", "json"]))
    var output: String

    @Option(
        help: ArgumentHelp(
            tr(
                "xlsx, pdf (để in và đóng quyển), csv hoặc json (mặc định: theo đuôi tệp ghi ra, không có thì xlsx).",
                en: "xlsx, pdf (to print and bind), csv or json (default: from the output's extension, else xlsx)."),
            valueName: tr("định-dạng", en: "format")))
    var format: ExportFormat?

    @Option(
        name: .customLong("binding-margin"),
        help: ArgumentHelp(
            tr("PDF: lề bên đóng gáy, tính bằng mm (mặc định 25).", en: "PDF: the margin on the bound side, in mm (default 25)."),
            valueName: tr("mm", en: "mm")))
    var bindingMargin: Double = 25

    @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp ghi ra đã có.", en: "Replace the output file if it exists.")))
    var overwrite = false

    @Flag(help: ArgumentHelp(tr("Xuất sổ văn bản mật (một quyển riêng).", en: "Export the secret register (a separate book).")))
    var secret = false

    @Option(
        help: ArgumentHelp(
            tr("Quyển số, với sổ có nhiều quyển trong một năm.", en: "The volume, for a book kept in several volumes in a year."),
            valueName: tr("số", en: "n")))
    var volume: Int?

    @Flag(name: .customLong("break-monthly"), help: ArgumentHelp(tr("Mỗi tháng bắt đầu trang mới.", en: "Start each month on a new page.")))
    var breakMonthly = false

    func run(layout: String, global: GlobalOptions) throws {
        let request = ExportRequest(
            layout: layout, period: try period.period(), output: output,
            format: format ?? ExportFormat(rawValue: (output as NSString).pathExtension.lowercased()) ?? .xlsx,
            overwrite: overwrite, secret: secret, breakMonthly: breakMonthly, bindingMargin: bindingMargin, volume: volume)
        let summary = try global.withRegistry(.read, showingProgress: true) { try RegisterExporter.export(request, from: $0) }
        if global.json {
            return try Terminal.json(["path": summary.path, "rows": String(summary.rows), "register": summary.register])
        }
        Terminal.print(
            Terminal.label(
                "Đã ghi \(summary.register) (\(summary.rows) số) vào \(summary.path)",
                "Wrote \(summary.register) (\(summary.rows) numbers) to \(summary.path)"))
    }
}

extension VanThu.Export {
    struct IncomingRegister: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "incoming-register",
                abstract: tr("Sổ đăng ký văn bản đến (NĐ30 Phụ lục IV mục VI).", en: "Sổ đăng ký văn bản đến (ND30 Phụ lục IV mục VI)."),
                aliases: ["so-den"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "incoming", global: global) }
    }

    struct OutgoingRegister: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "outgoing-register",
                abstract: tr("Sổ đăng ký văn bản đi (NĐ30 Phụ lục IV mục I).", en: "Sổ đăng ký văn bản đi (ND30 Phụ lục IV mục I)."),
                aliases: ["so-di"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "outgoing", global: global) }
    }

    struct TrackingRegister: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "tracking-register",
                abstract: tr(
                    "Sổ theo dõi giải quyết văn bản đến (NĐ30 Phụ lục IV mục VIII).",
                    en: "Sổ theo dõi giải quyết văn bản đến (ND30 Phụ lục IV mục VIII)."), aliases: ["theo-doi"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "tracking", global: global) }
    }

    struct PostalRegister: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "postal-register",
                abstract: tr(
                    "Sổ gửi văn bản đi bưu điện (NĐ30 Phụ lục IV mục III), từ các bản đã gửi qua bưu điện.",
                    en: "Sổ gửi văn bản đi bưu điện (ND30 Phụ lục IV mục III), from the copies sent by post."),
                aliases: ["buu-dien"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "postal", global: global) }
    }
}
