import ArgumentParser
import VanThuCore

extension VanThu {
    struct Overdue: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "overdue",
                abstract: tr(
                    "Liệt kê văn bản đến quá hạn và sắp đến hạn theo đơn vị, văn bản khẩn lên trước.",
                    en: "List late and nearly-late incoming documents by unit, urgent ones first."),
                discussion: tr(
                    """
                    Quá hạn: đã qua thời hạn giải quyết, hoặc đã vào sổ mà chưa chuyển trước hết ngày làm việc tiếp theo (NĐ30 Điều 23.1;
                    văn bản khẩn: trước hết ngày đến). VANTHU_TODAY=2021-09-20 để xét một ngày khác.
                    vanthu overdue --soon 3wd
                    vanthu qua-han --unit "Phòng Tuyên truyền"
                    """,
                    en: """
                        Late: past the deadline, or registered but not routed by the end of the next working day (ND30 Điều 23.1;
                        an urgent document by the end of its arrival day). VANTHU_TODAY=2021-09-20 checks another day.
                        vanthu overdue --soon 3wd
                        vanthu qua-han --unit "Phòng Tuyên truyền"
                        """),
                aliases: ["qua-han"])

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                tr("Chỉ văn bản của đơn vị này (chủ trì hoặc phối hợp).", en: "Only this unit's documents (lead or co-operating)."),
                valueName: tr("đơn-vị", en: "unit")), completion: .agencyUnits)
        var unit: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Liệt kê thêm văn bản đến hạn trong 3wd (ngày làm việc), 5d (ngày), hoặc trước một ngày.",
                    en: "Also list documents due within 3wd (working days), 5d (days), or by a date."), valueName: tr("thời-hạn", en: "limit")))
        var soon: String?

        func run() throws {
            // The terminal's list reads only the columns it shows; --json gives whole documents.
            if global.json {
                return try global.withRegistry(.read) { registry in
                    try Terminal.print(json: { try HandlingService(registry).writeFollowUpJSON(unit: unit, soon: soon, to: $0) })
                }
            }
            let report = try global.withRegistry(.read) { try HandlingService($0).followUpLines(unit: unit, soon: soon) }
            let lang = Language.fromEnvironment()
            guard !report.lines.isEmpty else {
                return Terminal.print(
                    Terminal.label(
                        "Không có văn bản quá hạn hay sắp đến hạn (ngày \(report.today.vietnamese)).",
                        "No document is late or due soon (on \(report.today.vietnamese))."))
            }
            let headings = [
                "", Terminal.label("Số đến", "No."), Terminal.label("Ngày đến", "Arrived"), Terminal.label("Đơn vị chủ trì", "Lead unit"),
                Terminal.label("Hạn", "Due"), Terminal.label("Tình trạng", "State"), Terminal.label("Tên loại và trích yếu", "Type and summary"),
            ]
            // Cell by cell into the table: no array of rows (the backlog's list has 45,661).
            var table = TextTable(headings: headings, limits: [nil, nil, nil, 28, nil, nil, 60])
            let notRouted = Terminal.label("(chưa chuyển)", "(not routed)")
            // Each line's fields read in place: `for d in report.lines`, or handing each line to a
            // function, copied the whole line, a retain and a release of each of its texts (3 %).
            report.lines.withUnsafeBufferPointer { lines in
                for i in lines.indices {
                    table.add(lines[i].urgency.map { "⚑ \($0.label)" } ?? "")
                    table.add(lines[i].displayNumber)
                    table.add(lines[i].registerDate.vietnamese)
                    table.add(lines[i].handler ?? notRouted)
                    table.add(lines[i].dueDate?.vietnamese ?? "")
                    table.add(lines[i].state.name(in: lang))
                    table.add(lines[i].secrecy == .tuyetMat ? lines[i].typeName : "\(lines[i].typeName) \(lines[i].subject)")
                }
            }
            Terminal.print(Terminal.label("Theo dõi, đôn đốc ngày \(report.today.vietnamese)", "Follow-up on \(report.today.vietnamese)"))
            Terminal.print(pieces: { table.write($0) })
            Terminal.print("")
            for unit in report.byUnit {
                let name = unit.unit ?? notRouted
                Terminal.print(
                    Terminal.label("\(name): \(unit.late) quá hạn, \(unit.soon) sắp đến hạn", "\(name): \(unit.late) late, \(unit.soon) due soon"))
            }
        }
    }
}
