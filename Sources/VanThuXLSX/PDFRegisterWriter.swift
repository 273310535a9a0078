import Foundation
import VanThuCore

/// The PDF form of a register, the file a clerk prints, signs and binds (ND30 Điều 16.2.b,
/// 22.3.b): A4, the cover portrait and unnumbered, then the register landscape with the form's
/// columns, the headings and the numbered row (1)…(n) repeated on every page, every row as tall
/// as its wrapped text (nothing prints over anything), "Trang x / N" at the foot, and a binding
/// margin on the bound side.
///
/// Two passes over the rows, both streamed: the first measures each row's height (the only
/// thing kept, one number a row) so the pages and their count are known; the second draws.
struct PDFRegisterWriter {
    let context: SheetContext

    static let millimetre = 72.0 / 25.4
    static let a4 = (short: 210.0 * millimetre, long: 297.0 * millimetre)
    static let body = PDFCanvas.Font(size: 11)
    static let heading = PDFCanvas.Font(size: 11, bold: true)
    static let numbering = PDFCanvas.Font(size: 9, italic: true)
    static let footer = PDFCanvas.Font(size: 10)
    /// Inside a cell, around its text.
    static let padding = 3.0

    /// Where each column starts and how wide it is on a landscape page, and the page's margins.
    struct Geometry {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
        var columnX: [Double]
        var columnWidth: [Double]

        /// Columns of dates and numbers are as wide as their widest value, never wrapped
        /// ("24/08/2021" cut into "24/08/2" and "021" is not a date a clerk can read); the others
        /// share the rest in the layout's proportions.
        init(layout: RegisterLayout, bindingMargin: Double, minimumWidth: (RegisterField) -> Double?) {
            left = max(10, bindingMargin) * PDFRegisterWriter.millimetre
            right = 10 * PDFRegisterWriter.millimetre
            top = 14 * PDFRegisterWriter.millimetre
            bottom = 14 * PDFRegisterWriter.millimetre
            let available = PDFRegisterWriter.a4.long - left - right
            let fixed = layout.columns.map { minimumWidth($0.field) }
            let fixedTotal = fixed.compactMap { $0 }.reduce(0, +)
            let shared = zip(layout.columns, fixed).filter { $0.1 == nil }.map(\.0.width).reduce(0, +)
            columnWidth = zip(layout.columns, fixed).map { column, width in
                width ?? column.width / max(shared, 1) * (available - fixedTotal)
            }
            var x = left
            columnX = columnWidth.map { width in
                defer { x += width }
                return x
            }
        }

        var bodyBottom: Double { PDFRegisterWriter.a4.short - bottom }
        /// From the left margin to the last column's right edge.
        var span: Double { columnX.last.map { $0 + (columnWidth.last ?? 0) - left } ?? 0 }
    }

    /// Returns the number of register pages (the cover not counted).
    @discardableResult
    func write<Entry: RegisterEntry>(to path: String, rows: RegisterRows<Entry>) throws -> Int {
        let canvas = try PDFCanvas(
            path: path, width: Self.a4.short, height: Self.a4.long, title: "\(context.title) \(context.register.start.year)",
            author: context.organization.name)
        let dateWidth = canvas.width(of: "00/00/0000", font: Self.body) + 2 * Self.padding + 2
        let numberWidth = canvas.width(of: "0000000", font: Self.body) + 2 * Self.padding + 2
        let geometry = Geometry(layout: context.layout, bindingMargin: context.request.bindingMargin) { field in
            switch field {
            case .arrivalDate, .issuedDate, .transferDate, .dueDate, .dispatchDate: dateWidth
            case .number, .issuedAmount, .envelopes: numberWidth
            default: nil
            }
        }
        let columns = context.layout.columns
        let headingHeight =
            columns.indices.map { canvas.height(of: columns[$0].heading, width: geometry.columnWidth[$0] - 2 * Self.padding, font: Self.heading) }
            .max().map { $0 + 2 * Self.padding } ?? 20
        let numberingHeight = canvas.height(of: "(1)", width: 100, font: Self.numbering) + 2 * Self.padding
        let runningHeadHeight = canvas.height(of: context.title, width: 400, font: Self.footer) + 4
        let firstRowY = geometry.top + runningHeadHeight + headingHeight + numberingHeight

        // Pass 1: every row's height, and where the pages break. A cell that fits on one line
        // whatever its letters (UTF-8 length × the widest letter) is one line high without
        // laying it out: most cells are dates, numbers and short names.
        let oneLine = canvas.height(of: "Ág", width: 1000, font: Self.body)
        let widest = canvas.width(of: "W", font: Self.body)
        func cellHeight(_ text: String, width: Double) -> Double {
            if !VietnameseText.holdsLineFeed(text), Double(text.utf8.count) * widest <= width { return text.isEmpty ? 0 : oneLine }
            return canvas.height(of: text, width: width, font: Self.body)
        }
        // A row taller than a whole page (a Nơi nhận list of an old register may hold 10,000
        // characters) starts a page and goes on over the next ones, its cells cut between lines:
        // its pieces are kept (rare), every other row only its height.
        let fresh = geometry.bodyBottom - firstRowY
        var heights: [Double] = []
        var tall: [Int: [(cells: [String], height: Double)]] = [:]
        var monthStarts: Set<Int> = []
        var month: Int?
        try rows { entry in
            let documentMonth = entry.entryDate.year * 12 + entry.entryDate.month
            if context.request.breakMonthly, let month, month != documentMonth { monthStarts.insert(heights.count) }
            month = documentMonth
            let texts = columns.map { entry.value(of: $0.field).text }
            let height =
                (columns.indices.map { index in cellHeight(texts[index], width: geometry.columnWidth[index] - 2 * Self.padding) }.max() ?? 0)
                + 2 * Self.padding
            if height > fresh { tall[heights.count] = Self.pieces(texts, canvas: canvas, geometry: geometry, pageHeight: fresh) }
            heights.append(height)
        }
        // The rows that begin a page, and the page count.
        var breakBefore: Set<Int> = []
        var y = firstRowY
        var pageCount = 1
        for (index, height) in heights.enumerated() {
            let pieces = tall[index]
            if index > 0, y + height > geometry.bodyBottom || monthStarts.contains(index) || (pieces != nil && y > firstRowY) {
                breakBefore.insert(index)
                pageCount += 1
                y = firstRowY
            }
            if let pieces {
                pageCount += pieces.count - 1
                y = firstRowY + (pieces.last?.height ?? 0)
            } else {
                y += height
            }
        }
        // The closing block (đóng sổ) goes under the last row, or on a page of its own when
        // the last page has no room left for it.
        var closingOnOwnPage = false
        if let closing = context.closing {
            let block = closingBlockHeight(canvas, geometry, closing)
            if y + block > geometry.bodyBottom {
                closingOnOwnPage = true
                pageCount += 1
            }
        }

        drawCover(canvas)
        canvas.showPage()
        canvas.setPageSize(width: Self.a4.long, height: Self.a4.short)

        // Pass 2: the pages.
        var page = 0
        var index = 0
        y = drawPageTop(canvas, geometry, headingHeight: headingHeight, numberingHeight: numberingHeight)
        func nextPage() {
            drawFooter(canvas, page: page + 1, of: pageCount)
            canvas.showPage()
            page += 1
            y = drawPageTop(canvas, geometry, headingHeight: headingHeight, numberingHeight: numberingHeight)
        }
        try rows { entry in
            guard index < heights.count else { return }
            if breakBefore.contains(index) { nextPage() }
            let alignments: [PDFCanvas.Alignment] = columns.map { column in
                switch entry.value(of: column.field) {
                case .number, .date: .center
                case .text, .empty: .left
                }
            }
            let pieces = tall[index] ?? [(columns.map { entry.value(of: $0.field).text }, heights[index])]
            for (number, piece) in pieces.enumerated() {
                if number > 0 { nextPage() }
                for column in columns.indices {
                    canvas.rectangle(x: geometry.columnX[column], y: y, width: geometry.columnWidth[column], height: piece.height)
                    canvas.draw(
                        piece.cells[column], x: geometry.columnX[column] + Self.padding, y: y + Self.padding,
                        width: geometry.columnWidth[column] - 2 * Self.padding, font: Self.body, alignment: alignments[column])
                }
                y += piece.height
            }
            index += 1
        }
        if let closing = context.closing {
            if closingOnOwnPage {
                drawFooter(canvas, page: page + 1, of: pageCount)
                canvas.showPage()
                page += 1
                y = geometry.top
            }
            drawClosingBlock(canvas, geometry, closing, at: y + 8, pages: pageCount)
        }
        drawFooter(canvas, page: page + 1, of: pageCount)
        try canvas.finish()
        return pageCount
    }

    /// A row's cells cut into pieces of at most `pageHeight` each, between lines.
    static func pieces(_ cells: [String], canvas: PDFCanvas, geometry: Geometry, pageHeight: Double) -> [(cells: [String], height: Double)] {
        var pieces: [(cells: [String], height: Double)] = []
        var remaining = cells
        let widths = geometry.columnWidth.map { $0 - 2 * padding }
        while remaining.contains(where: { !$0.isEmpty }) {
            let cut = remaining.indices.map { canvas.split(remaining[$0], width: widths[$0], font: body, height: pageHeight - 2 * padding) }
            guard cut.contains(where: { !$0.head.isEmpty }) else {
                pieces.append((remaining, pageHeight))  // not one line fits a page: cannot happen on A4
                break
            }
            let heights = cut.indices.map { canvas.height(of: cut[$0].head, width: widths[$0], font: body) }
            remaining = cut.map(\.tail)
            // Every piece but the last fills its page.
            let done = !remaining.contains { !$0.isEmpty }
            pieces.append((cut.map(\.head), done ? (heights.max() ?? 0) + 2 * padding : pageHeight))
        }
        return pieces
    }

    static let closingText = PDFCanvas.Font(size: 12)
    static let closingTitle = PDFCanvas.Font(size: 12, bold: true)
    static let closingHint = PDFCanvas.Font(size: 11, italic: true)
    /// Room for the hand signatures (and the agency's seal) under the two titles.
    static let signatureSpace = 28 * millimetre

    /// The lines of the closing block: the statement (with a reprint's own page count when it
    /// differs from the closed book's), then the place and date.
    private func closingLines(_ closing: RegisterClosing, pages: Int) -> [String] {
        guard closing.pages > 0 else { return [closing.statement(pages: pages)] }
        var lines = [closing.statement(pages: closing.pages)]
        if closing.pages != pages {
            lines.append(
                "Bản in lại ngày \(context.today.registerForm) có \(pages) trang, gồm các đính chính ghi sau khi đóng sổ.")
        }
        return lines
    }

    private func closingBlockHeight(_ canvas: PDFCanvas, _ geometry: Geometry, _ closing: RegisterClosing) -> Double {
        let span = geometry.span
        let statement = closingLines(closing, pages: 9999).map { canvas.height(of: $0, width: span, font: Self.closingText) + 4 }.reduce(0, +)
        let line = canvas.height(of: "Ág", width: span, font: Self.closingText)
        return 8 + statement + 10 + line + 6 + 2 * line + Self.signatureSpace + line
    }

    /// "Sổ này có … trang …", the place and date, and the signatures of the người lập sổ and
    /// the thủ trưởng cơ quan (ND30 Điều 16.2.b: printed, signed and bound).
    private func drawClosingBlock(_ canvas: PDFCanvas, _ geometry: Geometry, _ closing: RegisterClosing, at top: Double, pages: Int) {
        let span = geometry.span
        var y = top
        for text in closingLines(closing, pages: pages) {
            canvas.draw(text, x: geometry.left, y: y, width: span, font: Self.closingText)
            y += canvas.height(of: text, width: span, font: Self.closingText) + 4
        }
        y += 10
        let half = span / 2
        let right = geometry.left + half
        canvas.draw(closing.placeAndDate, x: right, y: y, width: half, font: PDFCanvas.Font(size: 12, italic: true), alignment: .center)
        y += canvas.height(of: closing.placeAndDate, width: half, font: Self.closingText) + 6
        for (x, title, hint, name) in [
            (geometry.left, "NGƯỜI LẬP SỔ", "(Ký, ghi rõ họ tên)", closing.closerName),
            (right, "THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)", ""),
        ] {
            canvas.draw(title, x: x, y: y, width: half, font: Self.closingTitle, alignment: .center)
            let titleHeight = canvas.height(of: title, width: half, font: Self.closingTitle)
            canvas.draw(hint, x: x, y: y + titleHeight, width: half, font: Self.closingHint, alignment: .center)
            if !name.isEmpty {
                canvas.draw(name, x: x, y: y + 2 * titleHeight + Self.signatureSpace, width: half, font: Self.closingTitle, alignment: .center)
            }
        }
    }

    /// The cover, centred on a portrait page, unnumbered.
    private func drawCover(_ canvas: PDFCanvas) {
        let width = Self.a4.short - 40 * Self.millimetre
        var y = 40 * Self.millimetre
        for line in context.coverLines {
            let font: PDFCanvas.Font =
                switch line.style {
                case .plain: PDFCanvas.Font(size: 14)
                case .strong: PDFCanvas.Font(size: 14, bold: true)
                case .title: PDFCanvas.Font(size: 22, bold: true)
                case .small: PDFCanvas.Font(size: 8)
                }
            let text = line.text.isEmpty ? " " : line.text
            canvas.draw(text, x: 20 * Self.millimetre, y: y, width: width, font: font, alignment: .center)
            y += canvas.height(of: text, width: width, font: font) + (line.style == .title ? 14 : 8)
        }
    }

    /// The running head, the headings and the numbered row; returns where the first row goes.
    private func drawPageTop(_ canvas: PDFCanvas, _ geometry: Geometry, headingHeight: Double, numberingHeight: Double) -> Double {
        let span = geometry.span
        let head = "\(context.title) – \(context.organization.name) – \(context.request.period.start.year)"
        canvas.draw(head, x: geometry.left, y: geometry.top, width: span, font: Self.footer, alignment: .center)
        var y = geometry.top + canvas.height(of: head, width: span, font: Self.footer) + 4
        for (index, column) in context.layout.columns.enumerated() {
            canvas.rectangle(x: geometry.columnX[index], y: y, width: geometry.columnWidth[index], height: headingHeight)
            let textHeight = canvas.height(of: column.heading, width: geometry.columnWidth[index] - 2 * Self.padding, font: Self.heading)
            canvas.draw(
                column.heading, x: geometry.columnX[index] + Self.padding, y: y + (headingHeight - textHeight) / 2,
                width: geometry.columnWidth[index] - 2 * Self.padding, font: Self.heading, alignment: .center)
        }
        y += headingHeight
        for index in context.layout.columns.indices {
            canvas.rectangle(x: geometry.columnX[index], y: y, width: geometry.columnWidth[index], height: numberingHeight)
            canvas.draw(
                "(\(index + 1))", x: geometry.columnX[index] + Self.padding, y: y + Self.padding,
                width: geometry.columnWidth[index] - 2 * Self.padding, font: Self.numbering, alignment: .center)
        }
        return y + numberingHeight
    }

    private func drawFooter(_ canvas: PDFCanvas, page: Int, of count: Int) {
        let text = "Trang \(page) / \(count)"
        canvas.draw(
            text, x: 0, y: Self.a4.short - 10 * Self.millimetre, width: Self.a4.long, font: Self.footer, alignment: .center)
    }
}
