import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders
import VanThuXLSX

extension VanThu {
    struct Import: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "import",
                abstract: tr(
                    "Nhập sổ cũ lập bằng Excel (.xlsx) hoặc CSV, giữ nguyên số.",
                    en: "Import a register kept in Excel (.xlsx) or CSV, keeping its numbers."),
                discussion: tr(
                    """
                    vanthu import incoming so-den-2020.xlsx --dry-run
                    vanthu import incoming so-den-2020.xlsx --sheet "Sổ đến"
                    vanthu import outgoing so-di-2020.csv --encoding windows-1258
                    Tiêu đề cột theo NĐ30 được nhận ra dù có dấu hay không; các cột khác thì khai báo bằng --map.
                    Còn dòng sai thì không nhập gì, trừ khi có --skip-bad. Một giao tác, ghi nhật ký kèm SHA-256 của tệp.
                    """,
                    en: """
                        vanthu import incoming so-den-2020.xlsx --dry-run
                        vanthu import incoming so-den-2020.xlsx --sheet "Sổ đến"
                        vanthu import outgoing so-di-2020.csv --encoding windows-1258
                        The ND30 column headings are recognised with or without diacritics; name others with --map.
                        Nothing is imported while a row is bad, unless --skip-bad. One transaction, journaled with the file's SHA-256.
                        """),
                aliases: ["nhap"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("incoming (den, sổ đến) hoặc outgoing (di, sổ đi).", en: "incoming (den) or outgoing (di)."), valueName: tr("sổ", en: "direction"))
        )
        var direction: DirectionArgument

        @Argument(
            help: ArgumentHelp(tr("Tệp .xlsx hoặc .csv.", en: "The .xlsx or .csv file."), valueName: tr("tệp", en: "file")),
            completion: .file(extensions: ["xlsx", "csv", "txt"]))
        var file: String

        @Option(
            help: ArgumentHelp(
                tr("Trang tính cần đọc (mặc định: trang đầu tiên có sổ).", en: "The sheet to read (default: the first that holds a register)."),
                valueName: tr("tên", en: "name")))
        var sheet: String?

        @Option(
            help: ArgumentHelp(
                tr("Tệp khai báo các cột: [columns] \"Tiêu đề\" = \"trường\".", en: "A file naming the columns: [columns] \"Heading\" = \"field\"."),
                valueName: tr("mapping.toml", en: "mapping.toml")),
            completion: .file(extensions: ["toml"]))
        var map: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Bảng mã CSV: utf-8, utf-16 hoặc windows-1258 (mặc định: tự nhận ra).",
                    en: "CSV encoding: utf-8, utf-16 or windows-1258 (default: detected)."), valueName: tr("bảng-mã", en: "encoding")))
        var encoding: String?

        @Flag(help: ArgumentHelp(tr("Đọc và kiểm tra mọi dòng, báo cáo, không ghi gì.", en: "Read and check every row, report, and write nothing.")))
        var dryRun = false

        @Flag(
            help: ArgumentHelp(
                tr("Nhập các dòng đúng, bỏ các dòng sai (có liệt kê).", en: "Import the good rows and leave out the bad ones (listed).")))
        var skipBad = false

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Chấp nhận các số bị thiếu trong sổ năm nay sau khi nhập (số mới tiếp tục sau số lớn nhất).",
                    en: "Accept numbers missing in this year's register after the import (live numbering goes on after the highest).")))
        var allowGaps = false

        func run() throws {
            var options = ImportOptions(direction: direction.direction)
            options.dryRun = dryRun
            options.skipBad = skipBad
            options.allowGaps = allowGaps
            let source = RegisterImporter.Source(path: file, sheet: sheet, encoding: encoding, mappingPath: map)
            let report = try global.withRegistry(showingProgress: true) { try RegisterImporter.importFile(source, into: $0, options: options) }
            if global.json {
                try Terminal.json(report)
            } else {
                Terminal.print(ImportOutput.text(report))
            }
            if dryRun && (!report.problems.isEmpty || report.liveSeriesGaps != nil) { throw ExitCode(1) }
        }
    }
}

/// The import report as a clerk reads it.
enum ImportOutput {
    static func text(_ report: ImportReport) -> String {
        var lines: [String] = []
        lines.append(
            Terminal.label(
                "Tệp \(report.file), trang “\(report.sheet)”, dòng tiêu đề \(report.headingRow). SHA-256: \(report.sha256)",
                "File \(report.file), sheet “\(report.sheet)”, heading row \(report.headingRow). SHA-256: \(report.sha256)"))
        let columns = report.columns.sorted { $0.key < $1.key }.map { "“\($0.key)” → \($0.value)" }.joined(separator: "; ")
        lines.append(Terminal.label("Cột: ", "Columns: ") + columns)
        for problem in report.problems {
            lines.append(Terminal.label("  Dòng \(problem.row): \(problem.reason.vi)", "  Row \(problem.row): \(problem.reason.en)"))
        }
        for series in report.series {
            let name = series.register + (series.seriesKey.isEmpty ? "" : " (\(series.seriesKey))")
            var line = Terminal.label(
                "\(name): \(series.imported) số, từ \(series.first) đến \(series.last)",
                "\(name): \(series.imported) numbers, \(series.first) to \(series.last)")
            line +=
                series.gaps.isEmpty
                ? Terminal.label(", không thiếu số", ", no gaps")
                : Terminal.label("; thiếu số: ", "; missing: ") + series.gaps.prefix(20).joined(separator: ", ")
                    + (series.gaps.count > 20 ? ", …" : "")
            if !series.duplicates.isEmpty {
                line += Terminal.label("; trùng số: ", "; duplicated: ") + series.duplicates.map(String.init).joined(separator: ", ")
            }
            line += Terminal.label(". Số tiếp theo: \(series.nextNumber).", ". Next number: \(series.nextNumber).")
            lines.append(line)
        }
        if let refusal = report.liveSeriesGaps { lines.append(Terminal.text(refusal)) }
        if report.dryRun {
            lines.append(
                report.problems.isEmpty && report.liveSeriesGaps == nil
                    ? Terminal.label(
                        "Thử: \(report.rowsRead) dòng đều đọc được. Chưa ghi gì; chạy lại không có --dry-run để nhập.",
                        "Dry run: all \(report.rowsRead) rows can be read. Nothing written; run again without --dry-run to import.")
                    : Terminal.label(
                        "Thử: \(report.problems.count)/\(report.rowsRead) dòng không đọc được. Chưa ghi gì.",
                        "Dry run: \(report.problems.count) of \(report.rowsRead) rows cannot be read. Nothing written."))
        } else {
            lines.append(
                Terminal.label(
                    "Đã nhập \(report.imported) văn bản" + (report.problems.isEmpty ? "." : ", bỏ qua \(report.problems.count) dòng lỗi."),
                    "Imported \(report.imported) documents" + (report.problems.isEmpty ? "." : ", \(report.problems.count) bad rows left out.")))
        }
        return lines.joined(separator: "\n")
    }
}
