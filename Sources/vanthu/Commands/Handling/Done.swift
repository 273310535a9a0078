import ArgumentParser
import VanThuCore

extension VanThu {
    struct Done: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "done",
                abstract: tr(
                    "Đánh dấu văn bản đến đã giải quyết xong, gắn văn bản trả lời (một văn bản đi).",
                    en: "Mark an incoming document handled, linking the reply (an outgoing document)."),
                discussion: tr("vanthu done den/2021/792 --reply di/2021/BC/216", en: "vanthu done den/2021/792 --reply di/2021/BC/216"),
                aliases: ["xong"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(
            help: ArgumentHelp(
                tr(
                    "Văn bản trả lời: một văn bản đi trong sổ này (di/2021/BC/216 hoặc mã số).",
                    en: "The reply: an outgoing document of this registry (di/2021/BC/216 or its id)."),
                valueName: tr("văn-bản-đi", en: "outgoing-ref")))
        var reply: String?

        @Option(help: ArgumentHelp(tr("Kết quả giải quyết.", en: "How it was handled."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        @Option(
            help: ArgumentHelp(
                tr("Ngày giải quyết xong (mặc định: hôm nay).", en: "The day it was handled (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).done(reference: reference, reply: reply, note: note, date: day), json: global.json)
                ExchangeReplies.owe(.finished, for: reference, registry: $0, quiet: global.json)
            }
        }
    }
}
