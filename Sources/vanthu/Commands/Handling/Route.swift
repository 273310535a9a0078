import ArgumentParser
import VanThuCore

extension VanThu {
    struct Route: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the leader's direction and transfer an incoming document: lead unit, co-operating units, deadline.",
            discussion: """
                vanthu route den/2021/792 --lead "Phòng Tuyên truyền" --co "Văn phòng" --due 10wd --direction "Giao Phòng TT chủ trì tham mưu" --by "PGĐ Nguyễn Văn B"
                vanthu chuyen den/2021/792 --lead "Phòng Tuyên truyền" --due 15/9/2021
                A deadline is working days (10wd, 10nlv: not Saturdays, Sundays or holidays), calendar days (7d) or a date.
                """,
            aliases: ["chuyen"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Đơn vị chủ trì: the lead unit or person.", valueName: "unit"))
        var lead: String

        @Option(help: ArgumentHelp("Đơn vị phối hợp: a co-operating unit (repeat for several).", valueName: "unit"))
        var co: [String] = []

        @Option(help: ArgumentHelp("Thời hạn giải quyết: 10wd, 7d or a date.", valueName: "deadline"))
        var due: String?

        @Option(help: ArgumentHelp("Ý kiến chỉ đạo: the leader's direction.", valueName: "text"))
        var direction: String?

        @Option(help: ArgumentHelp("The leader who directed.", valueName: "name"))
        var by: String?

        @Option(help: ArgumentHelp("The day it was routed (default: today).", valueName: "date"))
        var date: String?

        func run() throws {
            let draft = RoutingDraft(
                lead: lead, coUnits: co, due: try Parse.deadline(due), direction: direction, directedBy: by, date: try Parse.date(date))
            try global.withRegistry { try HandlingOutput.print(try HandlingService($0).route(reference: reference, draft), json: global.json) }
        }
    }
}
