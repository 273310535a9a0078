import ArgumentParser
import VanThuCore

extension VanThu {
    struct Progress: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "progress",
                abstract: tr("Ghi tiến độ giải quyết một văn bản đến.", en: "Record how the handling of an incoming document is going (tiến độ)."),
                discussion: tr(
                    "vanthu progress den/2021/792 --note \"Đang dự thảo báo cáo\"", en: "vanthu progress den/2021/792 --note \"Đang dự thảo báo cáo\""
                ),
                aliases: ["tien-do"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Việc giải quyết đang đến đâu.", en: "Where the handling stands."), valueName: tr("nội-dung", en: "text")))
        var note: String

        @Option(
            help: ArgumentHelp(
                tr("Ngày ghi tiến độ (mặc định: hôm nay).", en: "The day of the note (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).progress(reference: reference, note: note, date: day), json: global.json)
                ExchangeReplies.owe(.processing, for: reference, registry: $0, quiet: global.json)
            }
        }
    }
}
