import ArgumentParser
import VanThuCore

extension VanThu {
    /// `vanthu void` (named so as not to shadow `Swift.Void`).
    struct VoidNumber: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void a number, with a reason; it stays in the register and is never given again.",
            discussion: "vanthu void den/2021/783 --reason \"Vào sổ nhầm, trùng văn bản số 782\"",
            aliases: ["huy-so"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783, di/2021/BC/86.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Why the number is voided.", valueName: "text"))
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
