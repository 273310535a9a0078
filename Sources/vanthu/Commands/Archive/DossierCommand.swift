import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

extension VanThu {
    struct DossierCommand: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "file",
                abstract: tr(
                    "Hồ sơ: mở, đưa văn bản vào, kết thúc, nộp lưu, thời hạn bảo quản.",
                    en: "Hồ sơ: open, file documents, close, transfer to the archive, retention."),
                discussion: tr(
                    """
                    vanthu file add 01.TCCB den/2021/791 di/2021/CV/215 --year 2021
                    vanthu file close 01.TCCB --year 2021 --pages 57
                    vanthu file transfer 01.TCCB 02.TCCB --year 2021 -o muc-luc-nop-luu.xlsx
                    Hồ sơ đã nộp lưu thì chỉ được đọc, các văn bản trong đó cũng vậy.
                    """,
                    en: """
                        vanthu file add 01.TCCB den/2021/791 di/2021/CV/215 --year 2021
                        vanthu file close 01.TCCB --year 2021 --pages 57
                        vanthu file transfer 01.TCCB 02.TCCB --year 2021 -o muc-luc-nop-luu.xlsx
                        A hồ sơ handed to the archive is read-only, and so are its documents.
                        """),
                subcommands: [
                    Open.self, Add.self, Remove.self, Show.self, ListDossiers.self, Close.self, Reopen.self, Due.self, Transfer.self, Index.self,
                    Expiring.self, Hold.self, Release.self,
                ],
                defaultSubcommand: ListDossiers.self,
                aliases: ["ho-so"])
    }
}

extension VanThu.DossierCommand {
    struct Open: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "open",
                abstract: tr(
                    "Mở một hồ sơ có trong Danh mục, hoặc ngoài Danh mục (khi đó cần --title).",
                    en: "Open a hồ sơ of the Danh mục, or one outside it (then --title is needed)."), aliases: ["mo"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @Option(help: ArgumentHelp(tr("Tiêu đề hồ sơ.", en: "Tiêu đề hồ sơ."), valueName: tr("nội-dung", en: "text")))
        var title: String?

        @Option(
            help: ArgumentHelp(
                tr("Thời hạn bảo quản: vinh-vien hoặc số năm.", en: "Thời hạn bảo quản: vinh-vien or a number of years."),
                valueName: tr("thời-hạn", en: "years")))
        var retention: String?

        @Option(help: ArgumentHelp(tr("Người lập hồ sơ.", en: "Người lập hồ sơ."), valueName: tr("tên", en: "name")))
        var keeper: String?

        @Option(help: ArgumentHelp(tr("Ghi chú.", en: "Ghi chú."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        @Option(
            help: ArgumentHelp(
                tr("Thời gian bắt đầu (mặc định: hôm nay).", en: "Thời gian bắt đầu (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let draft = DossierDraft(
                title: title, retention: try Parse.retention(retention), creator: keeper, description: note, startDate: try Parse.date(date))
            let dossier = try global.withRegistry { registry in
                try DossierService(registry).openDossier(selection.notation, year: selection.year(registry), draft)
            }
            if global.json { return try Terminal.json(dossier) }
            Terminal.print(
                Terminal.label("Đã mở hồ sơ \(dossier.reference): \(dossier.title)", "Opened hồ sơ \(dossier.reference): \(dossier.title)"))
        }
    }

    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr(
                    "Đưa văn bản vào hồ sơ; một văn bản có thể ở nhiều hồ sơ.", en: "File documents into a hồ sơ; one document may be in several."),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @Argument(
            help: ArgumentHelp(
                tr("Các văn bản: den/2021/783, di/2021/BC/86 hoặc mã số.", en: "The documents: den/2021/783, di/2021/BC/86 or ids."),
                valueName: tr("văn-bản", en: "ref")))
        var references: [String]

        func run() throws {
            let contents = try global.withRegistry { registry in
                try DossierService(registry).file(references, into: selection.notation, year: selection.year(registry))
            }
            if global.json { return try Terminal.json(contents) }
            Terminal.print(
                Terminal.label(
                    "Đã đưa \(references.count) văn bản vào hồ sơ \(contents.dossier.reference) (nay có \(contents.documents.count) văn bản).",
                    "Filed \(references.count) document(s) into hồ sơ \(contents.dossier.reference) (now \(contents.documents.count))."))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "remove", abstract: tr("Rút văn bản khỏi một hồ sơ đang mở.", en: "Take documents out of an open hồ sơ."),
                aliases: ["bot"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @Argument(help: ArgumentHelp(tr("Các văn bản.", en: "The documents."), valueName: tr("văn-bản", en: "ref")))
        var references: [String]

        func run() throws {
            let contents = try global.withRegistry { registry in
                try DossierService(registry).unfile(references, from: selection.notation, year: selection.year(registry))
            }
            if global.json { return try Terminal.json(contents) }
            Terminal.print(
                Terminal.label(
                    "Đã bỏ \(references.count) văn bản khỏi hồ sơ \(contents.dossier.reference) (còn \(contents.documents.count)).",
                    "Removed \(references.count) document(s) from hồ sơ \(contents.dossier.reference) (\(contents.documents.count) left)."))
        }
    }

    struct Show: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "show",
                abstract: tr(
                    "Xem một hồ sơ và các văn bản trong đó theo thứ tự (DocOrdinal).", en: "Show a hồ sơ and its documents in order (DocOrdinal)."),
                aliases: ["xem"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        func run() throws {
            let (contents, organization) = try global.withRegistry(.read) { registry in
                (
                    try DossierService(registry).dossierContents(selection.notation, year: selection.year(registry)),
                    try SetupService(registry).organization()
                )
            }
            if global.json { return try Terminal.json(contents) }
            Terminal.print(ArchiveOutput.contents(contents, organization: organization))
        }
    }

    struct ListDossiers: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list", abstract: tr("Liệt kê các hồ sơ của một năm.", en: "List the hồ sơ of a year."), aliases: ["ds"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Năm (mặc định: mọi năm).", en: "The year (default: every year)."), valueName: tr("năm", en: "year")))
        var year: Int?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Chỉ các hồ sơ ở trạng thái này: planned (dự kiến), open (đang mở), closed (đã kết thúc), archived (đã nộp lưu).",
                    en: "Only hồ sơ in this state: planned, open, closed, archived."), valueName: tr("trạng-thái", en: "status")))
        var status: String?

        func run() throws {
            let wanted = try status.map { text in
                guard let value = Dossier.Status(rawValue: text) else {
                    throw RegistryError.invalidValue(field: .dossierStatus, value: text, allowed: ["planned", "open", "closed", "archived"])
                }
                return value
            }
            let dossiers = try global.withRegistry(.read) { registry in try DossierService(registry).dossiers(year: year, status: wanted) }
            if global.json { return try Terminal.json(dossiers) }
            Terminal.print(ArchiveOutput.dossiers(dossiers))
        }
    }

    struct Close: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "close",
                abstract: tr(
                    "Kết thúc hồ sơ khi công việc đã xong; hạn nộp lưu là một năm sau.",
                    en: "Close a hồ sơ whose work has ended; its transfer to the archive falls due a year later."), aliases: ["ket-thuc"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @Option(
            help: ArgumentHelp(
                tr(
                    "Tổng số tờ (mặc định: cộng số trang của các văn bản, khi đã biết hết).",
                    en: "Tổng số tờ (default: the documents' pages added up, when all are known)."), valueName: tr("số", en: "n")))
        var pages: Int?

        @Option(
            help: ArgumentHelp(
                tr("Thời gian kết thúc (mặc định: hôm nay).", en: "Thời gian kết thúc (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(
            help: ArgumentHelp(
                tr("Thời hạn bảo quản, xác định lại khi kết thúc.", en: "Thời hạn bảo quản, re-checked at closing."),
                valueName: tr("thời-hạn", en: "years")))
        var retention: String?

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Hồ sơ xây dựng cơ bản: nộp lưu sau 3 tháng kể từ khi kết thúc.",
                    en: "Hồ sơ xây dựng cơ bản: due at the archive 3 months after closing.")))
        var construction = false

        func run() throws {
            let closing = DossierClosing(
                endDate: try Parse.date(date), pages: pages, retention: try Parse.retention(retention), construction: construction)
            let dossier = try global.withRegistry { registry in
                try DossierService(registry).closeDossier(selection.notation, year: selection.year(registry), closing)
            }
            if global.json { return try Terminal.json(dossier) }
            let due = dossier.transferDue?.vietnamese ?? ""
            Terminal.print(
                Terminal.label(
                    "Đã kết thúc hồ sơ \(dossier.reference): \(dossier.documentCount) văn bản. Hạn nộp lưu: \(due).",
                    "Closed hồ sơ \(dossier.reference): \(dossier.documentCount) documents. Due at the archive by \(due)."))
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "reopen",
                abstract: tr("Mở lại một hồ sơ đã kết thúc nhưng chưa nộp lưu.", en: "Reopen a closed hồ sơ not yet in the archive."),
                aliases: ["mo-lai"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        func run() throws {
            let dossier = try global.withRegistry { registry in
                try DossierService(registry).reopenDossier(selection.notation, year: selection.year(registry))
            }
            if global.json { return try Terminal.json(dossier) }
            Terminal.print(Terminal.label("Đã mở lại hồ sơ \(dossier.reference).", "Reopened hồ sơ \(dossier.reference)."))
        }
    }

    struct Due: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "due",
                abstract: tr(
                    "Hồ sơ đã kết thúc sắp đến hạn nộp lưu, hoặc đã quá hạn (Phụ lục VI III.5.b).",
                    en: "Closed hồ sơ due at the archive soon, or late (Phụ lục VI III.5.b)."), aliases: ["den-han"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                tr("Xét trước bao lâu: 30d (mặc định), 20wd, hoặc một ngày.", en: "How far ahead: 30d (default), 20wd, or a date."),
                valueName: tr("thời-hạn", en: "limit")))
        var within = "30d"

        func run() throws {
            let deadline = try Deadline(parsing: within)
            let (due, today) = try global.withRegistry(.read) { registry in
                (try DossierService(registry).dossiersDue(within: deadline), registry.context.today)
            }
            let (limit, dossiers) = due
            if global.json { return try Terminal.json(dossiers) }
            guard !dossiers.isEmpty else {
                return Terminal.print(
                    Terminal.label(
                        "Không có hồ sơ nào đến hạn nộp lưu đến ngày \(limit.vietnamese).", "No hồ sơ due at the archive by \(limit.vietnamese)."))
            }
            let late = dossiers.filter { ($0.transferDue ?? today) < today }.count
            Terminal.print(ArchiveOutput.dossiers(dossiers))
            Terminal.print(
                Terminal.label("\(dossiers.count) hồ sơ đến hạn nộp lưu, \(late) đã quá hạn.", "\(dossiers.count) hồ sơ due, \(late) late."))
        }
    }

    struct Transfer: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "transfer",
                abstract: tr(
                    "Nộp hồ sơ đã kết thúc vào lưu trữ cơ quan (chỉ được đọc từ đó); ghi Mục lục hồ sơ và Biên bản giao nhận.",
                    en: "Hand closed hồ sơ to the archive: they become read-only; writes the Mục lục and the Biên bản giao nhận."),
                aliases: ["nop-luu"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var year: YearOption

        @Argument(help: ArgumentHelp(tr("Số và ký hiệu của từng hồ sơ.", en: "Số và ký hiệu of each hồ sơ."), valueName: tr("hồ-sơ", en: "hồ sơ")))
        var notations: [String]

        @OptionGroup var form: FormOutput

        @Option(help: ArgumentHelp(tr("Ngày nộp lưu (mặc định: hôm nay).", en: "Ngày nộp lưu (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(
            name: .customLong("delivered-by"),
            help: ArgumentHelp(tr("Bên giao: họ tên, chức vụ.", en: "Bên giao: name, position."), valueName: tr("nội-dung", en: "text")))
        var deliveredBy: String?

        @Option(
            name: .customLong("received-by"),
            help: ArgumentHelp(
                tr("Bên nhận (Lưu trữ cơ quan): họ tên, chức vụ.", en: "Bên nhận (Lưu trữ cơ quan): name, position."),
                valueName: tr("nội-dung", en: "text")))
        var receivedBy: String?

        func run() throws {
            let day = try Parse.date(date)
            let transfer = try global.withRegistry { registry in
                let organization = try SetupService(registry).organization()
                return try DossierService(registry).transfer(
                    notations, year: year.resolved(registry), day: day, deliveredBy: deliveredBy, receivedBy: receivedBy
                ) { transfer in
                    _ = try DossierFormWriter.writeTransfer(
                        transfer, organization: organization, to: form.output, overwrite: form.overwrite, protecting: registry.protectedPaths)
                }
            }
            if global.json { return try Terminal.json(transfer) }
            Terminal.print(
                Terminal.label(
                    "Đã nộp lưu \(transfer.dossiers.count) hồ sơ. Đã ghi Mục lục hồ sơ và Biên bản giao nhận vào \(form.output).",
                    "Transferred \(transfer.dossiers.count) hồ sơ. Wrote the Mục lục and the Biên bản giao nhận to \(form.output)."))
        }
    }

    struct Index: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "index",
                abstract: tr("Ghi Mục lục văn bản của một hồ sơ ra XLSX hoặc PDF.", en: "Write the Mục lục văn bản of a hồ sơ as XLSX or PDF."),
                aliases: ["muc-luc"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @OptionGroup var form: FormOutput

        func run() throws {
            let written = try global.withRegistry(.read) { registry in
                try DossierFormWriter.writeIndex(
                    try DossierService(registry).dossierContents(selection.notation, year: selection.year(registry)),
                    organization: try SetupService(registry).organization(), to: form.output, overwrite: form.overwrite,
                    protecting: registry.protectedPaths)
            }
            if global.json { return try Terminal.json(["path": written.path, "documents": String(written.rows)]) }
            Terminal.print(Terminal.label("Đã ghi \(written.path) (\(written.rows) văn bản).", "Wrote \(written.path) (\(written.rows) documents)."))
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "expiring",
                abstract: tr(
                    "Hồ sơ đã hết thời hạn bảo quản tính đến một năm: để thẩm định, vanthu không bao giờ xóa.",
                    en: "Hồ sơ whose retention has run out by a year: for appraisal, never deleted by vanthu."), aliases: ["het-han"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Năm (mặc định: năm nay).", en: "The year (default: this year)."), valueName: tr("năm", en: "year")))
        var year: Int?

        func run() throws {
            let expiring = try global.withRegistry(.read) { registry in
                try DossierService(registry).expiringDossiers(year: year ?? registry.context.today.year)
            }
            if global.json { return try Terminal.json(expiring) }
            Terminal.print(
                Terminal.label(
                    "Hồ sơ hết thời hạn bảo quản đến năm \(expiring.year), chờ thẩm định:",
                    "Hồ sơ whose retention ends by \(expiring.year), for appraisal:"))
            Terminal.print(ArchiveOutput.dossiers(expiring.eligible))
            if !expiring.held.isEmpty {
                Terminal.print(Terminal.label("Đang bị giữ lại (không được hủy):", "On hold (not to be destroyed):"))
                Terminal.print(ArchiveOutput.dossiers(expiring.held))
            }
        }
    }

    struct Hold: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "hold",
                abstract: tr(
                    "Giữ lại một hồ sơ: không đưa ra thẩm định hủy dù đã hết thời hạn bảo quản, cho đến khi bỏ giữ.",
                    en: "Hold a hồ sơ: it is kept past its retention until released."), aliases: ["giu"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        @Option(help: ArgumentHelp(tr("Lý do: thanh tra, tranh chấp.", en: "Why: an inspection, a dispute."), valueName: tr("nội-dung", en: "text")))
        var reason: String

        func run() throws {
            let dossier = try global.withRegistry { registry in
                try DossierService(registry).holdDossier(selection.notation, year: selection.year(registry), reason: reason)
            }
            if global.json { return try Terminal.json(dossier) }
            Terminal.print(Terminal.label("Đã giữ lại hồ sơ \(dossier.reference).", "Hồ sơ \(dossier.reference) is on hold."))
        }
    }

    struct Release: ParsableCommand {
        static let configuration =
            CommandConfiguration(commandName: "release", abstract: tr("Bỏ giữ lại hồ sơ.", en: "Release a hold."), aliases: ["bo-giu"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: DossierSelection

        func run() throws {
            let dossier = try global.withRegistry { registry in
                try DossierService(registry).releaseDossier(selection.notation, year: selection.year(registry))
            }
            if global.json { return try Terminal.json(dossier) }
            Terminal.print(Terminal.label("Đã bỏ giữ hồ sơ \(dossier.reference).", "Released hồ sơ \(dossier.reference)."))
        }
    }
}
