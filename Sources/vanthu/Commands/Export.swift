public import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

extension ExportFormat: ExpressibleByArgument {}

extension VanThu {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a register for a period, ready to print and bind (XLSX), or as CSV or JSON.",
            discussion: """
                vanthu export incoming-register --year 2021 -o so-den-2021.xlsx
                vanthu export outgoing-register --month 2021-08 -o so-di-2021-08.xlsx
                vanthu xuat theo-doi --quarter 2021-Q3 -o theo-doi.xlsx
                vanthu export postal-register --month 2021-08 -o so-gui-buu-dien.xlsx
                """,
            subcommands: [IncomingRegister.self, OutgoingRegister.self, TrackingRegister.self, PostalRegister.self],
            aliases: ["xuat"])
    }
}

/// A period of registers or reports: exactly one of a year, a month, a quarter or two days.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The whole year.", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("One month: 2021-08.", valueName: "yyyy-mm"))
    var month: String?

    @Option(help: ArgumentHelp("One quarter: 2021-Q3.", valueName: "yyyy-Qn"))
    var quarter: String?

    @Option(help: ArgumentHelp("First day of the period.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period.", valueName: "date"))
    var to: String?

    func period() throws -> RegisterPeriod {
        try RegisterPeriod(year: year, month: month, quarter: quarter, from: from, to: to)
    }
}

/// The options every register export takes.
struct ExportOptions: ParsableArguments {
    @OptionGroup var period: PeriodOptions

    @Option(
        name: [.short, .long], help: ArgumentHelp("The file to write.", valueName: "path"), completion: .file(extensions: ["xlsx", "csv", "json"]))
    var output: String

    @Option(help: ArgumentHelp("xlsx, csv or json (default: from the output's extension, else xlsx).", valueName: "format"))
    var format: ExportFormat?

    @Flag(help: "Replace the output file if it exists.")
    var overwrite = false

    @Flag(help: "Export the secret register (a separate book).")
    var secret = false

    @Flag(name: .customLong("break-monthly"), help: "Start each month on a new page.")
    var breakMonthly = false

    func run(layout: String, global: GlobalOptions) throws {
        let request = ExportRequest(
            layout: layout, period: try period.period(), output: output,
            format: format ?? ExportFormat(rawValue: (output as NSString).pathExtension.lowercased()) ?? .xlsx,
            overwrite: overwrite, secret: secret, breakMonthly: breakMonthly)
        let summary = try global.withRegistry(.read) { try RegisterExporter.export(request, from: $0) }
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
        static let configuration = CommandConfiguration(
            commandName: "incoming-register", abstract: "Sổ đăng ký văn bản đến (ND30 Phụ lục IV mục VI).", aliases: ["so-den"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "incoming", global: global) }
    }

    struct OutgoingRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outgoing-register", abstract: "Sổ đăng ký văn bản đi (ND30 Phụ lục IV mục I).", aliases: ["so-di"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "outgoing", global: global) }
    }

    struct TrackingRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tracking-register", abstract: "Sổ theo dõi giải quyết văn bản đến (ND30 Phụ lục IV mục VIII).", aliases: ["theo-doi"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "tracking", global: global) }
    }

    struct PostalRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postal-register", abstract: "Sổ gửi văn bản đi bưu điện (ND30 Phụ lục IV mục III), from the copies sent by post.",
            aliases: ["buu-dien"])
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        func run() throws { try options.run(layout: "postal", global: global) }
    }
}
