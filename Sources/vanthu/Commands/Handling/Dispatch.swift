import ArgumentParser
import VanThuCore

extension VanThu {
    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that copies of an outgoing document were sent to its recipients.",
            discussion: """
                vanthu dispatch di/2021/BC/216 --to "Sở Thông tin và Truyền thông" --via post --envelopes 1
                vanthu gui di/2021/BC/216 --all --via axis
                Channels: post (bưu điện, goes into the Sổ gửi văn bản đi bưu điện), email, axis (trục liên thông), hand.
                """,
            aliases: ["gui"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The outgoing document: its id, or di/2021/BC/86.", valueName: "outgoing-ref"))
        var reference: String

        @Option(help: ArgumentHelp("A recipient from the Nơi nhận (repeat for several).", valueName: "recipient"))
        var to: [String] = []

        @Flag(help: "Every recipient not yet sent to.")
        var all = false

        @Option(help: ArgumentHelp("post, email, axis or hand.", valueName: "channel"))
        var via: String

        @Option(help: ArgumentHelp("The day it was sent (default: today).", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Số lượng bì: envelopes (post; default 1).", valueName: "n"))
        var envelopes: Int?

        @Flag(help: "Allow a recipient who is not in the Nơi nhận; recorded as extra.")
        var extra = false

        @Flag(help: "Send again to a recipient already sent to.")
        var again = false

        @Option(help: ArgumentHelp("A note for the register.", valueName: "text"))
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
