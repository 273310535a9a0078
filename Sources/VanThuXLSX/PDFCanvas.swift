import CPango
import Foundation
import VanThuCore

/// A PDF file drawn with cairo, its text laid out and shaped by pango: the one file of vanthu
/// that talks to either. Units are PDF points (1/72 inch); text is Liberation Serif (metrically
/// Times New Roman, the font of ND30's forms), embedded by cairo as a subset, so the PDF prints
/// the same anywhere and its text can be searched and copied.
final class PDFCanvas {
    struct Font: Equatable {
        var size: Double
        var bold = false
        var italic = false
    }

    enum Alignment { case left, center, right }

    /// Pango's fixed-point unit (`PANGO_SCALE`).
    private static let pangoScale = Double(VT_PANGO_SCALE)

    /// cairo's, pango's and glib's functions, opened on first use (nil when they are not installed).
    fileprivate static let library = vt_cairo_pango_open()?.pointee

    /// The libraries cannot be opened: what the clerk is told, and what to install.
    fileprivate static let missingLibrary = Bilingual.libraryMissing(
        "cairo/pango", purpose: ("vẽ PDF", "PDF drawing"), package: "libpangocairo-1.0-0")

    let path: String
    private let lib: VTCairoPango
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [Font: OpaquePointer] = [:]
    private var finished = false

    /// A new PDF at `path`, its first page `width` × `height` points.
    init(path: String, width: Double, height: Double, title: String, author: String) throws {
        self.path = path
        guard let lib = Self.library else { throw ExportError.cannotWrite(path: path, reason: Self.missingLibrary) }
        self.lib = lib
        guard let surface = lib.cairo_pdf_surface_create(path, width, height), lib.cairo_surface_status(surface) == VT_CAIRO_STATUS_SUCCESS else {
            throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(errno: errno))
        }
        lib.cairo_pdf_surface_restrict_to_version(surface, VT_CAIRO_PDF_VERSION_1_5)
        lib.cairo_pdf_surface_set_metadata(surface, VT_CAIRO_PDF_METADATA_TITLE, title)
        lib.cairo_pdf_surface_set_metadata(surface, VT_CAIRO_PDF_METADATA_AUTHOR, author)
        lib.cairo_pdf_surface_set_metadata(surface, VT_CAIRO_PDF_METADATA_CREATOR, "vanthu")
        guard let cairo = lib.cairo_create(surface), let layout = lib.pango_cairo_create_layout(cairo) else {
            lib.cairo_surface_destroy(surface)
            throw ExportError.cannotWrite(path: path, reason: Bilingual(vi: "không tạo được trang PDF", en: "cannot start a PDF page"))
        }
        self.surface = surface
        self.cairo = cairo
        self.layout = layout
        // Font sizes in points on a PDF page, not pixels of a 96 dpi screen.
        lib.pango_cairo_context_set_resolution(lib.pango_layout_get_context(layout), 72)
        lib.pango_layout_context_changed(layout)
        lib.pango_layout_set_wrap(layout, VT_PANGO_WRAP_WORD_CHAR)
        lib.cairo_set_line_width(cairo, 0.6)
    }

    deinit {
        for description in fonts.values { lib.pango_font_description_free(description) }
        lib.g_object_unref(UnsafeMutableRawPointer(layout))
        lib.cairo_destroy(cairo)
        if !finished { lib.cairo_surface_finish(surface) }
        lib.cairo_surface_destroy(surface)
    }

    /// The size of the pages drawn from now on (the cover is portrait, the register landscape).
    func setPageSize(width: Double, height: Double) {
        lib.cairo_pdf_surface_set_size(surface, width, height)
    }

    /// The height `text` takes wrapped to `width`.
    func height(of text: String, width: Double, font: Font) -> Double {
        prepare(text, width: width, font: font, alignment: .left)
        var w: Int32 = 0
        var h: Int32 = 0
        lib.pango_layout_get_size(layout, &w, &h)
        return Double(h) / Self.pangoScale
    }

    /// The width `text` takes on one line.
    func width(of text: String, font: Font) -> Double {
        prepare(text, width: 100_000, font: font, alignment: .left)
        var w: Int32 = 0
        var h: Int32 = 0
        lib.pango_layout_get_size(layout, &w, &h)
        return Double(w) / Self.pangoScale
    }

    /// `text` wrapped to `width`, cut after its last line that ends within `height`: the part
    /// that fits and the rest (for a cell taller than a page, continued on the next). The head is
    /// empty when not even the first line fits.
    func split(_ text: String, width: Double, font: Font, height: Double) -> (head: String, tail: String) {
        prepare(text, width: width, font: font, alignment: .left)
        guard let iterator = lib.pango_layout_get_iter(layout) else { return ("", text) }
        defer { lib.pango_layout_iter_free(iterator) }
        let limit = Int32(height * Self.pangoScale)
        repeat {
            var top: Int32 = 0
            var bottom: Int32 = 0
            lib.pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            if bottom > limit {
                let bytes = Array(text.utf8)
                let cut = min(max(0, Int(lib.pango_layout_iter_get_index(iterator))), bytes.count)
                return (
                    String(decoding: bytes[..<cut], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                    String(decoding: bytes[cut...], as: UTF8.self)
                )
            }
        } while lib.pango_layout_iter_next_line(iterator) != 0
        return (text, "")
    }

    /// Draws `text` wrapped to `width` with its top left corner at (`x`, `y`).
    func draw(_ text: String, x: Double, y: Double, width: Double, font: Font, alignment: Alignment = .left) {
        guard !text.isEmpty else { return }
        prepare(text, width: width, font: font, alignment: alignment)
        lib.cairo_move_to(cairo, x, y)
        lib.pango_cairo_update_layout(cairo, layout)
        lib.pango_cairo_show_layout(cairo, layout)
    }

    /// The colour of what is drawn from now on (0…1 each).
    func setColor(red: Double, green: Double, blue: Double) {
        lib.cairo_set_source_rgb(cairo, red, green, blue)
    }

    func setLineWidth(_ width: Double) {
        lib.cairo_set_line_width(cairo, width)
    }

    /// A cell's border.
    func rectangle(x: Double, y: Double, width: Double, height: Double) {
        lib.cairo_rectangle(cairo, x, y, width, height)
        lib.cairo_stroke(cairo)
    }

    func line(fromX x0: Double, y y0: Double, toX x1: Double, y y1: Double) {
        lib.cairo_move_to(cairo, x0, y0)
        lib.cairo_line_to(cairo, x1, y1)
        lib.cairo_stroke(cairo)
    }

    /// Ends the page; the next drawing starts a new one.
    func showPage() { lib.cairo_show_page(cairo) }

    /// Writes the file out; any error of cairo (a full disk) is the clerk's message.
    func finish() throws {
        lib.cairo_show_page(cairo)
        lib.cairo_surface_finish(surface)
        finished = true
        let status = lib.cairo_surface_status(surface)
        guard status == VT_CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: lib.cairo_status_to_string(status))
            throw ExportError.cannotWrite(path: path, reason: Bilingual(vi: "lỗi khi ghi PDF (\(reason))", en: "writing the PDF failed (\(reason))"))
        }
    }

    private func prepare(_ text: String, width: Double, font: Font, alignment: Alignment) {
        lib.pango_layout_set_font_description(layout, description(font))
        lib.pango_layout_set_width(layout, Int32(max(1, width) * Self.pangoScale))
        let align: vt_PangoAlignment =
            switch alignment {
            case .left: VT_PANGO_ALIGN_LEFT
            case .center: VT_PANGO_ALIGN_CENTER
            case .right: VT_PANGO_ALIGN_RIGHT
            }
        lib.pango_layout_set_alignment(layout, align)
        lib.pango_layout_set_text(layout, text, -1)
    }

    private func description(_ font: Font) -> OpaquePointer? {
        if let known = fonts[font] { return known }
        guard let description = lib.pango_font_description_new() else { return nil }
        lib.pango_font_description_set_family(description, "Liberation Serif")
        lib.pango_font_description_set_size(description, Int32(font.size * Self.pangoScale))
        lib.pango_font_description_set_weight(description, font.bold ? VT_PANGO_WEIGHT_BOLD : VT_PANGO_WEIGHT_NORMAL)
        lib.pango_font_description_set_style(description, font.italic ? VT_PANGO_STYLE_ITALIC : VT_PANGO_STYLE_NORMAL)
        fonts[font] = description
        return description
    }
}

extension PDFCanvas.Font: Hashable {}

/// The advance widths of a font's characters, measured by pango (with the font's real metrics
/// and shaping), for code that wraps text itself: the workbook writer, fitting each row's height
/// to its text so that LibreOffice and converters print rows as tall as Excel shows them.
final class TextMetrics {
    private let lib: VTCairoPango
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let layout: OpaquePointer

    init?(family: String = "Liberation Serif", size: Double) {
        guard let lib = PDFCanvas.library else { return nil }
        self.lib = lib
        guard let surface = lib.cairo_recording_surface_create(VT_CAIRO_CONTENT_COLOR_ALPHA, nil) else { return nil }
        guard let cairo = lib.cairo_create(surface), let layout = lib.pango_cairo_create_layout(cairo),
            let description = lib.pango_font_description_new()
        else {
            lib.cairo_surface_destroy(surface)
            return nil
        }
        (self.surface, self.cairo, self.layout) = (surface, cairo, layout)
        lib.pango_cairo_context_set_resolution(lib.pango_layout_get_context(layout), 72)
        lib.pango_layout_context_changed(layout)
        lib.pango_font_description_set_family(description, family)
        lib.pango_font_description_set_size(description, Int32(size * Double(VT_PANGO_SCALE)))
        lib.pango_layout_set_font_description(layout, description)
        lib.pango_font_description_free(description)
    }

    deinit {
        lib.g_object_unref(UnsafeMutableRawPointer(layout))
        lib.cairo_destroy(cairo)
        lib.cairo_surface_destroy(surface)
    }

    /// The width of `text` on one line, in points.
    func width(of text: String) -> Double {
        lib.pango_layout_set_text(layout, text, -1)
        var width: Int32 = 0
        var height: Int32 = 0
        lib.pango_layout_get_size(layout, &width, &height)
        return Double(width) / Double(VT_PANGO_SCALE)
    }
}
