import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// The forms and reports as PDF (the slip, the processing report, the journal, the hồ sơ forms),
/// read back by poppler's tools: their text, their pages, their fonts, nothing printed over
/// anything.
@Suite struct PDFFormTests {
    /// The text of a PDF without spaces or line breaks (a cell's text wraps anywhere).
    static func squeezed(_ pdf: String) throws -> String {
        try PDFExportTests.run(["pdftotext", "-raw", pdf, "-"]).filter { !$0.isWhitespace }
    }

    static func squeezed(text: String) -> String { text.filter { !$0.isWhitespace } }

    /// Each page's size in points, from pdfinfo.
    static func pageSizes(_ pdf: String) throws -> [(width: Double, height: Double)] {
        let info = try PDFExportTests.run(["pdfinfo", "-f", "1", "-l", "99", pdf])
        return info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.compactMap { line in
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            return numbers.count >= 3 ? (numbers[1], numbers[2]) : nil
        }
    }

    static func fontsAreEmbedded(_ pdf: String) throws -> Bool {
        let fonts = try PDFExportTests.run(["pdffonts", pdf]).split(separator: "\n").dropFirst(2)
        return !fonts.isEmpty && fonts.allSatisfy { $0.contains("LiberationSerif") && $0.contains(" yes yes yes ") }
    }

    @Test func theSlipPrintsOnOnePortraitPageWithTheHeaderAndTheDirection() throws {
        let folder = try ExportFixtures.folder()
        let registry = try HandlingExportTests().handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("phieu.pdf").path
        _ = try IncomingSlipWriter.write(
            try HandlingService(registry).history(reference: "den/2021/791"), organization: try SetupService(registry).organization(), to: path,
            protecting: registry.protectedPaths)
        let sizes = try Self.pageSizes(path)
        #expect(sizes.count == 1 && sizes.first.map { $0.width < $0.height } == true, "\(sizes)")
        #expect(try Self.fontsAreEmbedded(path))
        let text = try Self.squeezed(path)
        for expected in [
            "SỞTHÔNGTINVÀTRUYỀNTHÔNG", "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM", "Độclập-Tựdo-Hạnhphúc", "PHIẾUGIẢIQUYẾTVĂNBẢNĐẾN",
            "-Ýkiếnchỉđạo:GiaophòngTTBCXBthammưu", "-Giaođơnvị,cánhânchủtrì:PhòngThôngtin-Báochí-Xuấtbản", "-Thờihạngiảiquyết:30/08/2021",
            "Ngày24tháng8năm2021:PGĐNguyễnVănB", "3.Ýkiếnđềxuấtcủangườigiảiquyết:",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(PDFExportTests.overprinted(try PDFExportTests.lines(of: path)) == 0)
        // The lines to write on are dotted to the end of their line, never wrapped onto a second.
        let dotted = try PDFExportTests.lines(of: path).filter { $0.text.hasPrefix("- Giao cho cá nhân:") }
        #expect(dotted.count == 1 && dotted.first?.text.hasSuffix("……") == true, "\(dotted.map(\.text))")
    }

    @Test func theProcessingReportPrintsItsFiguresAndSignatures() throws {
        let folder = try ExportFixtures.folder()
        let registry = try HandlingExportTests().handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("bao-cao.pdf").path
        let report = try HandlingService(registry).processingReport(
            period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil))
        _ = try ProcessingReportWriter.write(
            report, organization: try SetupService(registry).organization(), to: path, protecting: registry.protectedPaths)
        let sizes = try Self.pageSizes(path)
        #expect(sizes.first.map { $0.width > $0.height } == true, "landscape: \(sizes)")
        // Each row of the table reads as one line, its cells in order (the same figures as the workbook's).
        let raw = try PDFExportTests.run(["pdftotext", "-raw", path, "-"]).split(separator: "\n").map(String.init)
        #expect(raw.contains { $0.hasSuffix(" Văn phòng Sở 1 0 0 1 0 0") }, "\(raw)")
        #expect(raw.contains { $0.hasSuffix(" Phòng CNTT 1 0 0 0 1 0") })
        #expect(raw.contains("Tổng cộng 4 1 0 2 1 0"))
        let text = try Self.squeezed(path)
        #expect(text.contains("BÁOCÁOTÌNHHÌNHGIẢIQUYẾTVĂNBẢNĐẾN") && text.contains("Từngày01/01/2021đếnngày31/12/2021"))
        #expect(text.contains("⚑KHẨN–sốđến792"))
        #expect(text.contains("NGƯỜILẬPBÁOCÁO") && text.contains("THỦTRƯỞNGCƠQUAN"))
        #expect(PDFExportTests.overprinted(try PDFExportTests.lines(of: path)) == 0)
    }

    @Test func aJournalEntryLongerThanAPageGoesOnWithTheNextOneAndNothingIsLost() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        // An entry whose values run to some 9,000 characters (a whole Nơi nhận list may hold
        // 10,000): taller than a landscape page. The writer is given it as the journal read it.
        let long = (1...300).map { "giá trị \($0) của một mục nhật ký rất dài;" }.joined(separator: " ")
        var entries = try JournalService(registry).entries()
        let registration = try #require(entries.firstIndex { $0.before == nil && $0.action == "register" })
        entries[registration].after = long
        let path = folder.appendingPathComponent("nhat-ky.pdf").path
        _ = try JournalWriter.write(
            entries, organization: try SetupService(registry).organization(), start: try #require(LocalDate(year: 2021, month: 1, day: 1)),
            end: try #require(LocalDate(year: 2021, month: 12, day: 31)), to: path, protecting: registry.protectedPaths)
        let lines = try PDFExportTests.lines(of: path)
        let pages = Set(lines.map(\.page)).sorted()
        #expect(pages.count >= 3, "\(pages.count) pages")
        #expect(PDFExportTests.overprinted(lines) == 0)
        for page in pages {
            let text = lines.filter { $0.page == page }.map(\.text).joined(separator: " ")
            #expect(text.contains("Nội dung thay đổi") && text.contains("Trang \(page) / \(pages.count)"), "page \(page)")
        }
        // Every text line lies inside the page's body: nothing runs off its foot.
        let height = try #require(try Self.pageSizes(path).first?.height)
        #expect(lines.allSatisfy { $0.yMax <= height - 14 * 72 / 25.4 || $0.text.hasPrefix("Trang ") })
        // The whole of the long value is there, in order, across the pages: the column of the
        // changes cut out of each page under its headings (pdftotext -x -y -W -H; its lines
        // alone join neighbouring cells).
        let left = try #require(lines.filter { $0.text.hasPrefix("giá trị") }.map(\.xMin).min())
        let right = try #require(lines.filter { $0.text.allSatisfy(\.isHexDigit) && $0.text.count >= 8 }.map(\.xMin).min())
        let column = try pages.map { page in
            let top = lines.filter { $0.page == page && $0.text.contains("Nội dung") }.map(\.yMax).max() ?? 0
            return try PDFExportTests.run([
                "pdftotext", "-raw", "-f", "\(page)", "-l", "\(page)", "-x", "\(Int(left) - 1)", "-y", "\(Int(top) + 1)", "-W",
                "\(Int(right - left))",
                "-H", "\(Int(height - top))", path, "-",
            ])
        }
        #expect(Self.squeezed(text: column.joined()).contains(Self.squeezed(text: long)))
    }

    @Test func aTransferPrintsTheMụcLụcLandscapeThenTheBiênBảnPortrait() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        _ = try DossierService(registry).openDossier("01.VP", year: 2021, DossierDraft(title: "Hồ sơ 01.VP", retention: "vinh-vien"))
        _ = try DossierService(registry).file(["den/2021/792"], into: "01.VP", year: 2021)
        _ = try DossierService(registry).closeDossier("01.VP", year: 2021, DossierClosing(pages: 12))
        let path = folder.appendingPathComponent("nop-luu.pdf").path
        let organization = try SetupService(registry).organization()
        _ = try DossierService(registry).transfer(["01.VP"], year: 2021, deliveredBy: "Nguyễn Văn A", receivedBy: "Lê Thị C") { transfer in
            _ = try DossierFormWriter.writeTransfer(transfer, organization: organization, to: path, protecting: registry.protectedPaths)
        }
        let sizes = try Self.pageSizes(path)
        #expect(sizes.count == 2, "\(sizes)")
        #expect(sizes.first.map { $0.width > $0.height } == true && sizes.last.map { $0.width < $0.height } == true)
        let lines = try PDFExportTests.lines(of: path)
        let list = lines.filter { $0.page == 1 }.map(\.text).joined(separator: " ")
        let receipt = lines.filter { $0.page == 2 }.map(\.text).joined(separator: " ")
        #expect(list.contains("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU") && list.contains("NGƯỜI NỘP") && list.contains("Nguyễn Văn A"))
        #expect(list.contains("(1)") && list.contains("(7)"), "the numbered row under the headings")
        #expect(receipt.contains("BIÊN BẢN") && receipt.contains("ĐẠI DIỆN BÊN GIAO") && receipt.contains("Lê Thị C"))
        #expect(!list.contains("Trang ") && !receipt.contains("Trang "), "a one-page form is not numbered")
        #expect(PDFExportTests.overprinted(lines) == 0)
        #expect(try Self.fontsAreEmbedded(path))
    }

    @Test func aFormToAnotherKindOfFileIsRefusedAndNothingIsWritten() throws {
        let folder = try ExportFixtures.folder()
        let registry = try HandlingExportTests().handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("phieu.docx").path
        #expect(throws: ExportError.unsupportedOutput(path: path, allowed: ["xlsx", "pdf"])) {
            try IncomingSlipWriter.write(
                try HandlingService(registry).history(reference: "den/2021/791"), organization: try SetupService(registry).organization(), to: path,
                protecting: registry.protectedPaths)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("phieu") || $0.hasPrefix(".phieu") }.isEmpty)
    }
}
