import ArgumentParser
import Foundation
import VanThuCore

extension VanThu {
    struct UserCommand: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "user",
                abstract: tr("Quản lý tài khoản đăng nhập trang web (vanthu serve).", en: "Manage the web front's accounts (vanthu serve)."),
                discussion: tr(
                    """
                    Vai trò: van-thu (văn thư), lanh-dao (lãnh đạo), chuyen-vien (chuyên viên, theo đơn vị), quan-tri (quản trị tài khoản).
                    Mật khẩu đọc từ đầu vào chuẩn, không bao giờ ghi vào nhật ký.
                    echo 'mat-khau-du-dai' | vanthu user add lan.nt --role chuyen-vien --unit "Phòng Tổng hợp" --password-stdin
                    vanthu user list
                    vanthu user disable lan.nt
                    """,
                    en: """
                        Roles: van-thu (clerk), lanh-dao (leader), chuyen-vien (officer, by unit), quan-tri (account administrator).
                        The password is read from standard input and never journaled.
                        echo 'a-long-password' | vanthu user add lan.nt --role chuyen-vien --unit "Phòng Tổng hợp" --password-stdin
                        vanthu user list
                        vanthu user disable lan.nt
                        """),
                subcommands: [Add.self, ListUsers.self, Disable.self, Enable.self, Passwd.self],
                defaultSubcommand: ListUsers.self,
                aliases: ["tai-khoan"])

        static func show(_ account: Account) -> String {
            let role = account.role.name[Language.fromEnvironment()]
            let unit = account.unit.map { ", \($0)" } ?? ""
            let name = account.fullName.map { " (\($0))" } ?? ""
            let state = account.disabled ? Terminal.label(" — đã khóa", " — disabled") : ""
            return "\(account.name)\(name): \(role)\(unit)\(state)"
        }
    }
}

/// `--password-stdin`: the password comes from standard input, never the command line (where
/// `ps` and the shell's history would show it).
struct PasswordInput: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: ArgumentHelp(tr("Đọc mật khẩu từ đầu vào chuẩn.", en: "Read the password from standard input.")))
    var passwordStdin = false

    func validate() throws {
        guard passwordStdin else {
            throw ValidationError(
                tr(
                    "Cần --password-stdin: mật khẩu không đưa trên dòng lệnh.",
                    en: "--password-stdin is needed: a password never goes on the command line."))
        }
    }

    /// One line of standard input, its newline dropped.
    func read() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError(
                tr(
                    "Không đọc được mật khẩu từ đầu vào chuẩn. Ví dụ: echo 'mat-khau-du-dai' | vanthu user add …",
                    en: "No password on standard input. For example: echo 'a-long-password' | vanthu user add …"))
        }
        return line
    }
}

/// `--role`: the roles by their written names (`van-thu`, …).
enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
    case vanThu = "van-thu", lanhDao = "lanh-dao", chuyenVien = "chuyen-vien", quanTri = "quan-tri"

    var role: AccountRole {
        switch self {
        case .vanThu: .clerk
        case .lanhDao: .leader
        case .chuyenVien: .officer
        case .quanTri: .administrator
        }
    }
}

extension VanThu.UserCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: tr("Thêm một tài khoản.", en: "Add an account."), aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Tên đăng nhập, ví dụ nguyen.van.a.", en: "The login name, for example nguyen.van.a."), valueName: tr("tên", en: "name")))
        var name: String

        @Option(
            help: ArgumentHelp(
                tr("Vai trò: van-thu, lanh-dao, chuyen-vien, quan-tri.", en: "The role: van-thu, lanh-dao, chuyen-vien, quan-tri."),
                valueName: tr("vai-trò", en: "role")))
        var role: RoleArgument

        @Option(
            help: ArgumentHelp(
                tr("Đơn vị (phòng, ban) của chuyên viên, như khi chuyển văn bản.", en: "The officer's unit, as routing names it."),
                valueName: tr("đơn-vị", en: "unit")))
        var unit: String?

        @Option(name: .customLong("full-name"), help: ArgumentHelp(tr("Họ tên.", en: "The full name."), valueName: tr("họ-tên", en: "name")))
        var fullName: String?

        @OptionGroup var password: PasswordInput

        func run() throws {
            let password = try self.password.read()
            let account = try global.withRegistry {
                try AccountService($0).add(name: name, fullName: fullName, role: role.role, unit: unit, password: password)
            }
            if global.json { return try Terminal.json(account) }
            Terminal.print(Terminal.label("Đã thêm tài khoản ", "Added account ") + VanThu.UserCommand.show(account))
        }
    }

    struct ListUsers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: tr("Liệt kê các tài khoản.", en: "List the accounts."), aliases: ["ds"])

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let accounts = try global.withRegistry(.read) { try AccountService($0).list() }
            if global.json { return try Terminal.json(accounts) }
            guard !accounts.isEmpty else {
                return Terminal.error(
                    Terminal.label(
                        "Chưa có tài khoản nào. Thêm: vanthu user add quantri --role quan-tri --password-stdin",
                        "No account yet. Add one: vanthu user add admin --role quan-tri --password-stdin"))
            }
            for account in accounts { Terminal.print(VanThu.UserCommand.show(account)) }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: tr("Khóa một tài khoản (phiên đang mở cũng dừng).", en: "Disable an account (its sessions end)."),
            aliases: ["khoa"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Tên đăng nhập.", en: "The login name."), valueName: tr("tên", en: "name")))
        var name: String

        func run() throws {
            let account = try global.withRegistry { try AccountService($0).setDisabled(true, name: name) }
            if global.json { return try Terminal.json(account) }
            Terminal.print(Terminal.label("Đã khóa ", "Disabled ") + VanThu.UserCommand.show(account))
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable", abstract: tr("Mở khóa một tài khoản.", en: "Enable an account."), aliases: ["mo-khoa"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Tên đăng nhập.", en: "The login name."), valueName: tr("tên", en: "name")))
        var name: String

        func run() throws {
            let account = try global.withRegistry { try AccountService($0).setDisabled(false, name: name) }
            if global.json { return try Terminal.json(account) }
            Terminal.print(Terminal.label("Đã mở khóa ", "Enabled ") + VanThu.UserCommand.show(account))
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd", abstract: tr("Đặt mật khẩu mới (đọc từ đầu vào chuẩn).", en: "Set a new password (read from standard input)."),
            aliases: ["mat-khau"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Tên đăng nhập.", en: "The login name."), valueName: tr("tên", en: "name")))
        var name: String

        @OptionGroup var password: PasswordInput

        func run() throws {
            let password = try self.password.read()
            let account = try global.withRegistry { try AccountService($0).setPassword(name: name, password: password) }
            if global.json { return try Terminal.json(account) }
            Terminal.print(Terminal.label("Đã đổi mật khẩu của ", "Changed the password of ") + VanThu.UserCommand.show(account))
        }
    }
}
