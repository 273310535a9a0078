import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake

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

        @Flag(help: ArgumentHelp(tr("In ra JSON.", en: "Print JSON.")))
        var json = false

        func run() throws {
            let result = DocumentReader.read(data: try IntakeSource.read(file))
            if json { return try Terminal.json(result) }
            Terminal.print(result.fieldList(in: .fromEnvironment()))
        }
    }
}
