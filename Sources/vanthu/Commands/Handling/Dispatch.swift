import ArgumentParser
import VanThuCore

extension VanThu {
    struct Dispatch: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "dispatch",
                abstract: tr(
                    "Ghi nhận đã gửi các bản của một văn bản đi đến nơi nhận.",
                    en: "Record that copies of an outgoing document were sent to its recipients."),
                discussion: tr(
                    """
                    vanthu dispatch di/2021/BC/216 --to "Sở Thông tin và Truyền thông" --via post --envelopes 1
                    vanthu gui di/2021/BC/216 --all --via axis
                    Cách gửi: post (bưu điện, vào Sổ gửi văn bản đi bưu điện), email, axis (trục liên thông), hand (chuyển tay).
                    """,
                    en: """
                        vanthu dispatch di/2021/BC/216 --to "Sở Thông tin và Truyền thông" --via post --envelopes 1
                        vanthu gui di/2021/BC/216 --all --via axis
                        Channels: post (bưu điện, goes into the Sổ gửi văn bản đi bưu điện), email, axis (trục liên thông), hand.
                        """),
                aliases: ["gui"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản đi: mã số, hoặc di/2021/BC/86.", en: "The outgoing document: its id, or di/2021/BC/86."),
                valueName: tr("văn-bản-đi", en: "outgoing-ref")))
        var reference: String

        @Option(
            help: ArgumentHelp(
                tr("Một nơi nhận trong Nơi nhận (lặp lại cho nhiều nơi).", en: "A recipient from the Nơi nhận (repeat for several)."),
                valueName: tr("nơi-nhận", en: "recipient")))
        var to: [String] = []

        @Flag(help: ArgumentHelp(tr("Mọi nơi nhận chưa được gửi.", en: "Every recipient not yet sent to.")))
        var all = false

        @Option(help: ArgumentHelp(tr("post, email, axis hoặc hand.", en: "post, email, axis or hand."), valueName: tr("cách-gửi", en: "channel")))
        var via: String

        @Option(
            help: ArgumentHelp(tr("Ngày gửi (mặc định: hôm nay).", en: "The day it was sent (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(
            help: ArgumentHelp(
                tr("Số lượng bì (bưu điện; mặc định 1).", en: "Số lượng bì: envelopes (post; default 1)."), valueName: tr("số", en: "n")))
        var envelopes: Int?

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Cho phép gửi đến nơi không có trong Nơi nhận; ghi là gửi thêm.",
                    en: "Allow a recipient who is not in the Nơi nhận; recorded as extra.")))
        var extra = false

        @Flag(help: ArgumentHelp(tr("Gửi lại cho nơi đã gửi.", en: "Send again to a recipient already sent to.")))
        var again = false

        @Option(help: ArgumentHelp(tr("Ghi chú vào sổ.", en: "A note for the register."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        func run() throws {
            let draft = DispatchDraft(
                recipients: to, allUnsent: all, via: try DispatchChannel(parsing: via), date: try Parse.date(date), envelopes: envelopes,
                extra: extra, again: again, note: note)
            let records = try global.withRegistry { try DispatchService($0).dispatch(reference: reference, draft) }
            if global.json { return try Terminal.json(records) }
            let lang = Language.fromEnvironment()
            for record in records {
                Terminal.print(
                    Terminal.label("Đã gửi", "Sent")
                        + " \(record.notation) → \(record.recipient) (\(record.via.name(in: lang)), \(record.day.vietnamese))"
                        + (record.extra ? Terminal.label(" [ngoài Nơi nhận]", " [not in the Nơi nhận]") : ""))
            }
        }
    }
}
