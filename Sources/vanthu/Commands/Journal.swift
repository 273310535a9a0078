import ArgumentParser
import VanThuCore

extension VanThu {
    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the journal: every change, who made it, when, before and after.",
            discussion: "vanthu journal --ref den/2021/783",
            aliases: ["nhat-ky"])

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("ref"), help: ArgumentHelp("Only the entries about this document.", valueName: "ref"))
        var reference: String?

        @Option(help: ArgumentHelp("Only the last n entries.", valueName: "n"))
        var limit: Int?

        func run() throws {
            let entries = try global.withRegistry(.read) { try $0.journal(reference: reference, limit: limit) }
            if global.json { return try Terminal.json(entries) }
            for entry in entries {
                Terminal.print("#\(entry.id)  \(entry.at)  \(entry.user)  \(entry.action)  \(entry.reference ?? entry.entity)")
                guard entry.before != nil else { continue }
                for change in entry.changes {
                    Terminal.print("    \(change.field): \(change.before) → \(change.after)")
                }
            }
        }
    }
}
