import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

/// The `vanthu` command: a document registry for the văn thư of Vietnamese agencies.
@main
struct VanThu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanthu",
        abstract: "Register incoming and outgoing documents, stamp, number and journal them.",
        discussion: """
            Sổ đăng ký văn bản đến và đi theo Nghị định 30/2020/NĐ-CP và Hướng dẫn 36-HD/VPTW.
            Messages are in Vietnamese; set VANTHU_LANG=en for English.
            VANTHU_ERRORS=json writes an error as one JSON line (code, exitCode, message) for scripts.
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(
                name: "Đăng ký (registration)",
                subcommands: [
                    Init.self, Incoming.self, Outgoing.self, Intake.self, List.self, Show.self, VoidNumber.self, Edit.self, Types.self,
                    RegisterCommand.self,
                ]),
            CommandGroup(
                name: "Xử lý (handling)",
                subcommands: [
                    Route.self, Receipt.self, Progress.self, Done.self, ReturnDocument.self, Reopen.self, Overdue.self, History.self,
                    Holidays.self,
                ]),
            CommandGroup(name: "Phát hành (dispatch)", subcommands: [Dispatch.self, Unsent.self]),
            CommandGroup(
                name: "Sổ và báo cáo (registers and reports)", subcommands: [Export.self, Slip.self, Report.self, Search.self, Journal.self]),
            CommandGroup(name: "Hồ sơ, lưu trữ (dossiers and archive)", subcommands: [Catalog.self, DossierCommand.self, Attach.self]),
            CommandGroup(name: "Dữ liệu (data)", subcommands: [Import.self, Verify.self, Backup.self, Restore.self]),
        ])

    /// Runs the command; registry failures print one line to stderr and exit with their code.
    static func main() {
        Registry.preferErrorsToSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any ClerkFacingError {
            Terminal.failure(error)
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
