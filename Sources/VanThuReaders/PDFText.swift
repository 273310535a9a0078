import CPoppler
import Foundation
import VanThuCore

/// A PDF opened through poppler-glib: its pages' text in reading order, each page's text boxes,
/// and pages rendered for OCR. The only file that talks to poppler.
///
/// Poppler parses the file (a mature parser, fuzzed upstream); the limits a hostile file needs
/// are kept here: at most ``DocumentLimits/maximumPages`` pages, renders capped in pixels
/// whatever the page's declared size.
final class PDFText {
    private let document: OpaquePointer
    private let bytes: OpaquePointer
    let path: String
    let pageCount: Int

    /// poppler-glib's functions, opened on first use (nil when the library is not installed).
    private static let library = vt_poppler_open()?.pointee
    private let poppler: VTPoppler

    init(data: Data, path: String) throws {
        self.path = path
        guard let poppler = Self.library else {
            throw DocumentFileError.damaged(
                path: path,
                reason: .libraryMissing("poppler-glib", purpose: ("đọc PDF", "PDF reading"), package: "libpoppler-glib8"))
        }
        self.poppler = poppler
        guard data.starts(with: Array("%PDF-".utf8)) || data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw DocumentFileError.damaged(path: path, reason: Bilingual(vi: "không có phần đầu %PDF", en: "no %PDF header"))
        }
        bytes = data.withUnsafeBytes { raw in poppler.g_bytes_new(raw.baseAddress, raw.count) }
        var error: UnsafeMutablePointer<vt_GError>?
        guard let document = poppler.poppler_document_new_from_bytes(bytes, nil, &error) else {
            let encrypted =
                error.map { $0.pointee.domain == poppler.poppler_error_quark() && $0.pointee.code == VT_POPPLER_ERROR_ENCRYPTED }
                ?? false
            let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? ""
            if let error { poppler.g_error_free(error) }
            poppler.g_bytes_unref(bytes)
            if encrypted { throw DocumentFileError.encrypted(path: path) }
            // Poppler's messages are English and technical ("PDF document is damaged"): the clerk
            // is told what it means; the detail is only kept when it is something else.
            let generic = detail.isEmpty || detail.lowercased().contains("damaged")
            throw DocumentFileError.damaged(
                path: path,
                reason: generic
                    ? Bilingual(vi: "cấu trúc PDF hỏng hoặc tệp bị cắt cụt", en: "the PDF structure is damaged or the file is truncated")
                    : Bilingual(untranslated: detail))
        }
        self.document = document
        let pages = Int(poppler.poppler_document_get_n_pages(document))
        pageCount = pages
        // Every property is set: a throw from here on runs deinit, which releases both.
        guard pages > 0 else { throw DocumentFileError.noPages(path: path) }
        guard pages <= DocumentLimits.maximumPages else {
            throw DocumentFileError.tooManyPages(path: path, pages: pages, limit: DocumentLimits.maximumPages)
        }
    }

    deinit {
        poppler.g_object_unref(UnsafeMutableRawPointer(document))
        poppler.g_bytes_unref(bytes)
    }

    /// A run of text on one line of a page, in PDF points from the top-left corner.
    struct Fragment {
        var text: String
        var minX: Double, maxX: Double, minY: Double, maxY: Double
    }

    /// The page's size in points.
    func size(page: Int) -> (width: Double, height: Double) {
        withPage(page) { p in
            var width = 0.0, height = 0.0
            poppler.poppler_page_get_size(p, &width, &height)
            return (width, height)
        } ?? (0, 0)
    }

    /// The text of page `page` (0-based) as poppler's lines, each with its box.
    func fragments(page: Int) -> [Fragment] {
        withPage(page) { p in
            guard let raw = poppler.poppler_page_get_text(p) else { return [] }
            defer { poppler.g_free(raw) }
            let text = String(cString: raw)
            var rectangles: UnsafeMutablePointer<vt_PopplerRectangle>?
            var count: UInt32 = 0
            guard poppler.poppler_page_get_text_layout(p, &rectangles, &count) != 0, let rectangles else {
                return text.split(separator: "\n").map { Fragment(text: String($0), minX: 0, maxX: 0, minY: 0, maxY: 0) }
            }
            defer { poppler.g_free(rectangles) }
            var fragments: [Fragment] = []
            let empty = Fragment(text: "", minX: .infinity, maxX: -.infinity, minY: .infinity, maxY: -.infinity)
            var current = empty
            var pendingSpace = false
            // One rectangle per character of the text (Unicode scalars, as glib counts them).
            // Poppler's lines may run two columns together ("SỞ NỘI VỤCỘNG HÒA…"): a run ends
            // at a line break, where the next letter starts far to the right (a gap wider than
            // two letters' heights), before its left edge, or on another line.
            for (index, scalar) in text.unicodeScalars.enumerated() {
                if scalar == "\n" {
                    if !current.text.isEmpty { fragments.append(current) }
                    current = empty
                    pendingSpace = false
                    continue
                }
                guard index < Int(count) else { break }
                if scalar == " " || scalar == "\t" {
                    pendingSpace = !current.text.isEmpty
                    continue
                }
                let box = rectangles[index]
                if !current.text.isEmpty {
                    let height = max(1, current.maxY - current.minY)
                    let apart =
                        box.x1 - current.maxX > 2 * height || box.x2 < current.minX
                        || box.y1 > current.maxY - height * 0.2 || box.y2 < current.minY + height * 0.2
                    if apart {
                        fragments.append(current)
                        current = empty
                        pendingSpace = false
                    }
                }
                if pendingSpace { current.text.append(" ") }
                pendingSpace = false
                current.text.unicodeScalars.append(scalar)
                current.minX = min(current.minX, box.x1)
                current.maxX = max(current.maxX, box.x2)
                current.minY = min(current.minY, box.y1)
                current.maxY = max(current.maxY, box.y2)
            }
            if !current.text.isEmpty { fragments.append(current) }
            return fragments.filter { $0.minX.isFinite && !$0.text.allSatisfy(\.isWhitespace) }
        } ?? []
    }

    /// The page rendered at `dpi` as 8-bit grey, one byte a pixel, rows `width` bytes long: what
    /// OCR reads. A page declared huge is rendered at a lower resolution so the image stays under
    /// ``DocumentLimits/maximumRenderPixels``.
    func grayImage(page: Int, dpi: Double) -> (pixels: [UInt8], width: Int, height: Int, dpi: Double)? {
        withPage(page) { p -> ([UInt8], Int, Int, Double)? in
            var width = 0.0, height = 0.0
            poppler.poppler_page_get_size(p, &width, &height)
            guard width > 0, height > 0, width.isFinite, height.isFinite else { return nil }
            var scale = dpi / 72
            let pixels = width * scale * height * scale
            if pixels > Double(DocumentLimits.maximumRenderPixels) { scale *= (Double(DocumentLimits.maximumRenderPixels) / pixels).squareRoot() }
            let w = Int32(max(1, (width * scale).rounded())), h = Int32(max(1, (height * scale).rounded()))
            guard let surface = poppler.cairo_image_surface_create(VT_POPPLER_CAIRO_FORMAT_RGB24, w, h) else { return nil }
            defer { poppler.cairo_surface_destroy(surface) }
            guard poppler.cairo_surface_status(surface) == VT_POPPLER_CAIRO_STATUS_SUCCESS, let cr = poppler.cairo_create(surface) else { return nil }
            poppler.cairo_set_source_rgb(cr, 1, 1, 1)
            poppler.cairo_paint(cr)
            poppler.cairo_scale(cr, scale, scale)
            poppler.poppler_page_render_for_printing(p, cr)
            poppler.cairo_destroy(cr)
            poppler.cairo_surface_flush(surface)
            guard let data = poppler.cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(poppler.cairo_image_surface_get_stride(surface))
            var gray = [UInt8](repeating: 255, count: Int(w) * Int(h))
            for y in 0..<Int(h) {
                let row = data + y * stride
                for x in 0..<Int(w) {
                    // RGB24 is a native-endian 32-bit word: blue in the low byte.
                    let pixel = UnsafeRawPointer(row + x * 4).loadUnaligned(as: UInt32.self)
                    let r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                    gray[y * Int(w) + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
                }
            }
            return (gray, Int(w), Int(h), scale * 72)
        } ?? nil
    }

    private func withPage<T>(_ index: Int, _ body: (OpaquePointer) -> T) -> T? {
        guard index >= 0, index < pageCount, let page = poppler.poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }
}
