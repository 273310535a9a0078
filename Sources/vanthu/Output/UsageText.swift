import ArgumentParser
import Foundation
import VanThuCore

/// argument-parser's own words, in Vietnamese: the section titles of `--help` and the usage
/// errors (a missing option, an unknown one, a bad value), which it writes only in English.
///
/// argument-parser exposes these only as finished text, so they are rewritten line by line from
/// the phrases its sources write (swift-argument-parser 1.x, `Usage/UsageGenerator.swift`,
/// `Usage/HelpGenerator.swift`, `Usage/MessageInfo.swift`); the test `usageErrorsSpeakVietnamese`
/// runs each error and fails on any English phrase left, so a new phrase in a later version shows
/// up there. Option names, value names and the values typed stay as they are.
enum UsageText {
    /// `text` in the clerk's language; English text is returned untouched.
    static func localized(_ text: String) -> String {
        guard processLanguage == .vi else { return text }
        // The patterns are for error messages: help and --version do without building them
        // (parsing a dozen regexes was a sixth of the start-up of `vanthu --version`).
        let rules = text.contains("Error: ") ? patterns : []
        return text.components(separatedBy: "\n").map { line($0, rules) }.joined(separator: "\n")
    }

    /// The first example of a command, to show after a usage error ("Ví dụ: vanthu route
    /// den/2021/792 --lead …"): a line of its discussion that runs it, else one of the commands
    /// above it that does.
    static func example(forCommandPath path: [String], in root: any ParsableCommand.Type) -> String? {
        var chain: [any ParsableCommand.Type] = [root]
        for name in path.dropFirst() {
            guard
                let sub = chain[chain.count - 1].configuration.subcommands.first(where: {
                    $0._commandName == name || $0.configuration.aliases.contains(name)
                })
            else { break }
            chain.append(sub)
        }
        let invocation = path.joined(separator: " ") + " "
        for command in chain.reversed() {
            let lines = command.configuration.discussion.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if let line = lines.first(where: { $0.hasPrefix(invocation) && !$0.hasSuffix("\\") }) { return line }
        }
        return nil
    }

    private static let sections: [String: String] = [
        "OVERVIEW:": "TỔNG QUAN:", "USAGE:": "CÁCH DÙNG:", "ARGUMENTS:": "THAM SỐ:", "OPTIONS:": "TÙY CHỌN:",
        "SUBCOMMANDS:": "LỆNH:",
    ]

    private typealias Rule = (pattern: Regex<AnyRegexOutput>, replacement: (Regex<AnyRegexOutput>.Match) -> String)

    private static func line(_ line: String, _ rules: [Rule]) -> String {
        if let title = sections[line.trimmingCharacters(in: .whitespaces)] { return title }
        for (english, vietnamese) in sections where line.hasPrefix(english + " ") { return vietnamese + line.dropFirst(english.count) }
        // A group of subcommands: "ĐĂNG KÝ SUBCOMMANDS:" → "LỆNH ĐĂNG KÝ:".
        if line.hasSuffix(" SUBCOMMANDS:"), !line.hasPrefix(" ") { return "LỆNH " + line.dropLast(" SUBCOMMANDS:".count) + ":" }
        var out = line
        for (english, vietnamese) in phrases { out = out.replacingOccurrences(of: english, with: vietnamese) }
        for rule in rules {
            if let match = out.firstMatch(of: rule.pattern) { out.replaceSubrange(match.range, with: rule.replacement(match)) }
        }
        return out
    }

    /// Fixed phrases, as argument-parser writes them.
    private static let phrases: [(String, String)] = [
        ("Show the version.", "Hiện phiên bản."),
        ("Show help information.", "Hiện trợ giúp."),
        ("Missing required subcommand.", "Thiếu lệnh con."),
        ("for detailed help.", "để xem trợ giúp chi tiết."),
        ("for more information.", "để biết thêm."),
        ("<subcommand>", "<lệnh>"),
        ("Error: ", "Lỗi: "),
        ("Help:  ", "Trợ giúp:  "),
        ("Usage: ", "Cách dùng: "),
        ("  See '", "  Xem '"),
        ("See '", "Xem '"),
    ]

    /// Messages with the option or value in them. Built when asked (a regex is not `Sendable`),
    /// which is only for help and usage errors.
    private static var patterns: [Rule] {
        [
            (
                Regex(#/Missing expected argument '(--[^' ]+)([^']*)'/#),
                { "thiếu tùy chọn bắt buộc '\($0[1].substring ?? "")\($0[2].substring ?? "")'" }
            ),
            (Regex(#/Missing expected argument '([^']+)'/#), { "thiếu tham số bắt buộc '\($0[1].substring ?? "")'" }),
            (Regex(#/Missing one of: (.*)/#), { "cần một trong: \($0[1].substring ?? "")" }),
            (Regex(#/Missing value for '([^']+)'/#), { "thiếu giá trị cho '\($0[1].substring ?? "")'" }),
            (
                Regex(#/Unknown option '([^']+)'\. Did you mean '([^']+)'\?/#),
                {
                    "không có tùy chọn '\($0[1].substring ?? "")'. Có phải ý bạn là '\($0[2].substring ?? "")'?"
                }
            ),
            (Regex(#/Unknown option '([^']+)'/#), { "không có tùy chọn '\($0[1].substring ?? "")'" }),
            (Regex(#/Invalid option: (.*)/#), { "tùy chọn không hợp lệ: \($0[1].substring ?? "")" }),
            (Regex(#/(\d+) unexpected arguments: (.*)/#), { "thừa \($0[1].substring ?? "") tham số: \($0[2].substring ?? "")" }),
            (Regex(#/Unexpected argument '([^']+)'/#), { "thừa tham số '\($0[1].substring ?? "")' (lệnh hoặc giá trị không có ở đây)" }),
            (
                Regex(#/The value '([^']*)' is invalid for '([^']+)'/#),
                {
                    "giá trị '\($0[1].substring ?? "")' không hợp lệ cho '\($0[2].substring ?? "")'"
                }
            ),
            (Regex(#/The value '([^']*)' is invalid\./#), { "giá trị '\($0[1].substring ?? "")' không hợp lệ." }),
            (
                Regex(#/Please provide one of (.*) or ('[^']*')\./#),
                { "Hãy chọn một trong \($0[1].substring ?? "") hoặc \($0[2].substring ?? "")." }
            ),
            (
                Regex(#/The option '([^']+)' does not take any value, but '([^']*)' was specified\./#),
                {
                    "tùy chọn '\($0[1].substring ?? "")' không nhận giá trị, mà lại được cho '\($0[2].substring ?? "")'."
                }
            ),
            (
                Regex(#/Value to be set with (.*) had already been set with (.*)/#),
                {
                    "giá trị của \($0[1].substring ?? "") đã được đặt bằng \($0[2].substring ?? "")"
                }
            ),
        ]
    }
}
