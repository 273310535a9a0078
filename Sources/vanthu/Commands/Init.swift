import ArgumentParser
import Foundation
import VanThuCore

extension VanThu {
    struct Init: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "init",
                abstract: tr("Tạo cơ sở dữ liệu mới cho một cơ quan.", en: "Create a new database for an agency."),
                discussion: tr(
                    """
                    vanthu init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT \\
                        --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state
                    Cấp ủy Đảng (--style party) cho thêm nhiệm kỳ: --term-start 16/10/2020.
                    """,
                    en: """
                        vanthu init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT \\
                            --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state
                        A Party committee (--style party) also gives its term: --term-start 16/10/2020.
                        """),
                aliases: ["khoi-tao"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(tr("Tên cơ quan như trên dấu ĐẾN.", en: "The agency's name as on the ĐẾN stamp."), valueName: tr("tên", en: "name")))
        var org: String

        @Option(
            name: .customLong("org-code"),
            help: ArgumentHelp(
                tr("Chữ viết tắt của cơ quan trong ký hiệu (STTTT, BTGTU).", en: "The agency's abbreviation in ký hiệu (STTTT, BTGTU)."),
                valueName: tr("mã", en: "code")))
        var orgCode: String

        @Option(
            help: ArgumentHelp(
                tr("Cơ quan cấp trên trực tiếp (UBND TỈNH KON TUM).", en: "The body directly above (UBND TỈNH KON TUM)."),
                valueName: tr("tên", en: "name")))
        var parent: String?

        @Option(
            help: ArgumentHelp(
                tr("Địa danh trên dòng địa danh, ngày tháng (Kon Tum).", en: "The place on the place-date line (Kon Tum)."),
                valueName: tr("địa-danh", en: "place")))
        var place: String?

        @Option(
            help: ArgumentHelp(
                tr("state (Nghị định 30) hoặc party (Hướng dẫn 36).", en: "state (Nghị định 30) or party (Hướng dẫn 36)."),
                valueName: tr("thể-thức", en: "style")))
        var style: String = "state"

        @Option(
            name: .customLong("organ-id"),
            help: ArgumentHelp(
                tr("Mã định danh của cơ quan (000.00.00.H41).", en: "Mã định danh of the agency (000.00.00.H41)."),
                valueName: tr("mã-định-danh", en: "id")))
        var organId: String?

        @Flag(
            name: .customLong("outgoing-per-type"), inversion: .prefixedNo,
            help: ArgumentHelp(
                tr(
                    "Mỗi loại văn bản đi một dãy số riêng (mặc định: chung cho cơ quan nhà nước, riêng từng loại cho Đảng).",
                    en: "One outgoing series per document type (default: shared for state, per type for party).")))
        var outgoingPerType: Bool?

        @Option(
            name: .customLong("term-start"),
            help: ArgumentHelp(tr("Ngày đầu nhiệm kỳ của cấp ủy.", en: "First day of the Party committee's term."), valueName: tr("ngày", en: "date"))
        )
        var termStart: String?

        @Option(
            name: .customLong("term-end"),
            help: ArgumentHelp(
                tr("Ngày cuối nhiệm kỳ (mặc định: năm năm sau).", en: "Last day of the term (default: five years later)."),
                valueName: tr("ngày", en: "date")))
        var termEnd: String?

        func run() throws {
            let style = try DocumentStyle(parsing: style)
            let start = try termStart.map(LocalDate.init(parsing:))
            let end = try termEnd.map(LocalDate.init(parsing:)) ?? start.map { $0.addingYears(5).adding(days: -1) }
            let term = start.flatMap { s in end.map { (start: s, end: $0) } }
            let organization = Organization(name: org, code: orgCode, parentName: parent, place: place, style: style, organId: organId)
            // The default place (~/.local/share/vanthu) is made on first use, for its owner only.
            if (global.databasePath as NSString).deletingLastPathComponent == ProcessSettings.dataFolder {
                try? FileManager.default.createDirectory(
                    atPath: ProcessSettings.dataFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            let registry = try Registry.create(
                at: global.databasePath, organization: organization, outgoingPerType: outgoingPerType, term: term, context: global.context)
            defer { registry.close() }
            let rules = try SetupService(registry).seriesRules()
            if global.json {
                try Terminal.json(["path": global.databasePath, "organName": organization.name, "style": style.rawValue])
                return
            }
            Terminal.print(
                Terminal.label(
                    "Đã tạo cơ sở dữ liệu \(global.databasePath) cho \(organization.name).",
                    "Created database \(global.databasePath) for \(organization.name)."))
            for rule in rules {
                let series =
                    rule.perType
                    ? Terminal.label("một dãy số cho mỗi loại", "one series per type")
                    : Terminal.label("một dãy số chung", "one shared series")
                let period = rule.period == .year ? Terminal.label("theo năm", "yearly") : Terminal.label("theo nhiệm kỳ", "per term")
                Terminal.print("  \(rule.kind.vietnameseName): \(series), \(period)")
            }
        }
    }
}
