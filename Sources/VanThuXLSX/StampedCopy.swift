public import Foundation
public import VanThuCore
import VanThuPDF

/// The working copy of a received PDF with the ĐẾN stamp (ND30 Phụ lục IV mục V: the 35 × 50 mm
/// box with the receiving body, Số, Ngày, Chuyển, Số và ký hiệu HS) drawn on page 1, written
/// as an incremental update of the original: the original's bytes are its first revision, so
/// its signature still verifies, and the stored original itself is never touched.
public enum StampedCopy {
    /// Where the stamp goes on page 1.
    public enum Position: String, Sendable, CaseIterable {
        /// Top right, or the first blank area down the right side, then the left, then the foot.
        case auto
        case topRight = "top-right"
        case topLeft = "top-left"
        case bottomRight = "bottom-right"
        case bottomLeft = "bottom-left"
    }

    /// A text box on page 1, in points from the page's top-left corner (as poppler gives them).
    public struct Box: Sendable, Equatable {
        public var minX: Double, minY: Double, maxX: Double, maxY: Double
        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        func intersects(_ other: Box) -> Bool { minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY }
    }

    static let width = 50 * 72 / 25.4
    static let height = 35 * 72 / 25.4
    static let margin = 10 * 72 / 25.4

    /// `original` with the stamp of `document` on page 1, placed clear of `text` (page 1's text
    /// boxes) when `position` is auto. The stamp's place is returned with it, from the top left.
    public static func make(
        original: Data, document: Document, organization: Organization, text: [Box], position: Position = .auto
    ) throws -> (pdf: Data, at: Box) {
        let page: (x0: Double, y0: Double, x1: Double, y1: Double, rotation: Int)
        do { page = try PDFOverlay.firstPageBox(of: original) } catch let refusal as PDFOverlay.Refusal {
            throw ExportError.cannotStamp(reason: refusal.reason)
        }
        let (pageWidth, pageHeight) = (page.x1 - page.x0, page.y1 - page.y0)
        let place = Self.place(pageWidth: pageWidth, pageHeight: pageHeight, text: text, position: position)
        let stamp = try render(document: document, organization: organization)
        do {
            let label = "ĐẾN — Số: \(document.displayNumber), Ngày: \(document.registerDate.vietnamese)"
            let pdf = try PDFOverlay.apply(stamp, onto: original, x: page.x0 + place.minX, y: page.y1 - place.maxY, label: label)
            return (pdf, place)
        } catch let refusal as PDFOverlay.Refusal {
            throw ExportError.cannotStamp(reason: refusal.reason)
        }
    }

    /// The stamp's box: the corner asked for, or for auto the first place clear of text, down the
    /// right side from the top, then down the left, stepping by 6 pt.
    static func place(pageWidth: Double, pageHeight: Double, text: [Box], position: Position) -> Box {
        func box(x: Double, y: Double) -> Box { Box(minX: x, minY: y, maxX: x + width, maxY: y + height) }
        let right = pageWidth - margin - width
        let bottom = pageHeight - margin - height
        switch position {
        case .topRight: return box(x: right, y: margin)
        case .topLeft: return box(x: margin, y: margin)
        case .bottomRight: return box(x: right, y: bottom)
        case .bottomLeft: return box(x: margin, y: bottom)
        case .auto:
            let clearance = 2.0
            func free(_ b: Box) -> Bool {
                let padded = Box(minX: b.minX - clearance, minY: b.minY - clearance, maxX: b.maxX + clearance, maxY: b.maxY + clearance)
                return !text.contains { $0.intersects(padded) }
            }
            for x in [right, margin] {
                var y = margin
                while y <= bottom {
                    if free(box(x: x, y: y)) { return box(x: x, y: y) }
                    y += 6
                }
            }
            return box(x: right, y: margin)
        }
    }

    /// The stamp alone as a one-page PDF of its own size, drawn by cairo and pango (the fonts
    /// embedded), in the red of a stamp pad.
    static func render(document: Document, organization: Organization) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-stamp-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let canvas = try PDFCanvas(path: path, width: width, height: height, title: "ĐẾN \(document.displayNumber)", author: organization.name)
        let inset = 2.5
        let inner = width - 2 * inset
        canvas.setColor(red: 0.78, green: 0.05, blue: 0.05)
        canvas.setLineWidth(1.2)
        canvas.rectangle(x: 0.8, y: 0.8, width: width - 1.6, height: height - 1.6)
        canvas.setLineWidth(0.6)
        let nameFont = PDFCanvas.Font(size: 7.5, bold: true)
        let name = organization.name.uppercased()
        let nameHeight = min(20, canvas.height(of: name, width: inner, font: nameFont))
        canvas.draw(name, x: inset, y: inset + 1, width: inner, font: nameFont, alignment: .center)
        let field = PDFCanvas.Font(size: 9)
        let top = inset + 1 + nameHeight + 3
        // The four lines share the height left under the name, as on the engraved stamp.
        let rowHeight = (height - inset - 2 - top) / 4
        let split = 40.0
        canvas.draw(
            "ĐẾN", x: inset, y: top + rowHeight - 9.5, width: split - inset - 2, font: PDFCanvas.Font(size: 15, bold: true), alignment: .center)
        canvas.line(fromX: split, y: top - 1, toX: split, y: top + 2 * rowHeight - 1)
        canvas.draw("Số: \(document.displayNumber)", x: split + 4, y: top, width: width - split - 6, font: field)
        canvas.draw("Ngày: \(document.registerDate.vietnamese)", x: split + 4, y: top + rowHeight, width: width - split - 6, font: field)
        canvas.draw("Chuyển: \(document.handler ?? "")", x: inset + 2, y: top + 2 * rowHeight, width: inner - 2, font: field)
        canvas.draw("Số và ký hiệu HS: \(document.fileNotation ?? "")", x: inset + 2, y: top + 3 * rowHeight, width: inner - 2, font: field)
        try canvas.finish()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.cannotWrite(path: path, reason: Bilingual(vi: "không đọc lại được dấu vừa vẽ", en: "cannot read back the stamp"))
        }
        return data
    }
}
