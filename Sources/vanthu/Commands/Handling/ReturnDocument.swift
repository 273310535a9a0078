import ArgumentParser
import VanThuCore

extension VanThu {
    struct ReturnDocument: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "return",
                abstract: tr(
                    "Trả lại văn bản đến cho nơi gửi, có lý do.", en: "Return an incoming document to its sender (trả lại), with the reason."),
                discussion: tr(
                    "vanthu return den/2021/795 --reason \"Gửi nhầm cơ quan\"", en: "vanthu return den/2021/795 --reason \"Gửi nhầm cơ quan\""),
                aliases: ["tra-lai"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Lý do trả lại.", en: "Why it is returned."), valueName: tr("nội-dung", en: "text")))
        var reason: String

        @Option(
            help: ArgumentHelp(
                tr("Ngày trả lại (mặc định: hôm nay).", en: "The day it was returned (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).returnDocument(reference: reference, reason: reason, date: day), json: global.json)
            }
        }
    }
}
