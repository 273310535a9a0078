import ArgumentParser
import Foundation
import VanThuCore

extension VanThu {
    struct Verify: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "verify",
                abstract:
                    tr(
                        "Kiểm tra trước khi khóa sổ cuối năm: tính toàn vẹn của cơ sở dữ liệu, khóa ngoại, chỉ mục tìm kiếm, các dãy số không bị thiếu, chuỗi và dấu niêm của nhật ký, mọi tệp đã lưu; trả mã lỗi khác 0 khi có vấn đề.",
                        en:
                            "Before closing the year: database integrity, foreign keys, search index, numbering series without gaps, the journal's chain and seals, every stored file; non-zero exit on any problem."
                    ),
                aliases: ["check", "xac-minh", "kiem-tra"])

        @OptionGroup var global: GlobalOptions

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Dựng lại chỉ mục tìm kiếm từ các văn bản trước (có ghi nhật ký).",
                    en: "Rebuild the search index from the documents first (journaled).")))
        var rebuildSearchIndex = false

        func run() throws {
            if rebuildSearchIndex {
                try global.withRegistry { try SearchService($0).rebuildSearchIndex() }
                if !global.json { Terminal.print(Terminal.label("Đã dựng lại chỉ mục tìm kiếm.", "Search index rebuilt.")) }
            }
            // Read-write when it can be: the search index check runs as a (rolled back) write.
            let report: VerifyReport
            do {
                report = try global.withRegistry(showingProgress: true) { try JournalService($0).verify() }
            } catch RegistryError.databaseReadOnly {
                report = try global.withRegistry(.read, showingProgress: true) { try JournalService($0).verify() }
            }
            if global.json {
                try Terminal.json(report)
            } else {
                for line in report.integrity { Terminal.print(Terminal.label("Cơ sở dữ liệu: ", "Database: ") + line) }
                if report.foreignKeyErrors > 0 {
                    Terminal.print(
                        Terminal.label(
                            "\(report.foreignKeyErrors) liên kết hỏng trong cơ sở dữ liệu.",
                            "\(report.foreignKeyErrors) broken links in the database."))
                }
                if let problem = report.searchIndex {
                    Terminal.print(
                        Terminal.label(
                            "CHỈ MỤC TÌM KIẾM KHÔNG KHỚP văn bản (khác ở: \(problem)). Hãy chạy “vanthu check --rebuild-search-index”.",
                            "SEARCH INDEX OUT OF STEP with the documents (differs at: \(problem)). Run “vanthu check --rebuild-search-index”."))
                }
                for gap in report.seriesGaps {
                    let series = gap.register + (gap.seriesKey.isEmpty ? "" : " (\(gap.seriesKey))")
                    Terminal.print(
                        gap.fromImport
                            ? Terminal.label(
                                "Ghi chú: \(series) thiếu số \(gap.numbers), có từ sổ cũ đã nhập.",
                                "Note: \(series) lacks number \(gap.numbers), from the old register imported.")
                            : Terminal.label(
                                "SỔ THIẾU SỐ: \(series) thiếu số \(gap.numbers).", "NUMBERS MISSING: \(series) lacks number \(gap.numbers)."))
                }
                if let journal = report.journal { JournalOutput.print(journal) }
                for problem in report.problems {
                    Terminal.print(
                        problem.kind == .missing
                            ? Terminal.label("THIẾU TỆP: \(problem.reference) “\(problem.name)”", "MISSING: \(problem.reference) “\(problem.name)”")
                            : Terminal.label(
                                "TỆP BỊ THAY ĐỔI: \(problem.reference) “\(problem.name)”", "ALTERED: \(problem.reference) “\(problem.name)”"))
                }
                Terminal.print(
                    report.isClean
                        ? Terminal.label(
                            "Tốt: cơ sở dữ liệu, chỉ mục tìm kiếm, dãy số và nhật ký toàn vẹn, \(report.checkedFiles) tệp lưu trữ khớp mã SHA-256.",
                            "OK: database, search index, numbering and journal intact, \(report.checkedFiles) stored files match their SHA-256.")
                        : Terminal.label(
                            "Có lỗi. Hãy khôi phục các tệp hỏng từ bản sao lưu (vanthu restore).",
                            "Problems found. Restore the damaged files from a backup (vanthu restore)."))
            }
            if !report.isClean { throw ExitCode(1) }
        }
    }

    struct Backup: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "backup",
                abstract: tr(
                    "Ghi một bản sao nhất quán của cơ sở dữ liệu và các tệp đã lưu vào thư mục mới, trong khi người khác vẫn làm việc.",
                    en: "Write a consistent copy of the database and its stored files into a new folder, while others keep working."),
                aliases: ["sao-luu"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(tr("Một thư mục mới hoặc rỗng.", en: "A new or empty folder."), valueName: tr("thư-mục", en: "folder")),
            completion: .directory)
        var folder: String

        func run() throws {
            let manifest = try global.withRegistry(.read, showingProgress: true) { try BackupService($0).backup(to: folder) }
            if global.json { return try Terminal.json(manifest) }
            Terminal.print(
                Terminal.label(
                    "Đã sao lưu vào \(folder): \(manifest.documents) văn bản, \(manifest.files) tệp lưu trữ. SHA-256: \(manifest.sha256)",
                    "Backed up to \(folder): \(manifest.documents) documents, \(manifest.files) stored files. SHA-256: \(manifest.sha256)"))
        }
    }

    struct Restore: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "restore",
                abstract: tr(
                    "Khôi phục từ bản sao lưu, sau khi kiểm tra; cơ sở dữ liệu đang có được giữ lại bên cạnh.",
                    en: "Bring a backup back, after checking it; an existing database is kept beside it."),
                aliases: ["khoi-phuc"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(tr("Thư mục sao lưu.", en: "The backup folder."), valueName: tr("thư-mục", en: "folder")), completion: .directory)
        var folder: String

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Thay cơ sở dữ liệu ở --db; bản cũ được giữ thành ….before-restore-<thời điểm>.",
                    en: "Replace the database at --db; the old one is kept as ….before-restore-<time>.")))
        var replace = false

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Vẫn khôi phục dù cơ sở dữ liệu bị thay đã cấp những số mà bản sao lưu không có; các số đó sẽ bị cấp lại.",
                    en: "Restore even though the database being replaced gave numbers the backup lacks; they will be given again.")))
        var reissueNumbers = false

        func run() throws {
            // The copy is checked (its journal verified) before anything is replaced: that shows progress, and Ctrl-C stops it.
            let manifest = try ProgressLine.during { line in
                var context = global.context
                context.progress = { try line.observe($0) }
                return try BackupService.restore(
                    from: folder, to: global.databasePath, replace: replace, reissueNumbers: reissueNumbers, context: context)
            }
            if global.json { return try Terminal.json(manifest) }
            Terminal.print(
                Terminal.label(
                    "Đã khôi phục \(global.databasePath) từ bản sao lưu ngày \(manifest.createdAt.prefix(10)): \(manifest.documents) văn bản, \(manifest.files) tệp.",
                    "Restored \(global.databasePath) from the backup of \(manifest.createdAt.prefix(10)): \(manifest.documents) documents, \(manifest.files) files."
                ))
        }
    }
}
