import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

extension VanThu {
    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The journal: every change, who made it, when, before and after; chained by SHA-256.",
            discussion: """
                vanthu journal --ref den/2021/783
                vanthu journal verify
                vanthu journal verify --expect 3f2a…  (the hash written in the closing minutes)
                vanthu journal export --from 1/1/2021 --to 31/12/2021 -o nhat-ky-2021.xlsx
                """,
            subcommands: [Show.self, Verify.self, Export.self],
            defaultSubcommand: Show.self,
            aliases: ["nhat-ky"])
    }
}

extension VanThu.Journal {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the journal (the default).", aliases: ["xem"])

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("ref"), help: ArgumentHelp("Only the entries about this document.", valueName: "ref"))
        var reference: String?

        @Option(help: ArgumentHelp("Only the last n entries.", valueName: "n"))
        var limit: Int?

        func run() throws {
            let entries = try global.withRegistry(.read) { try JournalService($0).entries(reference: reference, limit: limit) }
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

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Re-compute the journal's hash chain and compare every document with what the journal last recorded; non-zero exit on any difference.",
            discussion: """
                What it proves: no entry was edited, removed from the middle or reordered, and every sealed record (documents with \
                their recipients, citations, text, routing, dispatch, attachments and hồ sơ membership; the agency, document types, \
                registers, numbering, calendar, Danh mục, hồ sơ and transfers) is as the journal last recorded it.
                What it cannot prove alone: that the end of the journal was not cut, or that someone able to write the file did not \
                recompute every seal and hash. For that, write the last entry's hash (printed below, on every exported register's \
                cover and in every backup's manifest) into the closing minutes, and give it back with --expect: a cut or recomputed \
                journal no longer has it on an intact chain.
                """,
            aliases: ["kiem-tra"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "A hash written outside the file (closing minutes, a printed register, a backup's manifest): it must still be on the chain. Repeatable.",
                valueName: "sha256"))
        var expect: [String] = []

        func run() throws {
            let result = try global.withRegistry(.read) { try JournalService($0).verifyJournal(expecting: expect) }
            if global.json {
                try Terminal.json(result)
            } else {
                JournalOutput.print(result)
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the journal of a period to XLSX or CSV for inspection.",
            aliases: ["xuat"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("First day (default: the first entry).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date"))
        var to: String?

        @Option(
            name: [.short, .long], help: ArgumentHelp("The file to write: .xlsx or .csv.", valueName: "path"),
            completion: .file(extensions: ["xlsx", "csv"]))
        var output: String

        @Flag(help: "Replace the output file if it exists.")
        var overwrite = false

        func run() throws {
            let start = try from.map(LocalDate.init(parsing:))
            let end = try to.map(LocalDate.init(parsing:))
            let written = try global.withRegistry(.read) { registry in
                let entries = try JournalService(registry).entries(from: start, to: end)
                let first = entries.first.flatMap { try? LocalDate(parsing: String($0.at.prefix(10))) }
                return try JournalWriter.write(
                    entries, organization: try SetupService(registry).organization(),
                    start: start ?? first ?? registry.context.today, end: end ?? registry.context.today,
                    to: output, overwrite: overwrite, protecting: registry.protectedPaths)
            }
            if global.json { return try Terminal.json(["path": written.path, "entries": String(written.rows)]) }
            Terminal.print(
                Terminal.label("Đã ghi \(written.rows) dòng nhật ký vào \(written.path)", "Wrote \(written.rows) journal entries to \(written.path)"))
        }
    }
}
