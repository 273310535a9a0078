import ArgumentParser
import VanThuCore

extension VanThu {
    struct Receipt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a unit signed for an incoming document (ký nhận).",
            discussion: "vanthu receipt den/2021/792 --unit \"Phòng Tuyên truyền\" --signed-by \"Trần Thị C\"",
            aliases: ["ky-nhan"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("The unit that received it (the lead or a co-operating unit).", valueName: "unit"))
        var unit: String

        @Option(name: .customLong("signed-by"), help: ArgumentHelp("Who signed for it.", valueName: "name"))
        var signedBy: String?

        @Option(help: ArgumentHelp("The day of the signature (default: today).", valueName: "date"))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(
                    try HandlingService($0).receipt(reference: reference, unit: unit, signedBy: signedBy, date: day), json: global.json)
            }
        }
    }
}
