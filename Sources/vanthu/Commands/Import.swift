import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders
import VanThuXLSX

extension VanThu {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a register kept in Excel (.xlsx) or CSV, keeping its numbers.",
            discussion: """
                vanthu import incoming so-den-2020.xlsx --dry-run
                vanthu import incoming so-den-2020.xlsx --sheet "Sổ đến"
                vanthu import outgoing so-di-2020.csv --encoding windows-1258
                The ND30 column headings are recognised with or without diacritics; name others with --map.
                Nothing is imported while a row is bad, unless --skip-bad. One transaction, journaled with the file's SHA-256.
                """,
            aliases: ["nhap"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: "incoming (den) or outgoing (di).")
        var direction: DirectionArgument

        @Argument(help: ArgumentHelp("The .xlsx or .csv file.", valueName: "file"), completion: .file(extensions: ["xlsx", "csv", "txt"]))
        var file: String

        @Option(help: ArgumentHelp("The sheet to read (default: the first that holds a register).", valueName: "name"))
        var sheet: String?

        @Option(
            help: ArgumentHelp("A file naming the columns: [columns] \"Heading\" = \"field\".", valueName: "mapping.toml"),
            completion: .file(extensions: ["toml"]))
        var map: String?

        @Option(help: ArgumentHelp("CSV encoding: utf-8, utf-16 or windows-1258 (default: detected).", valueName: "encoding"))
        var encoding: String?

        @Flag(help: "Read and check every row, report, and write nothing.")
        var dryRun = false

        @Flag(help: "Import the good rows and leave out the bad ones (listed).")
        var skipBad = false

        @Flag(help: "Accept numbers missing in this year's register after the import (live numbering goes on after the highest).")
        var allowGaps = false

        func run() throws {
            var options = ImportOptions(direction: direction.direction)
            options.dryRun = dryRun
            options.skipBad = skipBad
            options.allowGaps = allowGaps
            let source = RegisterImporter.Source(path: file, sheet: sheet, encoding: encoding, mappingPath: map)
            let report = try global.withRegistry { try RegisterImporter.importFile(source, into: $0, options: options) }
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
