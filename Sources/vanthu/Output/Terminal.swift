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

    /// Prints text handed over in pieces of UTF-8 (each cut on a character's boundary), then a
    /// line break: a long `--json` list, never in memory whole. A piece with a control character
    /// is made safe as `print` does.
    static func print(pieces write: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        write { bytes in
            guard VietnameseText.mayHoldControls(bytes) else { return FileHandle.standardOutput.write(Data(buffer: bytes)) }
            FileHandle.standardOutput.write(Data(safe(String(decoding: bytes, as: UTF8.self)).utf8))
        }
        FileHandle.standardOutput.write(Data([0x0A]))
    }

    /// Prints JSON written by vanthu's own writer, in pieces, then a line break: not scanned,
    /// since that writer escapes every character a terminal would act on (`\uXXXX`, see
    /// `JSONWriter`), and the scan of the backlog's 67 MB of indented JSON, a line break every
    /// 30 bytes, was 6 % of `overdue --json`.
    static func print(json write: ((UnsafeBufferPointer<UInt8>) -> Void) throws -> Void) rethrows {
        try write { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            // Written from the writer's buffer, not copied first: it is not kept past the call.
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
        FileHandle.standardOutput.write(Data([0x0A]))
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
        var table = TextTable(headings: headings, limits: limits)
        for row in rows { row.forEach { table.add($0) } }
        return table.rendered(highlight: highlight)
    }
}

/// A plain text table built cell by cell: each cell's bytes go into one buffer as it comes, its
/// line breaks made spaces, measured and cut to its column's limit, so that a list of tens of
/// thousands of rows keeps no String per cell. Laid out as bytes at the end (the columns' widths
/// are known only then). `overdue` on a 100,000-document backlog (45,661 rows), against the
/// build before: 0.61× its time with the lean lines alone, 0.58× with this table too (medians
/// of 11, alternated); a shortcut that counted each cell's width on its bytes itself measured
/// no faster than `VietnameseText.width` (572 and 531 ms, medians of 15) and was taken out.
struct TextTable {
    private let columns: Int
    private let limits: [Int?]
    private var text: [UInt8] = []
    /// Where each cell ends in `text`, and its width in characters, row after row.
    private var cells: [(end: Int, width: Int)] = []
    private var widths: [Int]

    init(headings: [String], limits: [Int?]) {
        columns = headings.count
        self.limits = limits
        widths = Array(repeating: 0, count: headings.count)
        text.reserveCapacity(1 << 16)
        headings.forEach { add($0) }
    }

    /// The next cell, rows filled left to right.
    mutating func add(_ cell: String) {
        let column = cells.count % columns
        let limit = column < limits.count ? limits[column] : nil
        let cleaned = VietnameseText.holdsLineFeed(cell) ? cell.replacingOccurrences(of: "\n", with: " ") : cell
        var width = VietnameseText.width(cleaned)
        if let limit, width > limit {
            text.append(contentsOf: (VietnameseText.prefix(cleaned, characters: limit - 1) + "…").utf8)
            width = limit
        } else {
            text.append(contentsOf: cleaned.utf8)
        }
        cells.append((text.count, width))
        widths[column] = max(widths[column], width)
    }

    /// The table, rows on their own lines, cells two spaces apart, the last one not padded.
    func rendered(highlight: ((String) -> String)? = nil) -> String {
        var all: [UInt8] = []
        all.reserveCapacity(text.count + cells.count * 2 + widths.reduce(0, +) * (cells.count / max(1, columns)))
        write(highlight: highlight) { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    /// The table as ``rendered(highlight:)`` makes it, handed to `output` in pieces of about
    /// 256 kB, each ending after a cell (so on a character's boundary), for
    /// ``Terminal/print(pieces:)``. The backlog's follow-up list is 8.7 MB: rendered whole, then
    /// made a String and copied into Data, it was three fresh copies of it: 19,856 -> 14,777 page
    /// faults, 87 -> 69 MB at the peak.
    func write(highlight: ((String) -> String)? = nil, _ output: (UnsafeBufferPointer<UInt8>) -> Void) {
        let piece = 1 << 18
        var out: [UInt8] = []
        out.reserveCapacity(piece + (1 << 12))
        var start = 0
        for (index, cell) in cells.enumerated() {
            let column = index % columns
            if column > 0 {
                out.append(contentsOf: [0x20, 0x20])
            } else if index > 0 {
                out.append(0x0A)
            }
            if let highlight, index >= columns {
                out.append(contentsOf: highlight(String(decoding: text[start..<cell.end], as: UTF8.self)).utf8)
            } else {
                out.append(contentsOf: text[start..<cell.end])
            }
            if column < columns - 1 { out.append(contentsOf: repeatElement(0x20, count: widths[column] - cell.width)) }
            start = cell.end
            if out.count >= piece {
                out.withUnsafeBufferPointer(output)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { out.withUnsafeBufferPointer(output) }
    }
}
