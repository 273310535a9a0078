import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake
import VanThuOffice

extension VanThu {
    struct Intake: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "intake",
                abstract: tr(
                    "Đọc nội dung văn bản và cho thấy các thông tin đề xuất để đăng ký.",
                    en: "Read a document's text and show the metadata it proposes for registration."),
                discussion: tr(
                    """
                    vanthu intake van-ban.txt          # từng trường
                    vanthu intake van-ban.txt --json   # như trên, dạng JSON
                    cat van-ban.txt | vanthu intake -  # từ đầu vào chuẩn
                    Đăng ký luôn: vanthu incoming add --from-text van-ban.txt --received 20/8/2021
                    """,
                    en: """
                        vanthu intake van-ban.txt          # field by field
                        vanthu intake van-ban.txt --json   # the same as JSON
                        cat van-ban.txt | vanthu intake -  # from standard input
                        Register with it: vanthu incoming add --from-text van-ban.txt --received 20/8/2021
                        """),
                aliases: ["doc"])

        @Argument(
            help: ArgumentHelp(
                tr("Tệp văn bản (UTF-8 hoặc UTF-16), hoặc - cho đầu vào chuẩn.", en: "The text file (UTF-8 or UTF-16), or - for standard input."),
                valueName: tr("tệp", en: "file")))
        var file: String

        @OptionGroup var global: GlobalOptions

        @Flag(
            name: .customLong("text"),
            help: ArgumentHelp(
                tr(
                    "In ra nội dung đọc được (lớp chữ của PDF, chữ OCR, Word) thay cho các trường.",
                    en: "Print the text read (the PDF's text layer, OCR, Word) instead of the fields.")))
        var showText = false

        func run() throws {
            let read = try Self.read(file, trustedRoots: global.trustedRootsIfAny())
            if showText { return Terminal.print(read.text) }
            let result = read.result
            if global.json { return try Terminal.json(result) }
            Terminal.print(result.fieldList(in: .fromEnvironment()))
        }

        /// The file's bytes and what intake reads in them: a PDF (text layer, OCR for scans, its
        /// signatures), a Word file, or text, told apart by content.
        static func read(_ path: String, trustedRoots: [Data]) throws -> ReadDocument {
            try ReadDocument(data: try IntakeSource.bytes(path), name: (path as NSString).lastPathComponent, trustedRoots: trustedRoots)
        }
    }
}
