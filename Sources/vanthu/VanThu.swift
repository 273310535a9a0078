import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders
import VanThuXLSX

/// The `vanthu` command: a document registry for the văn thư of Vietnamese agencies.
@main
struct VanThu: ParsableCommand {
    static let configuration =
        CommandConfiguration(
            commandName: "vanthu",
            abstract: tr(
                "Đăng ký văn bản đến, văn bản đi: đóng dấu ĐẾN, cấp số, ghi nhật ký.",
                en: "Register incoming and outgoing documents, stamp, number and journal them."),
            discussion: tr(
                """
                Sổ đăng ký văn bản đến và đi theo Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW.
                Thông báo bằng tiếng Việt; đặt VANTHU_LANG=en (hoặc LANG=en_US.UTF-8) để dùng tiếng Anh.
                VANTHU_ERRORS=json ghi lỗi thành một dòng JSON (code, exitCode, message) cho các script.
                """,
                en: """
                    Sổ đăng ký văn bản đến và đi theo Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW.
                    Messages are in Vietnamese; set VANTHU_LANG=en for English.
                    VANTHU_ERRORS=json writes an error as one JSON line (code, exitCode, message) for scripts.
                    """),
            version: "0.2.0",
            groupedSubcommands: [
                CommandGroup(
                    name: tr("Đăng ký", en: "Registration"),
                    subcommands: [
                        Init.self, Incoming.self, Outgoing.self, Intake.self, List.self, Show.self, VoidNumber.self, Edit.self, Types.self,
                        RegisterCommand.self,
                    ]),
                CommandGroup(
                    name: tr("Giải quyết", en: "Handling"),
                    subcommands: [
                        Route.self, Receipt.self, Progress.self, Done.self, ReturnDocument.self, Reopen.self, Overdue.self, History.self,
                        Holidays.self,
                    ]),
                CommandGroup(name: tr("Phát hành", en: "Dispatch"), subcommands: [Dispatch.self, Unsent.self]),
                CommandGroup(name: tr("Liên thông", en: "Exchange"), subcommands: [EdXML.self, Agencies.self]),
                CommandGroup(
                    name: tr("Sổ và báo cáo", en: "Registers and reports"),
                    subcommands: [Export.self, Slip.self, Report.self, Search.self, Journal.self]),
                CommandGroup(
                    name: tr("Hồ sơ, lưu trữ", en: "Dossiers and archive"), subcommands: [Catalog.self, DossierCommand.self, Attach.self, Stamp.self]),
                CommandGroup(name: tr("Dữ liệu", en: "Data"), subcommands: [Import.self, Verify.self, Backup.self, Restore.self, Trust.self]),
                CommandGroup(name: tr("Văn phòng trên mạng nội bộ", en: "The office on the LAN"), subcommands: [Serve.self, UserCommand.self]),
            ])

    /// Runs the command; registry failures print one line to stderr and exit with their code.
    static func main() {
        Registry.preferErrorsToSignals()
        if case .failure(let error) = ProcessSettings.loaded {
            Terminal.failure(error)
            Foundation.exit(error.exitCode)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any ClerkFacingError {
            Terminal.failure(error)
            Foundation.exit(error.exitCode)
        } catch {
            exitInClerksLanguage(error)
        }
    }

    /// What argument-parser would print for `error` (help, version, a usage error) and its exit
    /// code, with its English rewritten into the clerk's language; a usage error also shows an
    /// example of the command. A completion script is printed untouched.
    static func exitInClerksLanguage(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        let arguments = CommandLine.arguments.dropFirst()
        var text = fullMessage(for: error)
        if !arguments.contains(where: { $0.hasPrefix("--generate-completion-script") }) {
            text = UsageText.localized(text)
            if code != .success, code != .validationFailure || text.contains("Usage") || text.contains("Cách dùng"),
                let see = text.firstMatch(of: #/'(vanthu[^']*) --help'/#),
                let example = UsageText.example(forCommandPath: see.1.split(separator: " ").map(String.init), in: VanThu.self)
            {
                text += "\n" + tr("  Ví dụ: ", en: "  Example: ") + example
            }
        }
        if code == .success {
            Terminal.print(text)
        } else {
            Terminal.error(text)
        }
        Foundation.exit(code.rawValue)
    }
}
