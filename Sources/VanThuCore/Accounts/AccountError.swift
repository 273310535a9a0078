/// Why an account action or a permission was refused. Nothing changed.
public enum AccountError: Error, Equatable, Sendable {
    /// The account may not do this (its role lacks the permission).
    case forbidden(Permission, role: AccountRole)
    /// The document exists but is not this account's to see or handle (another unit's, secret).
    case notYours(reference: String)
    /// Wrong login name or password: never says which, so names cannot be probed.
    case badCredentials
    case disabled(String)
    case duplicateName(String)
    case invalidName(String)
    case notFound(String)
    /// Fewer than ``AccountService/minimumPasswordLength`` characters, or the login name itself.
    case weakPassword(minimum: Int)
    /// The last enabled quản trị cannot be disabled: nobody could manage the accounts.
    case lastAdministrator
}

extension AccountError: ClerkFacingError {
    public static var domain: String { "account" }

    public var exitCode: Int32 {
        switch self {
        case .forbidden, .notYours, .badCredentials, .disabled: 77
        case .duplicateName, .invalidName, .weakPassword, .lastAdministrator: 65
        case .notFound: 66
        }
    }

    public var text: Bilingual {
        switch self {
        case .forbidden(let permission, let role):
            Bilingual(
                vi: "Tài khoản \(role.name.vi.lowercased()) không được \(permission.name.vi). Hãy nhờ người có quyền làm việc này.",
                en: "A \(role.name.en.lowercased()) account may not \(permission.name.en). Ask someone who may.")
        case .notYours(let reference):
            Bilingual(
                vi: "Văn bản \(reference) không được chuyển cho anh/chị. Hỏi văn thư nếu anh/chị cần xem văn bản này.",
                en: "Document \(reference) was not routed to you. Ask the clerk if you need to see it.")
        case .badCredentials:
            Bilingual(
                vi: "Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại, hoặc nhờ quản trị đặt lại mật khẩu.",
                en: "Wrong login name or password. Check them, or ask an administrator to reset the password.")
        case .disabled(let name):
            Bilingual(
                vi: "Tài khoản “\(name)” đã bị khóa. Liên hệ quản trị để mở lại.",
                en: "Account “\(name)” is disabled. Ask an administrator to enable it.")
        case .duplicateName(let name):
            Bilingual(
                vi: "Đã có tài khoản “\(name)”. Chọn tên khác, hoặc đổi mật khẩu: vanthu user passwd \(name).",
                en: "Account “\(name)” already exists. Choose another name, or change its password: vanthu user passwd \(name).")
        case .invalidName(let name):
            Bilingual(
                vi: "Tên đăng nhập “\(name)” không hợp lệ: chỉ dùng chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ: nguyen.van.a).",
                en: "Login name “\(name)” is not valid: use unaccented letters, digits, dots, hyphens, underscores (for example nguyen.van.a).")
        case .notFound(let name):
            Bilingual(
                vi: "Không có tài khoản “\(name)”. Xem danh sách: vanthu user list.",
                en: "No account “\(name)”. See the list: vanthu user list.")
        case .weakPassword(let minimum):
            Bilingual(
                vi: "Mật khẩu phải có ít nhất \(minimum) ký tự và khác tên đăng nhập.",
                en: "The password must have at least \(minimum) characters and differ from the login name.")
        case .lastAdministrator:
            Bilingual(
                vi: "Đây là tài khoản quản trị cuối cùng còn hoạt động; hãy tạo một tài khoản quản trị khác trước khi khóa nó.",
                en: "This is the last enabled administrator account; add another administrator before disabling it.")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case forbidden, notYours, badCredentials, disabled, duplicateName, invalidName, notFound, weakPassword, lastAdministrator
    }

    public var kind: Kind {
        switch self {
        case .forbidden: .forbidden
        case .notYours: .notYours
        case .badCredentials: .badCredentials
        case .disabled: .disabled
        case .duplicateName: .duplicateName
        case .invalidName: .invalidName
        case .notFound: .notFound
        case .weakPassword: .weakPassword
        case .lastAdministrator: .lastAdministrator
        }
    }
}
