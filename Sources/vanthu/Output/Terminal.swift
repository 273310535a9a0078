import Foundation
import VanThuCore

/// Where output goes: results to stdout, messages to stderr.
enum Terminal {
    static func print(_ text: String) {
        // One copy of the text (a list can be megabytes), not a joined string and then its bytes.
        let text = safe(text)
        var line = Data(capacity: text.utf8.count + 1)
        line.append(contentsOf: text.utf8)
        line.append(0x0A)
        FileHandle.standardOutput.write(line)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    /// The text with every control character a terminal would act on shown as U+FFFD: only line
    /// breaks, tabs and colour codes (`ESC [ … m`, which vanthu's highlighting writes) pass.
    /// Input is cleaned before it is stored; this also covers files made by older versions or
    /// edited by hand.
    static func safe(_ text: String) -> String {
        // Nearly all output is clean: told from the bytes, without copying (a `--json` list can be megabytes).
        guard VietnameseText.mayHoldControls(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { VietnameseText.isInvisibleControl($0.value) || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            let passes = scalar == "\n" || scalar == "\t" || !(VietnameseText.isInvisibleControl(scalar.value) || scalar == "\r")
            out.append(passes ? scalar : "\u{FFFD}")
            i += 1
        }
        return String(out)
    }

    /// A refused command: one line in the clerk's language, or with `VANTHU_ERRORS=json` one
    /// JSON object (`code`, `exitCode`, `message`) for a script or a connector to act on.
    static func failure(_ error: any ClerkFacingError) {
        let message = error.message(in: .fromEnvironment())
        guard ProcessInfo.processInfo.environment["VANTHU_ERRORS"] == "json" else { return Terminal.error(message) }
        struct Failure: Encodable {
            var code: String
            var exitCode: Int32
            var message: String
        }
        let failure = Failure(code: error.code, exitCode: error.exitCode, message: message)
        // Encoding three strings cannot fail; the plain line is there all the same.
        Terminal.error((try? JSONOutput.encode(failure, pretty: false)) ?? message)
    }

    static func json<T: Encodable>(_ value: T) throws {
        print(try JSONOutput.encode(value))
    }

    /// Picks the Vietnamese or English label for the current language.
    static func label(_ vi: String, _ en: String) -> String {
        Language.fromEnvironment() == .vi ? vi : en
    }

    /// A text the core gave in both languages, in the current one.
    static func text(_ text: Bilingual) -> String { text[Language.fromEnvironment()] }

    /// True when stdout is a terminal that takes colours (not piped, no `NO_COLOR`).
    static var highlighting: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// `text` with the given ranges in bold yellow.
    static func highlight(_ text: String, ranges: [Range<String.Index>]) -> String {
        guard !ranges.isEmpty else { return text }
        var out = ""
        var last = text.startIndex
        for range in ranges {
            out += text[last..<range.lowerBound] + "\u{1B}[1;33m" + text[range] + "\u{1B}[0m"
            last = range.upperBound
        }
        return out + text[last...]
    }

    /// A plain text table; cells are cut to `limits` characters where given. `highlight`
    /// marks up body cells after they are measured and cut, so escapes take no width.
    static func table(headings: [String], rows: [[String]], limits: [Int?] = [], highlight: ((String) -> String)? = nil) -> String {
        // Each cell's width is counted once; a follow-up list can have tens of thousands of rows.
        let cut: [[(text: String, width: Int)]] = ([headings] + rows).map { row in
            row.enumerated().map { index, cell in
                let cell = cell.utf8.contains(0x0A) ? cell.replacingOccurrences(of: "\n", with: " ") : cell
                let width = VietnameseText.width(cell)
                guard index < limits.count, let limit = limits[index], width > limit else { return (cell, width) }
                return (VietnameseText.prefix(cell, characters: limit - 1) + "…", limit)
            }
        }
        let widths = headings.indices.map { column in cut.map { $0[column].width }.max() ?? 0 }
        // Laid out as bytes: appending to a String grew and copied it (a list of 45,000 rows is
        // 18 MB of text).
        var out: [UInt8] = []
        out.reserveCapacity(cut.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.utf8.count + 2 } + 1 } + widths.reduce(0, +) * cut.count)
        for (rowIndex, row) in cut.enumerated() {
            if rowIndex > 0 { out.append(0x0A) }
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(contentsOf: [0x20, 0x20]) }
                out.append(contentsOf: (rowIndex > 0 ? highlight?(cell.text) ?? cell.text : cell.text).utf8)
                if index < row.count - 1 { out.append(contentsOf: repeatElement(0x20, count: widths[index] - cell.width)) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
