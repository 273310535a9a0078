import ArgumentParser
import VanThuCore
import VanThuXLSX

extension VanThu {
    struct Report: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "report",
                abstract: tr(
                    "Ghi Báo cáo tình hình giải quyết văn bản đến của một kỳ, theo đơn vị, kèm biểu đồ.",
                    en: "Write the processing report (Báo cáo tình hình giải quyết văn bản đến) for a period, per unit, with a chart."),
                discussion: tr(
                    """
                    Đếm các văn bản đến trong kỳ, tính đến hôm nay: đã nhận, giải quyết đúng hạn, quá hạn,
                    đang giải quyết, đã quá hạn, đã trả lại. Văn bản khẩn còn mở được liệt kê trước.
                    vanthu report --quarter 2021-Q3 -o bao-cao-quy-3.xlsx
                    """,
                    en: """
                        Counts the incoming documents that arrived in the period, on today's date: received, done on time, done late,
                        pending, overdue, returned. Urgent documents still open are listed first.
                        vanthu report --quarter 2021-Q3 -o bao-cao-quy-3.xlsx
                        """),
                aliases: ["bao-cao"])

        @OptionGroup var global: GlobalOptions

        @OptionGroup var period: PeriodOptions

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                tr(
                    "Tệp sẽ ghi: .xlsx (có biểu đồ) hoặc .pdf để in; không có thì in bảng ra màn hình.",
                    en: "The file to write: .xlsx (with a chart) or .pdf to print; without it the table is shown."),
                valueName: tr("đường-dẫn", en: "path")),
            completion: .file(extensions: ["xlsx", "pdf"]))
        var output: String?

        @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp ghi ra đã có.", en: "Replace the output file if it exists.")))
        var overwrite = false

        func run() throws {
            let period = try period.period()
            try global.withRegistry(.read) { registry in
                let report = try HandlingService(registry).processingReport(period: period)
                if let output {
                    let written = try ProcessingReportWriter.write(
                        report, organization: try SetupService(registry).organization(), to: output, overwrite: overwrite,
                        protecting: registry.protectedPaths)
                    if global.json { return try Terminal.json(["path": written.path]) }
                    return Terminal.print(
                        Terminal.label(
                            "Đã ghi báo cáo (\(written.rows) đơn vị) vào \(written.path)",
                            "Wrote the report (\(written.rows) units) to \(written.path)"))
                }
                if global.json { return try Terminal.json(report) }
                guard report.total.received > 0 else {
                    throw ExportError.emptyPeriod(register: "Báo cáo tình hình giải quyết văn bản đến", start: period.start, end: period.end)
                }
                for document in report.urgentOpen {
                    Terminal.print(
                        "⚑ \(document.urgency?.label ?? "") \(document.reference): \(document.typeName) \(document.subject) (\(document.status.name(in: .fromEnvironment())))"
                    )
                }
                let rows =
                    report.rows.map { row in
                        [row.unit ?? Terminal.label("(Chưa chuyển)", "(Not routed)")] + row.counts.map(String.init)
                    } + [[Terminal.label("Tổng cộng", "Total")] + report.total.counts.map(String.init)]
                Terminal.print(
                    Terminal.table(
                        headings: [
                            Terminal.label("Đơn vị", "Unit"), Terminal.label("Nhận", "Received"), Terminal.label("Đúng hạn", "On time"),
                            Terminal.label("Quá hạn", "Late"), Terminal.label("Đang giải quyết", "Pending"),
                            Terminal.label("Quá hạn chưa xong", "Overdue"),
                            Terminal.label("Trả lại", "Returned"),
                        ],
                        rows: rows))
            }
        }
    }
}
