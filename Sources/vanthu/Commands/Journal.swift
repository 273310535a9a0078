import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

extension VanThu {
    struct Journal: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "journal",
                abstract: tr(
                    "Nhật ký: mọi thay đổi, ai làm, lúc nào, trước và sau; nối chuỗi bằng SHA-256.",
                    en: "The journal: every change, who made it, when, before and after; chained by SHA-256."),
                discussion: tr(
                    """
                    vanthu journal --ref den/2021/783
                    vanthu journal verify
                    vanthu journal verify --expect 3f2a…  (mã băm ghi trong biên bản khóa sổ)
                    vanthu journal export --from 1/1/2021 --to 31/12/2021 -o nhat-ky-2021.xlsx
                    """,
                    en: """
                        vanthu journal --ref den/2021/783
                        vanthu journal verify
                        vanthu journal verify --expect 3f2a…  (the hash written in the closing minutes)
                        vanthu journal export --from 1/1/2021 --to 31/12/2021 -o nhat-ky-2021.xlsx
                        """),
                subcommands: [Show.self, Verify.self, Export.self],
                defaultSubcommand: Show.self,
                aliases: ["nhat-ky"])
    }
}

extension VanThu.Journal {
    struct Show: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "show", abstract: tr("Xem nhật ký (mặc định).", en: "Show the journal (the default)."), aliases: ["xem"])

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .customLong("ref"),
            help: ArgumentHelp(tr("Chỉ các dòng về văn bản này.", en: "Only the entries about this document."), valueName: tr("văn-bản", en: "ref")))
        var reference: String?

        @Option(help: ArgumentHelp(tr("Chỉ n dòng cuối.", en: "Only the last n entries."), valueName: tr("số", en: "n")))
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
        static let configuration =
            CommandConfiguration(
                commandName: "verify",
                abstract:
                    tr(
                        "Tính lại chuỗi băm của nhật ký và so từng văn bản với lần ghi nhật ký cuối; trả mã lỗi khác 0 khi có sai khác.",
                        en:
                            "Re-compute the journal's hash chain and compare every document with what the journal last recorded; non-zero exit on any difference."
                    ),
                discussion: tr(
                    """
                    Chứng minh được: không dòng nào bị sửa, bị xóa ở giữa hay bị đảo thứ tự, và mọi bản ghi có niêm (văn bản cùng
                    nơi nhận, trích dẫn, nội dung, chuyển giao, gửi đi, tệp đính kèm và việc lập hồ sơ; cơ quan, loại văn bản, sổ,
                    đánh số, lịch, Danh mục, hồ sơ và nộp lưu) vẫn đúng như nhật ký ghi lần cuối.
                    Một mình nó không chứng minh được: phần cuối nhật ký không bị cắt, hay người ghi được vào tệp đã không tính lại
                    mọi niêm và mã băm. Vì vậy hãy ghi mã băm của dòng cuối (in bên dưới, trên bìa mọi sổ đã xuất và trong bản kê
                    của mọi bản sao lưu) vào biên bản khóa sổ, và đưa lại bằng --expect: nhật ký bị cắt hay bị tính lại sẽ không
                    còn mã đó trên một chuỗi nguyên vẹn.
                    """,
                    en: """
                        What it proves: no entry was edited, removed from the middle or reordered, and every sealed record (documents with \
                        their recipients, citations, text, routing, dispatch, attachments and hồ sơ membership; the agency, document types, \
                        registers, numbering, calendar, Danh mục, hồ sơ and transfers) is as the journal last recorded it.
                        What it cannot prove alone: that the end of the journal was not cut, or that someone able to write the file did not \
                        recompute every seal and hash. For that, write the last entry's hash (printed below, on every exported register's \
                        cover and in every backup's manifest) into the closing minutes, and give it back with --expect: a cut or recomputed \
                        journal no longer has it on an intact chain.
                        """),
                aliases: ["kiem-tra"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                tr(
                    "Một mã băm ghi ngoài tệp (biên bản khóa sổ, sổ đã in, bản kê sao lưu): nó phải còn trên chuỗi. Lặp lại được.",
                    en:
                        "A hash written outside the file (closing minutes, a printed register, a backup's manifest): it must still be on the chain. Repeatable."
                ),
                valueName: tr("sha256", en: "sha256")))
        var expect: [String] = []

        func run() throws {
            let result = try global.withRegistry(.read, showingProgress: true) { try JournalService($0).verifyJournal(expecting: expect) }
            if global.json {
                try Terminal.json(result)
            } else {
                JournalOutput.print(result)
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "export",
                abstract: tr(
                    "Ghi nhật ký của một kỳ ra XLSX, PDF hoặc CSV để kiểm tra.",
                    en: "Write the journal of a period to XLSX, PDF or CSV for inspection."),
                aliases: ["xuat"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                tr("Ngày đầu (mặc định: dòng đầu tiên).", en: "First day (default: the first entry)."), valueName: tr("ngày", en: "date")))
        var from: String?

        @Option(help: ArgumentHelp(tr("Ngày cuối (mặc định: hôm nay).", en: "Last day (default: today)."), valueName: tr("ngày", en: "date")))
        var to: String?

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                tr("Tệp sẽ ghi: .xlsx, .pdf hoặc .csv.", en: "The file to write: .xlsx, .pdf or .csv."), valueName: tr("đường-dẫn", en: "path")),
            completion: .file(extensions: ["xlsx", "pdf", "csv"]))
        var output: String

        @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp ghi ra đã có.", en: "Replace the output file if it exists.")))
        var overwrite = false

        func run() throws {
            let start = try from.map(LocalDate.init(parsing:))
            let end = try to.map(LocalDate.init(parsing:))
            let written = try global.withRegistry(.read) { registry in
                let entries = try JournalService(registry).entries(from: start, to: end)
                // The entries' own days (the journal keeps the real clock, which VANTHU_TODAY does not move).
                let days = entries.compactMap { LocalDate.parse(String($0.at.prefix(10))) }
                let first = start ?? days.min() ?? registry.context.today
                return try JournalWriter.write(
                    entries, organization: try SetupService(registry).organization(),
                    start: first, end: end ?? max(days.max() ?? first, first),
                    to: output, overwrite: overwrite, protecting: registry.protectedPaths)
            }
            if global.json { return try Terminal.json(["path": written.path, "entries": String(written.rows)]) }
            Terminal.print(
                Terminal.label("Đã ghi \(written.rows) dòng nhật ký vào \(written.path)", "Wrote \(written.rows) journal entries to \(written.path)"))
        }
    }
}
