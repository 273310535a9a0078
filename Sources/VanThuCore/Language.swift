/// The language of messages shown to the clerk.
///
/// Vietnamese is the default. `VANTHU_LANG` decides when it is set (`en…` for English, anything
/// else for Vietnamese); otherwise the locale does, as other programs read it: the first of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, English when it names English (`en_US.UTF-8`).
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en

    /// Reads the language from an environment the front end passes (the core never reads the
    /// process's own).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        if let chosen = environment["VANTHU_LANG"], !chosen.isEmpty {
            return chosen.lowercased().hasPrefix("en") ? .en : .vi
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("en") ? .en : .vi
    }
}
