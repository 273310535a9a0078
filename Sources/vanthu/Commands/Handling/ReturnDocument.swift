import ArgumentParser
import VanThuCore

extension VanThu {
    struct ReturnDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return an incoming document to its sender (trả lại), with the reason.",
            discussion: "vanthu return den/2021/795 --reason \"Gửi nhầm cơ quan\"",
            aliases: ["tra-lai"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Why it is returned.", valueName: "text"))
        var reason: String

        @Option(help: ArgumentHelp("The day it was returned (default: today).", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).returnDocument(reference: reference, reason: reason, date: day), json: global.json)
            }
        }
    }
}
