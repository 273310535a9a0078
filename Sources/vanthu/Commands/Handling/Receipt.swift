import ArgumentParser
import VanThuCore

extension VanThu {
    struct Receipt: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "receipt",
                abstract: tr("Ghi nhận một đơn vị đã ký nhận văn bản đến.", en: "Record that a unit signed for an incoming document (ký nhận)."),
                discussion: tr(
                    "vanthu receipt den/2021/792 --unit \"Phòng Tuyên truyền\" --signed-by \"Trần Thị C\"",
                    en: "vanthu receipt den/2021/792 --unit \"Phòng Tuyên truyền\" --signed-by \"Trần Thị C\""),
                aliases: ["ky-nhan"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783.", en: "The document: its id, or den/2021/783."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(
            help: ArgumentHelp(
                tr("Đơn vị nhận (đơn vị chủ trì hoặc phối hợp).", en: "The unit that received it (the lead or a co-operating unit)."),
                valueName: tr("đơn-vị", en: "unit")), completion: .agencyUnits)
        var unit: String

        @Option(name: .customLong("signed-by"), help: ArgumentHelp(tr("Người ký nhận.", en: "Who signed for it."), valueName: tr("tên", en: "name")))
        var signedBy: String?

        @Option(
            help: ArgumentHelp(
                tr("Ngày ký nhận (mặc định: hôm nay).", en: "The day of the signature (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        func run() throws {
            let day = try Parse.date(date)
            try global.withRegistry {
                try HandlingOutput.print(
                    try HandlingService($0).receipt(reference: reference, unit: unit, signedBy: signedBy, date: day), json: global.json)
            }
        }
    }
}
