import ArgumentParser
import Foundation
import VanThuCore

extension VanThu {
    struct History: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "history",
                abstract: tr(
                    "Xem mọi bước giải quyết của một văn bản đến, theo thứ tự (TraceHeaderList).",
                    en: "Show every step of an incoming document's handling, in order (TraceHeaderList)."),
                discussion: tr("vanthu history den/2021/792", en: "vanthu history den/2021/792"),
                aliases: ["lich-su"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        func run() throws {
            let history = try global.withRegistry(.read) { try HandlingService($0).history(reference: reference) }
            if global.json { return try Terminal.json(history) }
            let d = history.document
            Terminal.print("\(d.reference): \(d.typeName) \(d.notation?.full ?? "") – \(d.organName)")
            Terminal.print(
                "  \(d.registeredAt.prefix(16).replacingOccurrences(of: "T", with: " "))  "
                    + Terminal.label(
                        "Vào sổ, số đến \(d.displayNumber), ngày đến \(d.registerDate.vietnamese)",
                        "Registered as \(d.displayNumber), arrived \(d.registerDate.vietnamese)")
                    + " (\(d.registeredBy))")
            for step in history.steps {
                Terminal.print(
                    "  \(step.at.prefix(16).replacingOccurrences(of: "T", with: " "))  \(HandlingOutput.summary(of: step, reference: d.reference)) (\(step.user))"
                )
            }
            if let voided = d.voided {
                Terminal.print(
                    "  \(voided.at.prefix(16).replacingOccurrences(of: "T", with: " "))  " + Terminal.label("ĐÃ HỦY SỐ: ", "VOIDED: ")
                        + "\(voided.reason) (\(voided.by))")
            }
            if d.direction == .incoming {
                Terminal.print(Terminal.label("Trạng thái: ", "Status: ") + d.status.name(in: .fromEnvironment()))
            }
        }
    }
}
