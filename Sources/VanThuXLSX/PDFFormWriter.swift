import Foundation
import VanThuCore

/// Prints a ``PrintedForm`` to PDF on A4 through ``PDFCanvas`` (pango lays out and shapes the
/// Vietnamese text; the fonts are embedded): the header, the lines, the tables with their headings
/// repeated on every page they run over, the signature blocks, and "Trang x / N" at the foot when
/// the form takes more than one page. A table row taller than what is left of a page goes on with
/// the next page, its cells cut between lines, so nothing prints over anything.
///
/// Forms are small (a journal of a year is a few thousand rows), so the pages are laid out whole
/// first (the page count is known before the first footer) and drawn after.
struct PDFFormWriter {
    static let millimetre = PDFRegisterWriter.millimetre
    static let padding = PDFRegisterWriter.padding
    static let footerFont = PDFCanvas.Font(size: 10)

    let form: PrintedForm
    /// The bound side's margin, in millimetres.
    var bindingMargin = 25.0

    private enum Operation {
        case text(String, x: Double, y: Double, width: Double, font: PDFCanvas.Font, alignment: PDFCanvas.Alignment)
        case box(x: Double, y: Double, width: Double, height: Double)
        case rule(x0: Double, y0: Double, x1: Double, y1: Double)
    }

    /// Writes the PDF and returns its page count.
    @discardableResult
    func write(to path: String) throws -> Int {
        let first = Self.size(landscape: form.landscape)
        let canvas = try PDFCanvas(path: path, width: first.width, height: first.height, title: form.title, author: form.author)
        var layout = Layout(canvas: canvas, bindingMargin: max(10, bindingMargin) * Self.millimetre, landscape: form.landscape)
        for block in form.blocks { layout.place(block) }
        let pages = layout.pages
        for (index, page) in pages.enumerated() {
            let size = Self.size(landscape: page.landscape)
            if index > 0 {
                canvas.showPage()
                canvas.setPageSize(width: size.width, height: size.height)
            }
            for operation in page.operations {
                switch operation {
                case .text(let text, let x, let y, let width, let font, let alignment):
                    canvas.draw(text, x: x, y: y, width: width, font: font, alignment: alignment)
                case .box(let x, let y, let width, let height): canvas.rectangle(x: x, y: y, width: width, height: height)
                case .rule(let x0, let y0, let x1, let y1): canvas.line(fromX: x0, y: y0, toX: x1, y: y1)
                }
            }
            // Each form's pages are numbered on their own, when it has more than one.
            let ofForm = pages.filter { $0.form == page.form }
            if ofForm.count > 1 {
                let number = pages[...index].filter { $0.form == page.form }.count
                canvas.draw(
                    "Trang \(number) / \(ofForm.count)", x: 0, y: size.height - 12 * Self.millimetre, width: size.width, font: Self.footerFont,
                    alignment: .center)
            }
        }
        try canvas.finish()
        return pages.count
    }

    static func size(landscape: Bool) -> (width: Double, height: Double) {
        landscape ? (PDFRegisterWriter.a4.long, PDFRegisterWriter.a4.short) : (PDFRegisterWriter.a4.short, PDFRegisterWriter.a4.long)
    }

    private struct Page {
        var landscape: Bool
        var form: Int
        var operations: [Operation] = []
    }

    private struct Layout {
        let canvas: PDFCanvas
        let left: Double
        let top = 20 * PDFFormWriter.millimetre
        var right = 0.0
        var bottom = 0.0
        var pages: [Page] = []
        var y = 0.0

        init(canvas: PDFCanvas, bindingMargin: Double, landscape: Bool) {
            self.canvas = canvas
            left = bindingMargin
            newPage(landscape: landscape, form: 0)
        }

        var span: Double { right - left }

        mutating func add(_ operation: Operation) { pages[pages.count - 1].operations.append(operation) }

        /// A page like the last one, or of another orientation and form.
        mutating func newPage(landscape: Bool? = nil, form: Int? = nil) {
            let landscape = landscape ?? pages.last?.landscape ?? false
            pages.append(Page(landscape: landscape, form: form ?? pages.last?.form ?? 0))
            let size = PDFFormWriter.size(landscape: landscape)
            right = size.width - 15 * PDFFormWriter.millimetre
            bottom = size.height - 20 * PDFFormWriter.millimetre
            y = top
        }

        static func font(_ style: PrintedForm.Style, size: Double = 13) -> PDFCanvas.Font {
            switch style {
            case .plain: PDFCanvas.Font(size: size)
            case .bold: PDFCanvas.Font(size: size, bold: true)
            case .italic: PDFCanvas.Font(size: size, italic: true)
            case .title: PDFCanvas.Font(size: size + 1, bold: true)
            }
        }

        /// Text at `y`, wrapped to `width`; returns its height.
        @discardableResult
        mutating func text(
            _ text: String, x: Double, width: Double, font: PDFCanvas.Font, alignment: PDFCanvas.Alignment = .left, at y: Double
        )
            -> Double
        {
            guard !text.isEmpty else { return 0 }
            add(.text(text, x: x, y: y, width: width, font: font, alignment: alignment))
            return canvas.height(of: text, width: width, font: font)
        }

        mutating func place(_ block: PrintedForm.Block) {
            switch block {
            case .header(let organization, let date, let motto): header(organization, date: date, motto: motto)
            case .line(let written, let style, let alignment):
                let font = Self.font(style)
                let line = fittingDots(written, font: font)
                let height = canvas.height(of: line.isEmpty ? " " : line, width: span, font: font)
                if y + height > bottom, y > top { newPage() }
                text(line, x: left, width: span, font: font, alignment: alignment, at: y)
                y += height + 2
            case .table(let table): self.table(table)
            case .signatures(let blocks): signatures(blocks)
            case .space(let points): y += points
            case .newForm(let landscape): newPage(landscape: landscape, form: (pages.last?.form ?? 0) + 1)
            }
        }

        /// A line ending in dots to write on ("- Thời hạn giải quyết: ……") with as many dots as
        /// end its last line: the workbook's fixed count wraps on a narrower page.
        func fittingDots(_ text: String, font: PDFCanvas.Font) -> String {
            let run = text.reversed().prefix { $0 == "…" }.count
            guard run >= 2 else { return text }
            let base = String(text.dropLast(run))
            let height = canvas.height(of: base + "…", width: span, font: font)
            var count = run
            while count > 1, canvas.height(of: base + String(repeating: "…", count: count), width: span, font: font) > height { count -= 1 }
            return base + String(repeating: "…", count: count)
        }

        /// ND30 Phụ lục I: the agency (its parent above it) with a short rule under its name on
        /// the left; the motto, underlined, on the right, then the place and date in italics.
        mutating func header(_ organization: Organization, date: LocalDate?, motto: Bool) {
            let party = organization.style == .party
            let leftWidth = motto ? span * 0.45 : span * 0.6
            let rightX = left + span * 0.45
            let rightWidth = span * 0.55
            // 12 points on the left, as ND30's forms set the agency's name (a long name on two lines).
            let plain = PDFCanvas.Font(size: 12)
            let strong = PDFCanvas.Font(size: 12, bold: true)
            let alignment: PDFCanvas.Alignment = motto ? .center : .left
            var leftY = y
            let agency = FormHeader.agency(organization)
            for (index, line) in agency.enumerated() {
                leftY += text(line, x: left, width: leftWidth, font: index == agency.count - 1 ? strong : plain, alignment: alignment, at: leftY)
            }
            if party {
                leftY += text("*", x: left, width: leftWidth, font: strong, alignment: alignment, at: leftY)
            } else {
                // A third of the name's width, centred under it (under its start on a plain heading).
                let rule = min(canvas.width(of: agency.last ?? "", font: strong), leftWidth) / 3
                let x = motto ? left + (leftWidth - rule) / 2 : left
                add(.rule(x0: x, y0: leftY + 2, x1: x + rule, y1: leftY + 2))
                leftY += 6
            }
            guard motto else {
                y = leftY + 8
                return
            }
            var rightY = y
            let lines = FormHeader.motto(organization)
            let mottoFont = PDFCanvas.Font(size: 13, bold: true)
            for (index, line) in lines.enumerated() {
                let height = text(line, x: rightX, width: rightWidth, font: mottoFont, alignment: .center, at: rightY)
                if index == lines.count - 1 {
                    let width = min(canvas.width(of: line, font: mottoFont), rightWidth)
                    let x = rightX + (rightWidth - width) / 2
                    add(.rule(x0: x, y0: rightY + height, x1: x + width, y1: rightY + height))
                }
                rightY += height
            }
            rightY += 6
            rightY += text(
                LocalDate.placeAndDate(organization.place, date), x: rightX, width: rightWidth, font: PDFCanvas.Font(size: 13, italic: true),
                alignment: .center, at: rightY)
            y = max(leftY, rightY) + 14
        }

        mutating func signatures(_ blocks: [(title: String, hint: String, name: String)]) {
            guard !blocks.isEmpty else { return }
            let strong = PDFCanvas.Font(size: 13, bold: true)
            let hint = PDFCanvas.Font(size: 12, italic: true)
            let line = canvas.height(of: "Ág", width: span, font: strong)
            let needed = 12 + 2 * line + PDFRegisterWriter.signatureSpace + line
            if y + needed > bottom { newPage() }
            y += 12
            let width = span / Double(blocks.count)
            for (index, block) in blocks.enumerated() {
                let x = left + Double(index) * width
                text(block.title, x: x, width: width, font: strong, alignment: .center, at: y)
                text(block.hint, x: x, width: width, font: hint, alignment: .center, at: y + line)
                text(block.name, x: x, width: width, font: strong, alignment: .center, at: y + 2 * line + PDFRegisterWriter.signatureSpace)
            }
            y += needed - 12
        }

        // MARK: Tables

        mutating func table(_ table: PrintedForm.Table) {
            let body = PDFCanvas.Font(size: table.fontSize)
            let strong = PDFCanvas.Font(size: table.fontSize, bold: true)
            let numbering = PDFCanvas.Font(size: table.fontSize - 2, italic: true)
            let padding = PDFFormWriter.padding
            let total = table.columns.map(\.width).reduce(0, +)
            let widths = table.columns.map { $0.width / max(total, 1) * span }
            var xs: [Double] = []
            var x = left
            for width in widths {
                xs.append(x)
                x += width
            }
            let inner = widths.map { $0 - 2 * padding }
            let headingHeight =
                (table.columns.indices.map { canvas.height(of: table.columns[$0].heading, width: inner[$0], font: strong) }.max() ?? 0) + 2 * padding
            let numberingHeight = table.numbered ? canvas.height(of: "(1)", width: 100, font: numbering) + 2 * padding : 0
            let oneLine = canvas.height(of: "Ág", width: span, font: body) + 2 * padding

            func headings(_ layout: inout Layout) {
                for (index, column) in table.columns.enumerated() {
                    layout.add(.box(x: xs[index], y: layout.y, width: widths[index], height: headingHeight))
                    let height = layout.canvas.height(of: column.heading, width: inner[index], font: strong)
                    layout.text(
                        column.heading, x: xs[index] + padding, width: inner[index], font: strong, alignment: .center,
                        at: layout.y + (headingHeight - height) / 2)
                }
                layout.y += headingHeight
                guard table.numbered else { return }
                for index in table.columns.indices {
                    layout.add(.box(x: xs[index], y: layout.y, width: widths[index], height: numberingHeight))
                    layout.text(
                        "(\(index + 1))", x: xs[index] + padding, width: inner[index], font: numbering, alignment: .center, at: layout.y + padding)
                }
                layout.y += numberingHeight
            }

            // The headings never end a page alone.
            if y + headingHeight + numberingHeight + oneLine > bottom, y > top { newPage() }
            headings(&self)
            let fresh = bottom - top - headingHeight - numberingHeight
            for row in table.rows {
                switch row {
                case .span(let label):
                    let height = canvas.height(of: label, width: span - 2 * padding, font: strong) + 2 * padding
                    if y + height > bottom {
                        newPage()
                        headings(&self)
                    }
                    add(.box(x: left, y: y, width: span, height: height))
                    text(label, x: left + padding, width: span - 2 * padding, font: strong, at: y + padding)
                    y += height
                case .cells(let cells), .total(let cells):
                    let font = if case .total = row { strong } else { body }
                    var remaining = cells
                    while true {
                        let height =
                            (remaining.indices.map { index in
                                index < inner.count ? canvas.height(of: remaining[index], width: inner[index], font: font) : 0
                            }.max() ?? 0) + 2 * padding
                        if y + height > bottom {
                            // A row that fits a fresh page goes there whole; a taller one fills
                            // this page (or the next, when less than a line is left) and goes on.
                            if height <= fresh || y + oneLine > bottom {
                                newPage()
                                headings(&self)
                                if height <= fresh { continue }
                            }
                            let room = bottom - y - 2 * padding
                            var heads: [String] = []
                            var tails: [String] = []
                            for index in remaining.indices where index < inner.count {
                                let (head, tail) = canvas.split(remaining[index], width: inner[index], font: font, height: room)
                                heads.append(head)
                                tails.append(tail)
                            }
                            if heads.allSatisfy(\.isEmpty), y <= top + headingHeight + numberingHeight {
                                // Not a line fits even a fresh page (cannot happen with A4 and
                                // these fonts): printed as it is rather than looping.
                                drawRow(remaining, height: bottom - y, xs: xs, widths: widths, font: font, columns: table.columns)
                                y = bottom
                                break
                            }
                            drawRow(heads, height: bottom - y, xs: xs, widths: widths, font: font, columns: table.columns)
                            remaining = tails
                            newPage()
                            headings(&self)
                            continue
                        }
                        drawRow(remaining, height: height, xs: xs, widths: widths, font: font, columns: table.columns)
                        y += height
                        break
                    }
                }
            }
            y += 8
        }

        mutating func drawRow(_ cells: [String], height: Double, xs: [Double], widths: [Double], font: PDFCanvas.Font, columns: [PrintedForm.Column])
        {
            let padding = PDFFormWriter.padding
            for index in xs.indices {
                add(.box(x: xs[index], y: y, width: widths[index], height: height))
                if index < cells.count {
                    text(
                        cells[index], x: xs[index] + padding, width: widths[index] - 2 * padding, font: font,
                        alignment: columns[index].centered ? .center : .left, at: y + padding)
                }
            }
        }
    }
}
