import ArgumentParser
import VanThuCore

extension VanThu {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen a done or returned incoming document, with the reason.",
            discussion: "vanthu reopen den/2021/792 --reason \"Lãnh đạo yêu cầu bổ sung số liệu\"",
            aliases: ["mo-lai"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Why it is reopened.", valueName: "text"))
        var reason: String

        func run() throws {
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).reopen(reference: reference, reason: reason), json: global.json)
            }
        }
    }
}
