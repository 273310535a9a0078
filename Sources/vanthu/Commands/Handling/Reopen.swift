import ArgumentParser
import VanThuCore

extension VanThu {
    struct Reopen: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "reopen",
                abstract: tr(
                    "Mở lại một văn bản đến đã giải quyết hoặc đã trả lại, có lý do.",
                    en: "Reopen a done or returned incoming document, with the reason."),
                discussion: tr(
                    "vanthu reopen den/2021/792 --reason \"Lãnh đạo yêu cầu bổ sung số liệu\"",
                    en: "vanthu reopen den/2021/792 --reason \"Lãnh đạo yêu cầu bổ sung số liệu\""),
                aliases: ["mo-lai"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Lý do mở lại.", en: "Why it is reopened."), valueName: tr("nội-dung", en: "text")))
        var reason: String

        func run() throws {
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).reopen(reference: reference, reason: reason), json: global.json)
            }
        }
    }
}
