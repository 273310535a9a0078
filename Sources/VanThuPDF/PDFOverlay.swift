public import Foundation

/// Draws a one-page PDF (the ĐẾN stamp vanthu renders) onto the first page of another PDF as an
/// **incremental update** (ISO 32000-1 §7.5.6): the original bytes are left as they are, the
/// first revision, and new objects, a new version of page 1 and a cross-reference section are
/// appended after them. A signature over the original still verifies, and cutting the file at
/// the original's length gives the original back byte for byte.
///
/// The overlay becomes a Form XObject: its content stream and the objects its resources reach
/// (cairo's embedded font subsets) are copied with new object numbers, and it is shown as the
/// appearance of a stamp annotation added to page 1's /Annots: the page's own content and
/// resources are not rewritten.
public enum PDFOverlay {
    /// Why a PDF cannot take the overlay. The original is untouched.
    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The first page's visible box in points, PDF user space (origin at the bottom left), and its
    /// rotation in degrees.
    public static func firstPageBox(of original: Data) throws -> (x0: Double, y0: Double, x1: Double, y1: Double, rotation: Int) {
        do {
            let file = try PDFFile([UInt8](original))
            let (_, page, inherited) = try file.firstPage()
            let box = try Self.box(page, inherited, file)
            let rotation = try file.resolve(page["Rotate"] ?? inherited["Rotate"]).integer ?? 0
            return (box.0, box.1, box.2, box.3, ((rotation % 360) + 360) % 360)
        } catch let error as PDFSyntaxError {
            throw Refusal(reason: error.reason)
        }
    }

    /// `original` with `overlay`'s first page drawn on its first page, its bottom-left corner at
    /// (`x`, `y`) in the page's user space.
    public static func apply(_ overlay: Data, onto original: Data, x: Double, y: Double, label: String = "") throws -> Data {
        do {
            return Data(try apply([UInt8](overlay), [UInt8](original), x: x, y: y, label: label))
        } catch let error as PDFSyntaxError {
            throw Refusal(reason: "\(error.reason) (byte \(error.offset))")
        }
    }

    /// A PDF text string in UTF-16BE with its byte-order mark, as hex digits.
    static func textString(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        return Array(bytes.map { String(format: "%02X", $0) }.joined().utf8)
    }

    private static func box(_ page: PDFDictionary, _ inherited: PDFDictionary, _ file: PDFFile) throws -> (Double, Double, Double, Double) {
        for key in ["CropBox", "MediaBox"] {
            let value = try file.resolve(page[key] ?? inherited[key])
            if let numbers = value.array?.compactMap(\.number), numbers.count == 4 {
                return (min(numbers[0], numbers[2]), min(numbers[1], numbers[3]), max(numbers[0], numbers[2]), max(numbers[1], numbers[3]))
            }
        }
        return (0, 0, 595.28, 841.89)  // A4, what a page without a box is taken to be
    }

    private static func apply(_ overlayBytes: [UInt8], _ originalBytes: [UInt8], x: Double, y: Double, label: String) throws -> [UInt8] {
        let original = try PDFFile(originalBytes)
        guard original.trailer["Encrypt"] == nil else { throw PDFSyntaxError(reason: "the PDF is encrypted", offset: 0) }
        let overlay = try PDFFile(overlayBytes)
        let (pageReference, page, inherited) = try original.firstPage()
        let (_, overlayPage, overlayInherited) = try overlay.firstPage()

        var next = max(original.trailer["Size"]?.integer ?? 0, (original.entries.keys.max() ?? 0) + 1)
        var out = originalBytes
        if out.last != 0x0A { out.append(0x0A) }
        var offsets: [(number: Int, generation: Int, offset: Int)] = []

        func begin(_ number: Int, _ generation: Int = 0) {
            offsets.append((number, generation, out.count))
            out += Array("\(number) \(generation) obj\n".utf8)
        }
        func writeStream(_ number: Int, dictionary: PDFDictionary, data: ArraySlice<UInt8>) {
            var d = dictionary
            d["Length"] = .integer(data.count)
            begin(number)
            PDFObject.dictionary(d).write(to: &out)
            out += Array("\nstream\n".utf8)
            out += data
            out += Array("\nendstream\nendobj\n".utf8)
        }

        // Copy the overlay's resources and everything they reach, renumbered.
        var renumbered: [PDFReference: Int] = [:]
        var queue: [PDFReference] = []
        func map(_ object: PDFObject) -> PDFObject {
            switch object {
            case .reference(let r):
                if let n = renumbered[r] { return .reference(PDFReference(number: n, generation: 0)) }
                renumbered[r] = next
                queue.append(r)
                next += 1
                return .reference(PDFReference(number: next - 1, generation: 0))
            case .array(let items): return .array(items.map(map))
            case .dictionary(let d): return .dictionary(PDFDictionary(entries: d.entries.map { ($0.key, map($0.value)) }))
            case .stream(let d, let range): return .stream(PDFDictionary(entries: d.entries.map { ($0.key, map($0.value)) }), data: range)
            default: return object
            }
        }
        let overlayResources = map(try overlay.resolve(overlayPage["Resources"] ?? overlayInherited["Resources"]))
        var copied = 0
        while let reference = queue.first {
            queue.removeFirst()
            copied += 1
            guard copied <= 10_000 else { throw PDFSyntaxError(reason: "the overlay reaches too many objects", offset: 0) }
            guard let number = renumbered[reference] else { continue }
            let object = map(try overlay.object(reference))
            if case .stream(let d, let range) = object {
                writeStream(number, dictionary: d, data: overlayBytes[range])
            } else {
                begin(number)
                object.write(to: &out)
                out += Array("\nendobj\n".utf8)
            }
        }

        // The overlay's page content as a Form XObject, its filters kept.
        let overlayBox = try box(overlayPage, overlayInherited, overlay)
        let contents = try overlay.resolve(overlayPage["Contents"])
        var formData: [UInt8]
        var form = PDFDictionary()
        form["Type"] = .name("XObject")
        form["Subtype"] = .name("Form")
        form["BBox"] = .array([.real(overlayBox.0), .real(overlayBox.1), .real(overlayBox.2), .real(overlayBox.3)])
        form["Resources"] = overlayResources
        if case .stream(let d, let range) = contents {
            formData = Array(overlayBytes[range])
            if let filter = d["Filter"] { form["Filter"] = try overlay.resolve(filter) }
            if let parameters = d["DecodeParms"] { form["DecodeParms"] = map(try overlay.resolve(parameters)) }
        } else if let parts = contents.array {
            formData = []
            for part in parts { formData += try overlay.decodedData(try overlay.resolve(part)) + [0x0A] }
        } else {
            throw PDFSyntaxError(reason: "the overlay has no content", offset: 0)
        }
        let formNumber = next
        next += 1
        writeStream(formNumber, dictionary: form, data: formData[...])

        // A stamp annotation (ISO 32000-1 §12.5.6.12) showing the form, printed with the page:
        // what e-office systems add, and the change a signature's approval allows (the page's
        // content streams and resources stay as they were; only its /Annots grows).
        let rect: [PDFObject] = [
            .real(x), .real(y), .real(x + overlayBox.2 - overlayBox.0), .real(y + overlayBox.3 - overlayBox.1),
        ]
        var annotation = PDFDictionary()
        annotation["Type"] = .name("Annot")
        annotation["Subtype"] = .name("Stamp")
        annotation["Rect"] = .array(rect)
        annotation["F"] = .integer(4 | 128)  // Print, Locked
        annotation["P"] = .reference(pageReference)
        annotation["NM"] = .string(Array("vanthu-den".utf8), hex: false)
        if !label.isEmpty { annotation["Contents"] = .string(Self.textString(label), hex: true) }
        annotation["AP"] = .dictionary(PDFDictionary(entries: [("N", .reference(PDFReference(number: formNumber, generation: 0)))]))
        let annotationNumber = next
        next += 1
        begin(annotationNumber)
        PDFObject.dictionary(annotation).write(to: &out)
        out += Array("\nendobj\n".utf8)
        let annotationReference = PDFObject.reference(PDFReference(number: annotationNumber, generation: 0))

        if case .reference(let annotsReference)? = page["Annots"], let existing = try original.object(annotsReference).array {
            // The page names its annotations through an array object: only that array changes.
            begin(annotsReference.number, annotsReference.generation)
            PDFObject.array(existing + [annotationReference]).write(to: &out)
            out += Array("\nendobj\n".utf8)
        } else {
            var newPage = page
            newPage["Annots"] = .array((page["Annots"]?.array ?? []) + [annotationReference])
            begin(pageReference.number, pageReference.generation)
            PDFObject.dictionary(newPage).write(to: &out)
            out += Array("\nendobj\n".utf8)
        }

        // The cross-reference section, the same kind as the file's newest one.
        var trailer = PDFDictionary()
        for key in ["Root", "Info", "ID"] where original.trailer[key] != nil { trailer[key] = original.trailer[key] }
        trailer["Prev"] = .integer(original.lastCrossReference)
        if original.usesCrossReferenceStream {
            let xrefNumber = next
            next += 1
            let xrefOffset = out.count
            offsets.append((xrefNumber, 0, xrefOffset))
            let sorted = offsets.sorted { $0.number < $1.number }
            var rows: [UInt8] = []
            var index: [PDFObject] = []
            for entry in sorted {
                index += [.integer(entry.number), .integer(1)]
                rows.append(1)
                for shift in stride(from: 24, through: 0, by: -8) { rows.append(UInt8((entry.offset >> shift) & 0xFF)) }
                rows += [UInt8((entry.generation >> 8) & 0xFF), UInt8(entry.generation & 0xFF)]
            }
            trailer["Type"] = .name("XRef")
            trailer["Size"] = .integer(next)
            trailer["W"] = .array([.integer(1), .integer(4), .integer(2)])
            trailer["Index"] = .array(index)
            trailer["Length"] = .integer(rows.count)
            out += Array("\(xrefNumber) 0 obj\n".utf8)
            PDFObject.dictionary(trailer).write(to: &out)
            out += Array("\nstream\n".utf8)
            out += rows
            out += Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        } else {
            let xrefOffset = out.count
            out += Array("xref\n".utf8)
            let sorted = offsets.sorted { $0.number < $1.number }
            var i = 0
            while i < sorted.count {
                var j = i
                while j + 1 < sorted.count, sorted[j + 1].number == sorted[j].number + 1 { j += 1 }
                out += Array("\(sorted[i].number) \(j - i + 1)\n".utf8)
                for entry in sorted[i...j] {
                    out += Array(String(format: "%010d %05d n \n", entry.offset, entry.generation).utf8)
                }
                i = j + 1
            }
            trailer["Size"] = .integer(next)
            out += Array("trailer\n".utf8)
            PDFObject.dictionary(trailer).write(to: &out)
            out += Array("\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        }
        return out
    }
}
