import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake

extension VanThu {
    struct Intake: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a document's text and show the metadata it proposes for registration.",
            discussion: """
                vanthu intake van-ban.txt          # field by field
                vanthu intake van-ban.txt --json   # the same as JSON
                cat van-ban.txt | vanthu intake -  # from standard input
                Register with it: vanthu incoming add --from-text van-ban.txt --received 20/8/2021
                """,
            aliases: ["doc"])

        @Argument(help: ArgumentHelp("The text file (UTF-8 or UTF-16), or - for standard input.", valueName: "file"))
        var file: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let result = DocumentReader.read(data: try IntakeSource.read(file))
            if json { return try Terminal.json(result) }
            Terminal.print(result.fieldList(in: .fromEnvironment()))
        }
    }
}
