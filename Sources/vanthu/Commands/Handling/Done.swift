import ArgumentParser
import VanThuCore

extension VanThu {
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark an incoming document handled, linking the reply (an outgoing document).",
            discussion: "vanthu done den/2021/792 --reply di/2021/BC/216",
            aliases: ["xong"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("The reply: an outgoing document of this registry (di/2021/BC/216 or its id).", valueName: "outgoing-ref"))
        var reply: String?

        @Option(help: ArgumentHelp("How it was handled.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("The day it was handled (default: today).", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).done(reference: reference, reply: reply, note: note, date: day), json: global.json)
            }
        }
    }
}
