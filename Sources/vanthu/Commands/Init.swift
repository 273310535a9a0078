import ArgumentParser
import VanThuCore

extension VanThu {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new database for an agency.",
            discussion: """
                vanthu init --org "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" --org-code STTTT \\
                    --parent "UBND TỈNH KON TUM" --place "Kon Tum" --style state
                A Party committee (--style party) also gives its term: --term-start 16/10/2020.
                """,
            aliases: ["khoi-tao"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The agency's name as on the ĐẾN stamp.", valueName: "name"))
        var org: String

        @Option(name: .customLong("org-code"), help: ArgumentHelp("The agency's abbreviation in ký hiệu (STTTT, BTGTU).", valueName: "code"))
        var orgCode: String

        @Option(help: ArgumentHelp("The body directly above (UBND TỈNH KON TUM).", valueName: "name"))
        var parent: String?

        @Option(help: ArgumentHelp("The place on the place-date line (Kon Tum).", valueName: "place"))
        var place: String?

        @Option(help: ArgumentHelp("state (Nghị định 30) or party (Hướng dẫn 36).", valueName: "style"))
        var style: String = "state"

        @Option(name: .customLong("organ-id"), help: ArgumentHelp("Mã định danh of the agency (000.00.00.H41).", valueName: "id"))
        var organId: String?

        @Flag(
            name: .customLong("outgoing-per-type"), inversion: .prefixedNo,
            help: "One outgoing series per document type (default: shared for state, per type for party).")
        var outgoingPerType: Bool?

        @Option(name: .customLong("term-start"), help: ArgumentHelp("First day of the Party committee's term.", valueName: "date"))
        var termStart: String?

        @Option(name: .customLong("term-end"), help: ArgumentHelp("Last day of the term (default: five years later).", valueName: "date"))
        var termEnd: String?

        func run() throws {
            let style = try DocumentStyle(parsing: style)
            let start = try termStart.map(LocalDate.init(parsing:))
            let end = try termEnd.map(LocalDate.init(parsing:)) ?? start.map { $0.addingYears(5).adding(days: -1) }
            let term = start.flatMap { s in end.map { (start: s, end: $0) } }
            let organization = Organization(name: org, code: orgCode, parentName: parent, place: place, style: style, organId: organId)
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
