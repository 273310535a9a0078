import VanThuCore

/// The height a workbook row needs for its wrapped text. Excel grows rows to their text when it
/// opens a file; LibreOffice and server-side converters print the height the file says (the
/// default, one line), so a register printed outside Excel had every row's text over the next.
/// This wraps each cell's text as a word-wrapping renderer would, by the font's own advance
/// widths (measured once per character by pango, ``TextMetrics``), and gives the row the height
/// of its tallest cell; a little wider than needed errs towards an extra line, never an overlap.
///
/// Measured per character and cached, not laid out per cell: laying out every cell with pango
/// cost about 40 µs a cell, seconds on a large register; the cached sum costs well under one.
final class RowFitter {
    /// Excel's column width unit: the width of "0" in the default font (Calibri 11, 7 pixels),
    /// plus 5 pixels of padding; at 96 dpi, 0.75 point a pixel. The cell keeps about 2 pixels of
    /// margin on each side.
    static func usableWidth(columnWidth: Double) -> Double { (columnWidth * 7 + 5) * 0.75 - 3 - 1.5 }

    let fontSize: Double
    /// A line of text: the font's line spacing (Times New Roman and Liberation Serif: 1.15 em).
    let lineHeight: Double
    private let metrics: TextMetrics?
    /// Advances by scalar, for the scripts of Vietnamese text (Latin up to Latin Extended
    /// Additional, U+1EFF, and general punctuation up to U+206F); a dictionary for the rest.
    private var table = [Double](repeating: -1, count: 0x2070)
    private var others: [UInt32: Double] = [:]
    private let widest: Double

    init(fontSize: Double) {
        self.fontSize = fontSize
        lineHeight = fontSize * 1.15
        metrics = TextMetrics(size: fontSize)
        // Without pango's font (never expected: it is linked in), a generous average.
        widest = metrics.map { $0.width(of: "W") } ?? fontSize
    }

    /// The row height, in points, for texts in columns of the given Excel widths.
    func height(_ cells: [(text: String, columnWidth: Double)]) -> Double {
        let tallest = cells.map { lines(of: $0.text, width: Self.usableWidth(columnWidth: $0.columnWidth)) }.max() ?? 1
        return Double(max(1, tallest)) * lineHeight + 4
    }

    /// How many lines `text` takes when wrapped at word boundaries to `width` points; a word
    /// wider than the line is broken between characters. Walks Unicode scalars (the text is NFC,
    /// so a Vietnamese letter is one), not Characters: grapheme breaking and hashing Characters
    /// made the export of a 20,000-document register twice as slow.
    func lines(of text: String, width: Double) -> Int {
        // Most cells fit on one line whatever their letters: no need to measure them (the UTF-8
        // length bounds the number of letters).
        let hasBreak = VietnameseText.holdsLineFeed(text)
        if Double(text.utf8.count) * widest <= width, !hasBreak { return 1 }
        let space = advance(0x20)
        var lines = 1
        var used = 0.0
        var word = 0.0
        func endWord() {
            guard word > 0 else { return }
            let needed = used == 0 ? word : used + space + word
            if needed <= width {
                used = needed
            } else if word <= width {
                lines += 1
                used = word
            } else {
                // Broken between characters: roughly as many full lines as it fills.
                if used > 0 { lines += 1 }
                let full = Int(word / width)
                lines += full
                used = word - Double(full) * width
            }
            word = 0
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                endWord()
                lines += 1
                used = 0
            case 0x20:
                endWord()
            default:
                word += advance(scalar.value)
            }
        }
        endWord()
        return max(1, lines)
    }

    private func advance(_ value: UInt32) -> Double {
        if value < 0x2070 {
            let cached = table[Int(value)]
            if cached >= 0 { return cached }
            let measured = measure(value)
            table[Int(value)] = measured
            return measured
        }
        if let cached = others[value] { return cached }
        let measured = measure(value)
        others[value] = measured
        return measured
    }

    private func measure(_ value: UInt32) -> Double {
        guard let scalar = Unicode.Scalar(value) else { return widest }
        // A combining mark (decomposed text) adds no width to its letter.
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        return metrics?.width(of: String(Character(scalar))) ?? widest
    }
}
