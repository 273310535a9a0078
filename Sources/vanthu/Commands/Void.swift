import ArgumentParser
import VanThuCore

extension VanThu {
    /// `vanthu void` (named so as not to shadow `Swift.Void`).
    struct VoidNumber: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "void",
                abstract: tr(
                    "Hủy một số, có lý do; số vẫn nằm trong sổ và không bao giờ được cấp lại.",
                    en: "Void a number, with a reason; it stays in the register and is never given again."),
                discussion: tr(
                    "vanthu void den/2021/783 --reason \"Vào sổ nhầm, trùng văn bản số 782\"",
                    en: "vanthu void den/2021/783 --reason \"Vào sổ nhầm, trùng văn bản số 782\""),
                aliases: ["huy-so"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783, di/2021/BC/86.", en: "The document: its id, or den/2021/783, di/2021/BC/86."),
                valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Lý do hủy số.", en: "Why the number is voided."), valueName: tr("nội-dung", en: "text")))
        var reason: String

        func run() throws {
            try global.withRegistry { registry in
                let document = try RegistrationService(registry).void(reference: reference, reason: reason)
                if global.json { return try Terminal.json(document) }
                Terminal.print(Terminal.label("Đã hủy số \(document.reference): \(reason)", "Voided \(document.reference): \(reason)"))
            }
        }
    }
}
