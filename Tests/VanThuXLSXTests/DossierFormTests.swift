import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// The hồ sơ forms of Phụ lục V, written and read back from the XLSX files.
@Suite struct DossierFormTests {
    /// The rows of a sheet as lists of texts, in order, without empty cells.
    func rows(_ sheet: String, of path: String) throws -> [[String]] {
        let cells = try ExportFixtures.resolvedCells(sheet: sheet, of: path)
        return cells.keys.sorted().map { row in
            (cells[row] ?? [:]).sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }.map(\.value).filter { !$0.isEmpty }
        }
    }

    @Test func theMụcLụcVănBảnListsTheDocumentsInDateOrderWithTheirPages() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        _ = try DossierService(registry).openDossier("05.TTBC", year: 2021, DossierDraft(title: "Hồ sơ tuyên truyền Quốc khánh", retention: "10"))
        _ = try DossierService(registry).file(["den/2021/793", "den/2021/791", "den/2021/792"], into: "05.TTBC", year: 2021)
        let path = folder.appendingPathComponent("muc-luc-van-ban.xlsx").path
        let written = try DossierFormWriter.writeIndex(
            try DossierService(registry).dossierContents("05.TTBC", year: 2021), organization: try SetupService(registry).organization(), to: path,
            protecting: registry.protectedPaths)
        #expect(written.rows == 3)
        let lines = try rows("xl/worksheets/sheet1.xml", of: path)
        #expect(lines.contains(["MỤC LỤC VĂN BẢN, TÀI LIỆU"]))
        #expect(lines.contains(["Hồ sơ số: 05.TTBC   Mã hồ sơ: STTTT.2021.05.TTBC"]))
        let numbering = try #require(lines.firstIndex(of: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]))
        let entries = lines[(numbering + 1)...].prefix(3)
        #expect(entries.map { $0[1] } == ["27-BC/HU", "1432/SNV-CCVC", "512/QĐ-UBND"], "ordered by the documents' dates, not by filing")
        #expect(entries.map { $0[0] } == ["1", "2", "3"])
        #expect(entries.first?[2] == "44424", "16/8/2021 as an Excel date")
        #expect(lines.contains(["Mục lục này gồm 3 văn bản."]))
        // Overwriting needs to be asked for.
        #expect(throws: ExportError.outputExists(path: path)) {
            try DossierFormWriter.writeIndex(
                try DossierService(registry).dossierContents("05.TTBC", year: 2021), organization: try SetupService(registry).organization(),
                to: path, protecting: registry.protectedPaths)
        }
    }

    @Test func aTransferWritesTheMụcLụcAndTheBiênBản() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        for (notation, references) in [("01.VP", ["den/2021/792"]), ("02.VP", ["den/2021/791", "den/2021/793"])] {
            _ = try DossierService(registry).openDossier(
                notation, year: 2021, DossierDraft(title: "Hồ sơ \(notation)", retention: notation == "01.VP" ? "vinh-vien" : "10"))
            _ = try DossierService(registry).file(references, into: notation, year: 2021)
            _ = try DossierService(registry).closeDossier(notation, year: 2021, DossierClosing(pages: 12))
        }
        let path = folder.appendingPathComponent("nop-luu.xlsx").path
        let organization = try SetupService(registry).organization()
        _ = try DossierService(registry).transfer(
            ["01.VP", "02.VP"], year: 2021, deliveredBy: "Nguyễn Văn A, Văn phòng", receivedBy: "Lê Thị C, Lưu trữ"
        ) { transfer in
            _ = try DossierFormWriter.writeTransfer(transfer, organization: organization, to: path, protecting: registry.protectedPaths)
        }
        let list = try rows("xl/worksheets/sheet1.xml", of: path)
        #expect(list.contains(["MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU"]))
        #expect(list.contains(["1", "01.VP", "Hồ sơ 01.VP", "23/08/2021", "Vĩnh viễn", "12"]), "the dates of the documents themselves")
        #expect(list.contains(["2", "02.VP", "Hồ sơ 02.VP", "16/08/2021 - 24/08/2021", "10 năm", "12"]))
        #expect(list.contains(["Mục lục này gồm 2 hồ sơ, trong đó 1 hồ sơ bảo quản vĩnh viễn, 1 hồ sơ bảo quản có thời hạn."]))
        #expect(
            list.contains(["NGƯỜI NỘP", "NGƯỜI NHẬN"]) && list.contains(["Nguyễn Văn A, Văn phòng", "Lê Thị C, Lưu trữ"]), "two signature blocks")
        let receipt = try rows("xl/worksheets/sheet2.xml", of: path).flatMap { $0 }
        #expect(receipt.contains("BIÊN BẢN"))
        #expect(receipt.contains("BÊN GIAO: Nguyễn Văn A, Văn phòng"))
        #expect(receipt.contains("- Tổng số hồ sơ (đơn vị bảo quản): 2; quy ra mét giá: " + String(repeating: "…", count: 30)))
        #expect(receipt.contains("- Tổng số tờ: 24"))
        #expect(receipt.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    }

    @Test func theDanhMụcPrintsHeadingsEntriesAndTheFooter() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        _ = try DossierService(registry).addCatalogEntry(
            CatalogEntryDraft(
                fileNotation: "01.VP", title: "Kế hoạch công tác năm", retention: "Vĩnh viễn", creator: "Văn phòng", heading: "I. VĂN PHÒNG"),
            year: 2021)
        _ = try DossierService(registry).addCatalogEntry(
            CatalogEntryDraft(fileNotation: "02.VP", title: "Công văn trao đổi", retention: "10 năm", heading: "VĂN PHÒNG"), year: 2021)
        _ = try DossierService(registry).openDossier("99.VP", year: 2021, DossierDraft(title: "Hồ sơ phát sinh"))
        let path = folder.appendingPathComponent("danh-muc.xlsx").path
        _ = try DossierFormWriter.writeCatalog(
            try DossierService(registry).catalog(year: 2021), organization: try SetupService(registry).organization(), to: path,
            protecting: registry.protectedPaths)
        let lines = try rows("xl/worksheets/sheet1.xml", of: path)
        let numbering = try #require(lines.firstIndex(of: ["(1)", "(2)", "(3)", "(4)", "(5)"]))
        #expect(
            Array(lines[(numbering + 1)...].prefix(4)) == [
                ["I. VĂN PHÒNG"],
                ["01.VP", "Kế hoạch công tác năm", "Vĩnh viễn", "Văn phòng"],
                ["02.VP", "Công văn trao đổi", "10 năm"],
                ["99.VP", "Hồ sơ phát sinh", "Ngoài Danh mục"],
            ], "one đề mục, found again by its title without the numeral")
        #expect(lines.contains(["Danh mục hồ sơ này có 2 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; 1 hồ sơ bảo quản có thời hạn."]))
    }
}
