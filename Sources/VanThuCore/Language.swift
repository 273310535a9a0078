public import Foundation

/// The language of messages shown to the clerk.
///
/// Vietnamese is the default; `VANTHU_LANG=en` (or any value starting with `en`) selects English.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en

    /// Reads `VANTHU_LANG` from the environment.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        let value = (environment["VANTHU_LANG"] ?? "").lowercased()
        return value.hasPrefix("en") ? .en : .vi
    }
}
