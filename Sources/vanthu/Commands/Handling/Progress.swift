import ArgumentParser
import VanThuCore

extension VanThu {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record how the handling of an incoming document is going (tiến độ).",
            discussion: "vanthu progress den/2021/792 --note \"Đang dự thảo báo cáo\"",
            aliases: ["tien-do"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Where the handling stands.", valueName: "text"))
        var note: String

        @Option(help: ArgumentHelp("The day of the note (default: today).", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).progress(reference: reference, note: note, date: day), json: global.json)
            }
        }
    }
}
