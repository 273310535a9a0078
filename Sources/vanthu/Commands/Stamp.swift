import ArgumentParser
import Foundation
import VanThuCore
import VanThuOffice
import VanThuReaders
import VanThuXLSX

extension VanThu {
    struct Stamp: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "stamp",
                abstract: tr(
                    "Ghi bản PDF có dấu ĐẾN (số đến, ngày, chuyển, hồ sơ) trên trang 1; bản gốc không đổi.",
                    en: "Write a copy of the PDF with the ĐẾN stamp (số đến, date, handler, hồ sơ) on page 1; the original is unchanged."),
                discussion: tr(
                    """
                    Dấu được ghi thêm vào sau tệp gốc (cập nhật tăng dần của PDF): chữ ký số của nơi gửi vẫn kiểm tra được.
                    vanthu stamp den/2026/15 -o den-15.pdf
                    vanthu stamp den/2026/15 -o den-15.pdf --position top-left
                    """,
                    en: """
                        The stamp is appended after the original's bytes (a PDF incremental update): the sender's signature still verifies.
                        vanthu stamp den/2026/15 -o den-15.pdf
                        vanthu stamp den/2026/15 -o den-15.pdf --position top-left
                        """),
                aliases: ["dong-dau"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Văn bản đến.", en: "The incoming document."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(name: .shortAndLong, help: ArgumentHelp(tr("Tệp PDF ghi ra.", en: "The PDF to write."), valueName: tr("tệp", en: "file")))
        var output: String

        @Option(
            help: ArgumentHelp(
                tr(
                    "Vị trí dấu: auto (góc trên bên phải, hoặc chỗ trống đầu tiên), top-right, top-left, bottom-right, bottom-left.",
                    en: "Where the stamp goes: auto (top right, or the first blank area), top-right, top-left, bottom-right, bottom-left."),
                valueName: tr("vị-trí", en: "position")))
        var position: String = "auto"

        @Flag(help: ArgumentHelp(tr("Ghi đè tệp đã có.", en: "Replace an existing file.")))
        var overwrite = false

        func run() throws {
            guard let position = StampedCopy.Position(rawValue: position) else {
                throw ValidationError(
                    tr(
                        "Vị trí “\(position)” không có; dùng auto, top-right, top-left, bottom-right hoặc bottom-left.",
                        en: "No position “\(position)”; use auto, top-right, top-left, bottom-right or bottom-left."))
            }
            try global.withRegistry(.read) { registry in
                let document = try DocumentService(registry).document(reference: reference)
                let original = try AttachmentService(registry).original(reference: document.reference)
                let copy = try FileRegistration(registry).stamped(
                    original.data, name: original.attachment.name, document: document, position: position)
                try OutputFile.write(copy.pdf, to: output, overwrite: overwrite, protecting: registry.protectedPaths)
                if global.json {
                    return try Terminal.json(["reference": document.reference, "original": original.attachment.name, "output": output])
                }
                Terminal.print(
                    Terminal.label(
                        "Đã ghi \(output): \(original.attachment.name) có dấu ĐẾN số \(document.displayNumber) trên trang 1 (bản gốc không đổi).",
                        "Wrote \(output): \(original.attachment.name) with the ĐẾN stamp no. \(document.displayNumber) on page 1 (the original is unchanged)."
                    ))
            }
        }
    }
}
