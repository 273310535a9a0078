import ArgumentParser
import VanThuCore
import VanThuReaders
import VanThuXLSX

/// The year of a Danh mục or hồ sơ: `--year`, else this year.
struct YearOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            tr("Năm của Danh mục hồ sơ (mặc định: năm nay).", en: "The year of the Danh mục hồ sơ (default: this year)."),
            valueName: tr("năm", en: "year")))
    var year: Int?

    func resolved(_ registry: Registry) -> Int { year ?? registry.context.today.year }
}

/// The file a hồ sơ form is written to: a workbook, or the PDF to print.
struct FormOutput: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            tr("Tệp sẽ ghi: .xlsx, hoặc .pdf để in và ký.", en: "The file to write: .xlsx, or .pdf to print and sign."),
            valueName: tr("tệp", en: "file")),
        completion: .file(extensions: ["xlsx", "pdf"]))
    var output: String

    @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp đã có.", en: "Replace the file if it exists.")))
    var overwrite = false
}

/// One hồ sơ: its số và ký hiệu and the year of its Danh mục.
struct DossierSelection: ParsableArguments {
    @Argument(help: ArgumentHelp(tr("Số và ký hiệu hồ sơ: 01.TCCB.", en: "Số và ký hiệu hồ sơ: 01.TCCB."), valueName: tr("hồ-sơ", en: "hồ sơ")))
    var notation: String

    @OptionGroup var year: YearOption

    func year(_ registry: Registry) -> Int { year.resolved(registry) }
}

extension VanThu {
    struct Catalog: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "catalog",
                abstract: tr(
                    "Danh mục hồ sơ của một năm: nhập, bổ sung, xem, in.",
                    en: "The Danh mục hồ sơ of a year: import it, add to it, show it, print it."),
                discussion: tr(
                    """
                    Tệp CSV theo mẫu Phụ lục V: Số và ký hiệu hồ sơ, Tên đề mục và tiêu đề hồ sơ, Thời hạn bảo quản,
                    Người lập hồ sơ, Ghi chú. Dòng đề mục (I. TỔ CHỨC, CÁN BỘ; 1. Tuyển dụng) không có số và ký hiệu.
                    vanthu catalog import danh-muc-2021.csv --year 2021
                    """,
                    en: """
                        The CSV file follows the Phụ lục V form: Số và ký hiệu hồ sơ, Tên đề mục và tiêu đề hồ sơ, Thời hạn bảo quản,
                        Người lập hồ sơ, Ghi chú. Đề mục lines (I. TỔ CHỨC, CÁN BỘ; 1. Tuyển dụng) have no số và ký hiệu.
                        vanthu catalog import danh-muc-2021.csv --year 2021
                        """),
                subcommands: [Import.self, Add.self, Show.self, Export.self],
                defaultSubcommand: Show.self,
                aliases: ["danh-muc"])
    }
}

extension VanThu.Catalog {
    struct Import: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "import",
                abstract: tr(
                    "Nhập Danh mục hồ sơ từ tệp CSV: nhập tất cả các dòng hoặc không dòng nào.",
                    en: "Import a Danh mục hồ sơ from a CSV file: every line or none."), aliases: ["nhap"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var year: YearOption

        @Argument(
            help: ArgumentHelp(
                tr("Tệp CSV (UTF-8, như Excel lưu “CSV UTF-8”).", en: "The CSV file (UTF-8, as Excel saves “CSV UTF-8”)."),
                valueName: tr("tệp", en: "file")), completion: .file(extensions: ["csv"]))
        var file: String

        func run() throws {
            let parsed = try CatalogFile.read(path: file)
            let catalog = try global.withRegistry { registry in
                try DossierService(registry).importCatalog(parsed, year: year.resolved(registry), source: file)
            }
            if global.json { return try Terminal.json(catalog) }
            let summary = catalog.summary
            Terminal.print(
                Terminal.label(
                    "Đã nhập Danh mục hồ sơ năm \(catalog.year): \(summary.total) hồ sơ.",
                    "Imported the \(catalog.year) catalogue: \(summary.total) hồ sơ."))
        }
    }

    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add", abstract: tr("Thêm một hồ sơ vào Danh mục.", en: "Add one hồ sơ to the Danh mục."), aliases: ["them"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var year: YearOption

        @Argument(help: ArgumentHelp(tr("Số và ký hiệu hồ sơ: 01.TCCB.", en: "Số và ký hiệu hồ sơ: 01.TCCB."), valueName: tr("hồ-sơ", en: "hồ sơ")))
        var notation: String

        @Option(help: ArgumentHelp(tr("Tiêu đề hồ sơ.", en: "Tiêu đề hồ sơ."), valueName: tr("nội-dung", en: "text")))
        var title: String

        @Option(
            help: ArgumentHelp(
                tr("Thời hạn bảo quản: vinh-vien hoặc số năm.", en: "Thời hạn bảo quản: vinh-vien or a number of years."),
                valueName: tr("thời-hạn", en: "years")))
        var retention: String?

        @Option(help: ArgumentHelp(tr("Người lập hồ sơ.", en: "Người lập hồ sơ."), valueName: tr("tên", en: "name")))
        var keeper: String?

        @Option(
            help: ArgumentHelp(
                tr("Đề mục để xếp hồ sơ vào: “I. TỔ CHỨC, CÁN BỘ”.", en: "The đề mục to list it under: “I. TỔ CHỨC, CÁN BỘ”."),
                valueName: tr("nội-dung", en: "text")))
        var heading: String?

        @Option(help: ArgumentHelp(tr("Ghi chú.", en: "Ghi chú."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        func run() throws {
            let draft = CatalogEntryDraft(
                fileNotation: notation, title: title, retention: retention, creator: keeper, description: note, heading: heading)
            let dossier = try global.withRegistry { registry in try DossierService(registry).addCatalogEntry(draft, year: year.resolved(registry)) }
            if global.json { return try Terminal.json(dossier) }
            Terminal.print(
                Terminal.label(
                    "Đã thêm vào Danh mục: \(dossier.reference) \(dossier.title)", "Added to the catalogue: \(dossier.reference) \(dossier.title)"))
        }
    }

    struct Show: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "show",
                abstract: tr("Xem Danh mục hồ sơ cùng tình trạng của từng hồ sơ.", en: "Show the Danh mục hồ sơ with the state of each hồ sơ."),
                aliases: ["xem"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var year: YearOption

        func run() throws {
            let catalog = try global.withRegistry(.read) { registry in try DossierService(registry).catalog(year: year.resolved(registry)) }
            if global.json { return try Terminal.json(catalog) }
            Terminal.print(ArchiveOutput.catalog(catalog))
        }
    }

    struct Export: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "export",
                abstract: tr(
                    "Ghi Danh mục hồ sơ ra XLSX hoặc PDF (mẫu Phụ lục V) để trình duyệt.",
                    en: "Write the Danh mục hồ sơ as XLSX or PDF (Phụ lục V form), for approval."), aliases: ["xuat"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var year: YearOption

        @OptionGroup var form: FormOutput

        func run() throws {
            let written = try global.withRegistry(.read) { registry in
                try DossierFormWriter.writeCatalog(
                    try DossierService(registry).catalog(year: year.resolved(registry)), organization: try SetupService(registry).organization(),
                    to: form.output, overwrite: form.overwrite, protecting: registry.protectedPaths)
            }
            if global.json { return try Terminal.json(["path": written.path, "dossiers": String(written.rows)]) }
            Terminal.print(Terminal.label("Đã ghi \(written.path) (\(written.rows) hồ sơ).", "Wrote \(written.path) (\(written.rows) hồ sơ)."))
        }
    }
}
