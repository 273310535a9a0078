/// What a person may do on the office's web front (`vanthu serve`): the four roles of ND30
/// Điều 23–24 and of the agency's IT staff.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    /// Văn thư: registers, stamps, voids, closes the books, exports; sees every document.
    case clerk = "van-thu"
    /// Lãnh đạo: directs (ý kiến chỉ đạo, chủ trì, phối hợp, thời hạn) and follows up.
    case leader = "lanh-dao"
    /// Chuyên viên: handles what is routed to their unit, reports progress, done, return.
    case officer = "chuyen-vien"
    /// Quản trị: manages the accounts, and sees no document.
    case administrator = "quan-tri"

    public var name: Bilingual {
        switch self {
        case .clerk: Bilingual(vi: "Văn thư", en: "Clerk")
        case .leader: Bilingual(vi: "Lãnh đạo", en: "Leader")
        case .officer: Bilingual(vi: "Chuyên viên", en: "Officer")
        case .administrator: Bilingual(vi: "Quản trị", en: "Administrator")
        }
    }
}

/// One person's account on the web front. The password's bcrypt hash stays in the store and is
/// never part of this value, of the journal or of any output.
public struct Account: Sendable, Equatable, Encodable {
    public var id: Int64
    /// The login name: letters, digits, `.`, `-`, `_`; unique regardless of case.
    public var name: String
    public var fullName: String?
    public var role: AccountRole
    /// The unit (phòng, ban) whose documents a chuyên viên handles, as routing names it.
    public var unit: String?
    public var disabled: Bool
    public var createdAt: String

    /// The name shown in pages and used to match the people named on a secret document.
    public var displayName: String { fullName ?? name }
}

/// What an action needs: checked by the services (so a page that forgets cannot let it
/// through), before anything is written.
public enum Permission: String, Sendable, CaseIterable {
    /// Register, edit, void, stamp, attach, dispatch, import, exchange.
    case register
    /// Close a register, export and print registers and lists.
    case registers
    /// Route a document: ý kiến chỉ đạo, chủ trì, phối hợp, thời hạn.
    case direct
    /// Record receipt, progress, done or return of a routed document.
    case handle
    /// See the follow-up of every unit (overdue dashboard, processing report).
    case followUp
    /// Add, disable and reset accounts.
    case accounts
    /// Trust a root certificate, change the agency's settings.
    case setup

    public var name: Bilingual {
        switch self {
        case .register: Bilingual(vi: "đăng ký, sửa, hủy số văn bản", en: "register, edit or void documents")
        case .registers: Bilingual(vi: "đóng sổ, xuất và in sổ", en: "close, export and print registers")
        case .direct: Bilingual(vi: "cho ý kiến chỉ đạo, phân công xử lý", en: "direct and assign documents")
        case .handle: Bilingual(vi: "báo cáo tiến độ, hoàn thành, trả lại văn bản", en: "report progress, completion or return documents")
        case .followUp: Bilingual(vi: "theo dõi việc giải quyết của các đơn vị", en: "follow up every unit's handling")
        case .accounts: Bilingual(vi: "quản lý tài khoản", en: "manage accounts")
        case .setup: Bilingual(vi: "thay đổi cấu hình của cơ quan", en: "change the agency's settings")
        }
    }
}

/// The rules of who may do and see what: pure, tested without SQLite. The person at the
/// terminal (no account: whoever holds the file) may do everything.
public enum AccessRules {
    /// The roles a permission is given to.
    public static func roles(for permission: Permission) -> Set<AccountRole> {
        switch permission {
        case .register, .registers: [.clerk]
        case .direct: [.leader]
        case .handle: [.officer, .leader]
        case .followUp: [.clerk, .leader]
        case .accounts: [.administrator]
        case .setup: [.clerk, .administrator]
        }
    }

    public static func may(_ account: Account?, _ permission: Permission) -> Bool {
        guard let account else { return true }
        return !account.disabled && roles(for: permission).contains(account.role)
    }

    /// Whether `account` may open `document`. The văn thư sees every document; a lãnh đạo every
    /// ordinary one; a chuyên viên those routed to their unit (chủ trì or phối hợp). A secret
    /// (mật) document only the people named on it, by name (ND30 Điều 25: “chỉ những người có
    /// tên”). Names are compared as written (spaces tidied): the web front offers them from
    /// the accounts, so a unit is spelt one way, and SQLite can apply the same rule to a search.
    public static func canSee(_ document: Document, by account: Account?) -> Bool {
        guard let account else { return true }
        guard !account.disabled else { return false }
        switch account.role {
        case .clerk: return true
        case .administrator: return false
        case .leader, .officer: break
        }
        let named = names(on: document)
        if !personalNames(of: account).isDisjoint(with: named) { return true }
        if isSecret(document) { return false }
        if account.role == .leader { return true }
        return unitName(of: account).map(named.contains) ?? false
    }

    /// Whether `account` may record a step of the handling of `document`: a lãnh đạo on what
    /// they can see; a chuyên viên on a document led by their unit or by them (progress also
    /// as phối hợp).
    public static func mayHandle(_ document: Document, by account: Account?, leadOnly: Bool) -> Bool {
        guard let account else { return true }
        guard may(account, .handle), canSee(document, by: account) else { return false }
        if account.role == .leader { return true }
        let own = personalNames(of: account).union(unitName(of: account).map { [$0] } ?? [])
        if let lead = document.handler.map(VietnameseText.clean), own.contains(lead) { return true }
        return !leadOnly && !own.isDisjoint(with: document.coHandlers.map(VietnameseText.clean))
    }

    static func isSecret(_ document: Document) -> Bool { document.kind.isSecret || document.secrecy != nil }

    /// The account's own names (full name and login) as routing may write them.
    static func personalNames(of account: Account) -> Set<String> {
        Set([account.fullName, account.name].compactMap(VietnameseText.nonEmpty))
    }

    static func unitName(of account: Account) -> String? { account.unit.flatMap(VietnameseText.nonEmpty) }

    private static func names(on document: Document) -> Set<String> {
        Set(([document.handler].compactMap { $0 } + document.coHandlers).compactMap(VietnameseText.nonEmpty))
    }
}
