import ArgumentParser
import Foundation
import VanThuCore

/// `--status` of `vanthu search`, in English or Vietnamese.
enum SearchStatusArgument: String, ExpressibleByArgument, CaseIterable {
    case open, overdue, done, returned, voided
    case dangXuLy = "dang-xu-ly", quaHan = "qua-han", xong, traLai = "tra-lai", daHuy = "da-huy"

    var status: SearchQuery.Status {
        switch self {
        case .open, .dangXuLy: .open
        case .overdue, .quaHan: .overdue
        case .done, .xong: .done
        case .returned, .traLai: .returned
        case .voided, .daHuy: .voided
        }
    }
}

extension VanThu {
    struct Search: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "search",
                abstract: tr(
                    "Tìm văn bản theo từ, có dấu hay không dấu, sát nhất lên trước.",
                    en: "Find documents by words, with or without diacritics, most relevant first."),
                discussion: tr(
                    """
                    vanthu search "tuyen truyen mieng"
                    vanthu search "dang uy" --year 2020 --type BC
                    vanthu search "432-KH/BTGTW"
                    vanthu search "Ban Tuyên giáo" --incoming --from 1/1/2021 --to 30/6/2021 --handler "Phòng Tuyên truyền" --status overdue
                    Phải có đủ mọi từ; từ* khớp phần đầu của từ, "…" khớp cả cụm.
                    """,
                    en: """
                        vanthu search "tuyen truyen mieng"
                        vanthu search "dang uy" --year 2020 --type BC
                        vanthu search "432-KH/BTGTW"
                        vanthu search "Ban Tuyên giáo" --incoming --from 1/1/2021 --to 30/6/2021 --handler "Phòng Tuyên truyền" --status overdue
                        All words must occur; word* matches a beginning, "…" a phrase.
                        """),
                aliases: ["tim", "tim-kiem"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Các từ cần tìm (có thể để trống khi có điều kiện lọc).", en: "The words to find (may be empty when a filter is given)."),
                valueName: tr("nội-dung", en: "text")))
        var text: String = ""

        @Flag(help: ArgumentHelp(tr("Chỉ văn bản đến.", en: "Only incoming documents.")))
        var incoming = false

        @Flag(help: ArgumentHelp(tr("Chỉ văn bản đi.", en: "Only outgoing documents.")))
        var outgoing = false

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Tìm trong sổ văn bản mật (không bao giờ lẫn với sổ thường).",
                    en: "Search the secret registers (never mixed with the ordinary ones).")))
        var secret = false

        @Option(help: ArgumentHelp(tr("Vào sổ trong năm này.", en: "Registered in this year."), valueName: tr("năm", en: "year")))
        var year: Int?

        @Option(
            name: .customLong("type"),
            help: ArgumentHelp(tr("Thuộc loại: BC, QĐ, CV, …", en: "Of this type: BC, QĐ, CV, …"), valueName: tr("mã", en: "code")))
        var typeCode: String?

        @Option(help: ArgumentHelp(tr("Vào sổ từ ngày này trở đi.", en: "Registered on or after this day."), valueName: tr("ngày", en: "date")))
        var from: String?

        @Option(help: ArgumentHelp(tr("Vào sổ đến hết ngày này.", en: "Registered on or before this day."), valueName: tr("ngày", en: "date")))
        var to: String?

        @Option(
            help: ArgumentHelp(tr("Do đơn vị, cá nhân này chủ trì.", en: "Led by this unit or person."), valueName: tr("đơn-vị", en: "unit")),
            completion: .agencyUnits)
        var handler: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "open, overdue, done, returned hoặc voided (dang-xu-ly, qua-han, xong, tra-lai, da-huy).",
                    en: "open, overdue, done, returned or voided (dang-xu-ly, qua-han, xong, tra-lai, da-huy)."),
                valueName: tr("trạng-thái", en: "status")))
        var status: SearchStatusArgument?

        @Option(
            help: ArgumentHelp(
                tr("Chỉ hiện tối đa chừng này (mặc định 50).", en: "Show at most this many (default 50)."), valueName: tr("số", en: "n")))
        var limit: Int = 50

        func validate() throws {
            if incoming && outgoing {
                throw ValidationError(
                    Terminal.label("Chọn --incoming hoặc --outgoing, không chọn cả hai.", "Choose --incoming or --outgoing, not both."))
            }
            if limit < 1 { throw ValidationError(Terminal.label("--limit phải từ 1 trở lên.", "--limit must be at least 1.")) }
        }

        func run() throws {
            var query = SearchQuery(text: text)
            query.direction = incoming ? .incoming : outgoing ? .outgoing : nil
            query.secret = secret
            query.year = year
            query.typeCode = typeCode
            query.from = try from.map(LocalDate.init(parsing:))
            query.to = try to.map(LocalDate.init(parsing:))
            query.handler = handler
            query.status = status?.status
            query.limit = limit
            let results = try global.withRegistry(.read) { try SearchService($0).search(query) }
            if global.json { return try Terminal.json(SearchOutput(results)) }
            guard !results.hits.isEmpty else {
                return Terminal.error(Terminal.label("Không tìm thấy văn bản nào.", "No document found."))
            }
            let highlight = Terminal.highlighting ? { (cell: String) in Terminal.highlight(cell, ranges: results.pattern.matches(in: cell)) } : nil
            let rows = results.hits.map { hit -> [String] in
                let d = hit.document
                let voided = d.voided.map { Terminal.label("[ĐÃ HỦY: \($0.reason)] ", "[VOID: \($0.reason)] ") } ?? ""
                let state =
                    d.direction == .incoming
                    ? d.status.name(in: .fromEnvironment())
                        + (d.dueDate.map { Terminal.label(", hạn \($0.vietnamese)", ", due \($0.vietnamese)") } ?? "") : ""
                let people = d.direction == .incoming ? d.handler ?? "" : d.recipients.joined(separator: "; ")
                return [
                    d.reference, d.registerDate.vietnamese, d.notation?.full ?? "", d.organName, voided + "\(d.typeName) \(d.subject)", people,
                    d.voided == nil ? state : "",
                ]
            }
            let headings = [
                Terminal.label("Văn bản", "Document"), Terminal.label("Ngày", "Date"), Terminal.label("Số, ký hiệu", "Notation"),
                Terminal.label("Tác giả", "Issuer"), Terminal.label("Tên loại và trích yếu", "Type and summary"),
                Terminal.label("Đơn vị nhận / Nơi nhận", "Handler / Recipients"), Terminal.label("Trạng thái", "Status"),
            ]
            Terminal.print(Terminal.table(headings: headings, rows: rows, limits: [nil, nil, 24, 28, 60, 28, nil], highlight: highlight))
            Terminal.print(
                results.total > results.hits.count
                    ? Terminal.label(
                        "Tìm thấy \(results.total) văn bản; hiện \(results.hits.count) văn bản phù hợp nhất (--limit để xem thêm).",
                        "\(results.total) documents found; the \(results.hits.count) most relevant shown (--limit for more).")
                    : Terminal.label("Tìm thấy \(results.total) văn bản.", "\(results.total) documents found."))
            if let newest = results.rankedAmongNewest {
                Terminal.print(
                    Terminal.label(
                        "Xếp theo mức phù hợp trong \(newest) văn bản khớp mới nhất; thêm từ hoặc bộ lọc (--year, --type, --from) để thu hẹp.",
                        "Ranked by relevance among the newest \(newest) matches; add words or filters (--year, --type, --from) to narrow the search.")
                )
            }
        }
    }
}
