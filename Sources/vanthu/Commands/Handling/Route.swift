import ArgumentParser
import VanThuCore

extension VanThu {
    struct Route: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "route",
                abstract: tr(
                    "Ghi ý kiến chỉ đạo của lãnh đạo và chuyển văn bản đến: đơn vị chủ trì, đơn vị phối hợp, thời hạn.",
                    en: "Record the leader's direction and transfer an incoming document: lead unit, co-operating units, deadline."),
                discussion: tr(
                    """
                    vanthu route den/2021/792 --lead "Phòng Tuyên truyền" --co "Văn phòng" --due 10wd --direction "Giao Phòng TT chủ trì tham mưu" --by "PGĐ Nguyễn Văn B"
                    vanthu chuyen den/2021/792 --lead "Phòng Tuyên truyền" --due 15/9/2021
                    Thời hạn tính theo ngày làm việc (10wd, 10nlv: trừ thứ Bảy, Chủ nhật, ngày lễ), theo ngày (7d) hoặc là một ngày cụ thể.
                    """,
                    en: """
                        vanthu route den/2021/792 --lead "Phòng Tuyên truyền" --co "Văn phòng" --due 10wd --direction "Giao Phòng TT chủ trì tham mưu" --by "PGĐ Nguyễn Văn B"
                        vanthu chuyen den/2021/792 --lead "Phòng Tuyên truyền" --due 15/9/2021
                        A deadline is working days (10wd, 10nlv: not Saturdays, Sundays or holidays), calendar days (7d) or a date.
                        """),
                aliases: ["chuyen"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(
            help: ArgumentHelp(tr("Đơn vị, cá nhân chủ trì.", en: "Đơn vị chủ trì: the lead unit or person."), valueName: tr("đơn-vị", en: "unit")),
            completion: .agencyUnits)
        var lead: String

        @Option(
            help: ArgumentHelp(
                tr("Đơn vị phối hợp (lặp lại cho nhiều đơn vị).", en: "Đơn vị phối hợp: a co-operating unit (repeat for several)."),
                valueName: tr("đơn-vị", en: "unit")), completion: .agencyUnits)
        var co: [String] = []

        @Option(
            help: ArgumentHelp(
                tr("Thời hạn giải quyết: 10wd, 7d hoặc một ngày.", en: "Thời hạn giải quyết: 10wd, 7d or a date."),
                valueName: tr("thời-hạn", en: "deadline")))
        var due: String?

        @Option(
            help: ArgumentHelp(
                tr("Ý kiến chỉ đạo của lãnh đạo.", en: "Ý kiến chỉ đạo: the leader's direction."), valueName: tr("nội-dung", en: "text")))
        var direction: String?

        @Option(help: ArgumentHelp(tr("Lãnh đạo cho ý kiến.", en: "The leader who directed."), valueName: tr("tên", en: "name")))
        var by: String?

        @Option(
            help: ArgumentHelp(
                tr("Ngày chuyển (mặc định: hôm nay).", en: "The day it was routed (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let draft = RoutingDraft(
                lead: lead, coUnits: co, due: try Parse.deadline(due), direction: direction, directedBy: by, date: try Parse.date(date))
            try global.withRegistry {
                try HandlingOutput.print(try HandlingService($0).route(reference: reference, draft), json: global.json)
                ExchangeReplies.owe(.assigned, for: reference, registry: $0, quiet: global.json)
            }
        }
    }
}
