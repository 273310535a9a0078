import ArgumentParser
import VanThuCore
import VanThuXLSX

extension VanThu {
    struct Slip: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "slip",
                abstract: tr(
                    "Ghi Phiếu giải quyết văn bản đến của một văn bản (NĐ30 Phụ lục IV mục VII) ra XLSX hoặc PDF.",
                    en: "Write the Phiếu giải quyết văn bản đến of an incoming document (ND30 Phụ lục IV mục VII) as XLSX or PDF."),
                discussion: tr("vanthu slip den/2021/792 -o phieu-792.pdf", en: "vanthu slip den/2021/792 -o phieu-792.pdf"),
                aliases: ["phieu"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                tr("Tệp sẽ ghi: .xlsx, hoặc .pdf để in.", en: "The file to write: .xlsx, or .pdf to print."), valueName: tr("đường-dẫn", en: "path")),
            completion: .file(extensions: ["xlsx", "pdf"]))
        var output: String

        @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp ghi ra đã có.", en: "Replace the output file if it exists.")))
        var overwrite = false

        func run() throws {
            let written = try global.withRegistry(.read) { registry in
                let history = try HandlingService(registry).history(reference: reference)
                guard history.document.direction == .incoming else {
                    throw RegistryError.wrongDirection(history.document.reference, expected: .incoming)
                }
                return try IncomingSlipWriter.write(
                    history, organization: try SetupService(registry).organization(), to: output, overwrite: overwrite,
                    protecting: registry.protectedPaths)
            }
            if global.json { return try Terminal.json(["path": written.path]) }
            Terminal.print(Terminal.label("Đã ghi Phiếu giải quyết văn bản đến vào \(written.path)", "Wrote the handling slip to \(written.path)"))
        }
    }
}
