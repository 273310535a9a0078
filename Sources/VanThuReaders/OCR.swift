import CTesseract
import Foundation
import VanThuCore

/// Reads the text of a scanned page through Tesseract's C API with its Vietnamese model
/// (Debian `tesseract-ocr-vie`). The only file that talks to Tesseract.
enum OCR {
    /// Tesseract's functions, opened on first use (nil when libtesseract is not installed).
    private static let tesseract = vt_tesseract_open()?.pointee

    /// Whether Tesseract can be used at all: its library opens.
    static var isAvailable: Bool { tesseract != nil }

    /// Where the Vietnamese model is: `TESSDATA_PREFIX` when set (as for Tesseract itself, it
    /// replaces the usual places), else Debian's and the usual folders.
    static func modelFolder() -> String? {
        var folders: [String] = []
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            folders = [prefix, prefix + "/tessdata"]
            return folders.first { FileManager.default.isReadableFile(atPath: $0 + "/vie.traineddata") }
        }
        folders += [
            "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata",
            "/usr/local/share/tessdata",
        ]
        return folders.first { FileManager.default.isReadableFile(atPath: $0 + "/vie.traineddata") }
    }

    private static let starLike: Set<Character> = ["*", "+", "%", "#", "¥", "×", "✱", "⁎", "∗", "※", "÷"]

    /// The text lines of one grey page (one byte a pixel), each with its box in pixels, within
    /// `milliseconds` (Tesseract's own deadline: a page that takes longer is stopped, not waited for).
    static func lines(pixels: [UInt8], width: Int, height: Int, dpi: Double, milliseconds: Int, model: String) -> [PageLayout.Run]? {
        guard let t = tesseract, let api = t.TessBaseAPICreate() else { return nil }
        defer { t.TessBaseAPIDelete(api) }
        guard t.TessBaseAPIInit3(api, model, "vie") == 0 else { return nil }
        defer { t.TessBaseAPIEnd(api) }
        // Tesseract's warnings ("Invalid resolution", "Empty page") go to its debug file, not to the clerk's terminal.
        _ = t.TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        t.TessBaseAPISetPageSegMode(api, PSM_AUTO)
        pixels.withUnsafeBufferPointer { buffer in
            t.TessBaseAPISetImage(api, buffer.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        t.TessBaseAPISetSourceResolution(api, Int32(dpi.rounded()))
        guard let monitor = t.TessMonitorCreate() else { return nil }
        defer { t.TessMonitorDelete(monitor) }
        t.TessMonitorSetDeadlineMSecs(monitor, Int32(milliseconds))
        guard t.TessBaseAPIRecognize(api, monitor) == 0, let iterator = t.TessBaseAPIGetIterator(api) else { return nil }
        defer { t.TessResultIteratorDelete(iterator) }
        // Word by word: Tesseract's text lines may span both columns of a header ("TỈNH ỦY KON
        // TUM ĐẢNG CỘNG SẢN VIỆT NAM"); words further apart than twice their height start a new run.
        var runs: [PageLayout.Run] = []
        var lineEnded = true
        let page = t.TessResultIteratorGetPageIterator(iterator)
        repeat {
            guard let raw = t.TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let word = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            t.TessDeleteText(raw)
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            let boxed = t.TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0
            let startsLine = lineEnded
            lineEnded = t.TessPageIteratorIsAtFinalElement(page, RIL_TEXTLINE, RIL_WORD) != 0
            guard !word.isEmpty, boxed else { continue }
            let box = PageLayout.Run(text: word, minX: Double(left), maxX: Double(right), minY: Double(top), maxY: Double(bottom))
            if !startsLine, var last = runs.last, box.minX - last.maxX <= 2 * max(last.height, box.height) {
                last.text += " " + word
                last.maxX = box.maxX
                last.minY = min(last.minY, box.minY)
                last.maxY = max(last.maxY, box.maxY)
                runs[runs.count - 1] = last
            } else {
                runs.append(box)
            }
        } while t.TessResultIteratorNext(iterator, RIL_WORD) != 0
        // The small star under a Party committee's name (HD 36) comes out of OCR as "+%", "#",
        // "¥"…: a run of one to three such marks alone is that star.
        for index in runs.indices where runs[index].text.count <= 3 && runs[index].text.allSatisfy(starLike.contains) {
            runs[index].text = "*"
        }
        return runs
    }
}
