/// The language of messages shown to the clerk.
///
/// Vietnamese is the default; `VANTHU_LANG=en` (or any value starting with `en`) selects English.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en

    /// Reads `VANTHU_LANG` from an environment the front end passes (the core never reads the
    /// process's own).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = (environment["VANTHU_LANG"] ?? "").lowercased()
        return value.hasPrefix("en") ? .en : .vi
    }
}
