import VanThuCore

/// Typed values from what the clerk typed, parsed by the core's own parsers, so a bad value gets
/// the clerk's message and exit code (65) rather than argument-parser's usage error: argument-
/// parser's `ExpressibleByArgument` can only fail with its own English text.
enum Parse {
    /// nil for an absent or blank option, else `parse` of its text.
    static func optional<T>(_ text: String?, _ parse: (String) throws -> T) throws -> T? {
        guard let text = VietnameseText.nonEmpty(text) else { return nil }
        return try parse(text)
    }

    static func date(_ text: String?) throws -> LocalDate? { try optional(text, LocalDate.init(parsing:)) }

    /// A số and ký hiệu, its length checked before it is parsed.
    static func notation(_ text: String?) throws -> DocumentNotation? {
        try optional(text) { try DocumentNotation(parsing: try InputLimits.text($0, .notation) ?? $0) }
    }

    static func urgency(_ text: String?) throws -> Urgency? { try optional(text, Urgency.init(parsing:)) }

    static func secrecy(_ text: String?) throws -> Secrecy? { try optional(text, Secrecy.init(parsing:)) }

    /// `10wd`, `7d` or a date.
    static func deadline(_ text: String?) throws -> Deadline? { try optional(text, Deadline.init(parsing:)) }

    /// `10`, `10 năm`, `vinh-vien`, …
    static func retention(_ text: String?) throws -> Retention? { try optional(text, Retention.init(parsing:)) }

    /// A date that must be given.
    static func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
}
