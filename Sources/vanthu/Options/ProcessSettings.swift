import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders

/// This process's environment and configuration files, read once at start-up.
enum ProcessSettings {
    static let environment = ProcessInfo.processInfo.environment

    /// The configuration files' settings; a file that cannot be used is reported by `main`
    /// before any command runs.
    static let loaded: Result<Settings, SettingsError> = Result { try Settings.load(environment: environment) }
        .mapError { $0 as? SettingsError ?? .unreadable(path: Settings.paths(environment: environment)[0]) }

    static var settings: Settings { (try? loaded.get()) ?? Settings() }

    /// The environment with the configuration's language where `VANTHU_LANG` is not set, for
    /// ``Language/fromEnvironment(_:)``.
    static var languageEnvironment: [String: String] {
        var environment = environment
        if VietnameseText.nonEmpty(environment["VANTHU_LANG"]) == nil, let language = settings.language {
            environment["VANTHU_LANG"] = language.rawValue
        }
        return environment
    }

    /// Where the database is when neither `--db` nor `VANTHU_DB` says: the configuration's
    /// `database`, else a `vanthu.sqlite` in the current folder (where vanthu looked before
    /// 0.2, kept so that no clerk finds an empty register), else
    /// `$XDG_DATA_HOME/vanthu/vanthu.sqlite` (`~/.local/share/vanthu/vanthu.sqlite`).
    static func defaultDatabase() -> (path: String, fromCurrentFolder: Bool) {
        if let database = settings.database { return (database, false) }
        if FileManager.default.fileExists(atPath: "vanthu.sqlite") {
            return (FileManager.default.currentDirectoryPath + "/vanthu.sqlite", true)
        }
        return (dataFolder + "/vanthu.sqlite", false)
    }

    static var dataFolder: String { xdgFolder("XDG_DATA_HOME", default: "/.local/share") }
    static var stateFolder: String { xdgFolder("XDG_STATE_HOME", default: "/.local/state") }

    /// `$variable/vanthu` (an absolute path, as the XDG specification asks), else the home folder's default.
    private static func xdgFolder(_ variable: String, default relative: String) -> String {
        (environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? Settings.home(environment) + relative) + "/vanthu"
    }

    /// Says once, per database, that `./vanthu.sqlite` is used only because it is there, and how
    /// to keep using it from any folder. The marker lives in `$XDG_STATE_HOME/vanthu`.
    static func noteCurrentFolderDatabase(_ path: String) {
        let marker = stateFolder + "/told-about-current-folder"
        let told = (try? String(contentsOfFile: marker, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        guard !told.contains(path) else { return }
        Terminal.error(
            tr(
                "Lưu ý: đang dùng \(path) vì nó nằm trong thư mục hiện tại. Để dùng tệp này từ bất kỳ thư mục nào, ghi database = \"\(path)\" vào \(Settings.paths(environment: environment)[0]) (hoặc đặt VANTHU_DB). Lời nhắc này chỉ hiện một lần.",
                en:
                    "Note: using \(path) because it is in the current folder. To use it from any folder, write database = \"\(path)\" in \(Settings.paths(environment: environment)[0]) (or set VANTHU_DB). This note is shown once."
            ))
        try? FileManager.default.createDirectory(atPath: stateFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? (told + [path]).joined(separator: "\n").write(toFile: marker, atomically: true, encoding: .utf8)
    }
}

extension CompletionKind {
    /// The units listed in the configuration's `units`, offered by the shell's completion.
    static var agencyUnits: CompletionKind { .custom { _, _, _ in ProcessSettings.settings.units } }
}
