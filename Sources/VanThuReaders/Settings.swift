import Foundation
public import VanThuCore

/// What a clerk (or the administrator, for every account) writes in vanthu's configuration file:
///
/// ```toml
/// # ~/.config/vanthu/config.toml
/// database = "/srv/vanthu/so-van-thu.sqlite"
/// user = "Nguyễn Thị Lan"
/// language = "vi"
/// units = ["Văn phòng", "Phòng Tuyên truyền", "Phòng Kế hoạch – Tài chính"]
/// # Liên thông (edXML): the agency's mã định danh (QĐ 20/2020/QĐ-TTg) and the clerk the
/// # replies name (StaffInfo)
/// organ_id = "000.00.31.H41"
/// staff_department = "Văn phòng Sở"
/// staff_email = "vanthu@stttt.kontum.gov.vn"
/// staff_mobile = "0260 3862 xxx"
/// ```
///
/// The files are read in order, `$XDG_CONFIG_HOME/vanthu/config.toml` (default
/// `~/.config/vanthu/config.toml`) first, then `/etc/vanthu/config.toml`; a key set in the first
/// wins. Like the `--map` file this is the TOML subset it looks like (`key = "text"`, a list of
/// texts, `#` comments), read here rather than by a TOML library (see ``ImportMapping``).
public struct Settings: Sendable, Equatable {
    /// The database file; `~/` is the home folder.
    public var database: String?
    /// Who is working, for the journal.
    public var user: String?
    /// `vi` or `en`.
    public var language: Language?
    /// The agency's units (phòng, ban), offered when completing `--lead`, `--co`, `--handler`.
    public var units: [String] = []
    /// The agency's mã định danh on the exchange (`organ_id`).
    public var organId: String?
    /// The clerk's department, e-mail and telephone, named in the status replies (StaffInfo).
    public var staffDepartment: String?
    public var staffEmail: String?
    public var staffMobile: String?

    public init(database: String? = nil, user: String? = nil, language: Language? = nil, units: [String] = []) {
        (self.database, self.user, self.language, self.units) = (database, user, language, units)
    }

    /// The configuration files for an environment, the first read first.
    public static func paths(environment: [String: String]) -> [String] {
        let home = home(environment)
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        return [config + "/vanthu/config.toml", "/etc/vanthu/config.toml"]
    }

    /// `$HOME`, else the account's home folder.
    public static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// The settings of every configuration file that exists, the first file's keys winning.
    public static func load(environment: [String: String]) throws -> Settings {
        var settings = Settings()
        for path in paths(environment: environment).reversed() where FileManager.default.fileExists(atPath: path) {
            let file = try Settings(contentsOf: path, environment: environment)
            settings.database = file.database ?? settings.database
            settings.user = file.user ?? settings.user
            settings.language = file.language ?? settings.language
            if !file.units.isEmpty { settings.units = file.units }
            settings.organId = file.organId ?? settings.organId
            settings.staffDepartment = file.staffDepartment ?? settings.staffDepartment
            settings.staffEmail = file.staffEmail ?? settings.staffEmail
            settings.staffMobile = file.staffMobile ?? settings.staffMobile
        }
        return settings
    }

    /// The settings of one file.
    public init(contentsOf path: String, environment: [String: String] = [:]) throws {
        // A configuration file is a few lines; a large one is not ours.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.size] as? NSNumber)?.intValue ?? 0 <= 64 * 1024,
            let data = FileManager.default.contents(atPath: path)
        else { throw SettingsError.unreadable(path: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw SettingsError.unreadable(path: path) }
        try self.init(text: text, path: path, environment: environment)
    }

    /// The settings of a file's text; `path` names it in messages.
    public init(text: String, path: String, environment: [String: String] = [:]) throws {
        self.init()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = strippingTOMLComment(String(raw)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else { throw SettingsError.badLine(path: path, line: index + 1) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            func text() throws -> String {
                guard let text = Self.quoted(value) else { throw SettingsError.badValue(path: path, line: index + 1, key: key) }
                return VietnameseText.clean(text)
            }
            switch key {
            case "database":
                let database = try text()
                self.database = database.hasPrefix("~/") ? Self.home(environment) + database.dropFirst(1) : database
            case "user": user = VietnameseText.nonEmpty(try text())
            case "language":
                let chosen = try text().lowercased()
                guard let language = Language(rawValue: String(chosen.prefix(2))) else {
                    throw SettingsError.badValue(path: path, line: index + 1, key: key)
                }
                self.language = language
            case "units":
                guard value.hasPrefix("["), value.hasSuffix("]") else { throw SettingsError.badValue(path: path, line: index + 1, key: key) }
                units = try Self.listItems(String(value.dropFirst().dropLast())).map {
                    guard let unit = Self.quoted($0) else { throw SettingsError.badValue(path: path, line: index + 1, key: key) }
                    return VietnameseText.clean(unit)
                }.filter { !$0.isEmpty }
            case "organ_id": organId = VietnameseText.nonEmpty(try text())
            case "staff_department": staffDepartment = VietnameseText.nonEmpty(try text())
            case "staff_email": staffEmail = VietnameseText.nonEmpty(try text())
            case "staff_mobile": staffMobile = VietnameseText.nonEmpty(try text())
            default: throw SettingsError.unknownKey(path: path, line: index + 1, key: key)
            }
        }
    }

    /// `"text"` without its quotes; nil when it is not one quoted text.
    private static func quoted(_ value: String) -> String? {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""), !value.dropFirst().dropLast().contains("\"") else { return nil }
        return String(value.dropFirst().dropLast())
    }

    /// The items of a list, split at the commas outside quotes.
    private static func listItems(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if character == ",", !inQuotes {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { items.append(last) }
        return items
    }
}

/// A configuration file that cannot be used.
public enum SettingsError: Error, Equatable, Sendable {
    case unreadable(path: String)
    case badLine(path: String, line: Int)
    case badValue(path: String, line: Int, key: String)
    case unknownKey(path: String, line: Int, key: String)
}

extension SettingsError: ClerkFacingError {
    public static var domain: String { "settings" }

    public var text: Bilingual {
        switch self {
        case .unreadable(let path):
            Bilingual(
                vi: "Không đọc được tệp cấu hình “\(path)” (cần văn bản UTF-8, dưới 64 kB). Hãy sửa hoặc xóa tệp đó.",
                en: "Cannot read the configuration file “\(path)” (UTF-8 text under 64 kB is needed). Fix or remove it.")
        case .badLine(let path, let line):
            Bilingual(
                vi: "Tệp cấu hình “\(path)”, dòng \(line): cần dạng khóa = \"giá trị\" (ví dụ database = \"/srv/vanthu/vanthu.sqlite\").",
                en: "Configuration file “\(path)”, line \(line): write key = \"value\" (for example database = \"/srv/vanthu/vanthu.sqlite\").")
        case .badValue(let path, let line, let key):
            Bilingual(
                vi:
                    "Tệp cấu hình “\(path)”, dòng \(line): giá trị của \(key) không đọc được. Viết trong ngoặc kép; language là \"vi\" hoặc \"en\"; units là danh sách [\"Văn phòng\", \"Phòng Tuyên truyền\"].",
                en:
                    "Configuration file “\(path)”, line \(line): the value of \(key) cannot be read. Quote it; language is \"vi\" or \"en\"; units is a list [\"Văn phòng\", \"Phòng Tuyên truyền\"]."
            )
        case .unknownKey(let path, let line, let key):
            Bilingual(
                vi: "Tệp cấu hình “\(path)”, dòng \(line): không có khóa “\(key)”. Các khóa là database, user, language, units.",
                en: "Configuration file “\(path)”, line \(line): there is no key “\(key)”. The keys are database, user, language, units.")
        }
    }

    public var exitCode: Int32 { 78 }

    public enum Kind: String, CaseIterable, Sendable { case unreadable, badLine, badValue, unknownKey }

    public var kind: Kind {
        switch self {
        case .unreadable: .unreadable
        case .badLine: .badLine
        case .badValue: .badValue
        case .unknownKey: .unknownKey
        }
    }
}

/// A line of the TOML-looking files vanthu reads (`--map`, the configuration) without its `#`
/// comment; a `#` inside quotes is text.
func strippingTOMLComment(_ line: String) -> String {
    var quoted = false
    for (offset, character) in line.enumerated() {
        if character == "\"" { quoted.toggle() }
        if character == "#", !quoted { return String(line.prefix(offset)) }
    }
    return line
}
