import Foundation
import Testing
import VanThuCore
import VanThuReaders

@testable import VanThuXLSX

/// `vanthu journal export`: the workbook read back, cell by cell.
@Suite struct JournalExportTests {
    @Test func everyEntryIsARowWithItsChangesAndHash() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        _ = try RegistrationService(registry).edit(reference: "den/2021/791", changes: DocumentChanges(summary: "Kết quả 5 năm, đã sửa"))
        let entries = try JournalService(registry).entries()
        let start = try #require(LocalDate(year: 2021, month: 1, day: 1))
        let end = try #require(LocalDate(year: 2021, month: 12, day: 31))
        let path = folder.appendingPathComponent("nhat-ky.xlsx").path
        let written = try JournalWriter.write(
            entries, organization: try SetupService(registry).organization(), start: start, end: end,
            to: path, protecting: registry.protectedPaths)
        #expect(written.rows == entries.count)
        let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        let table = try reader.table(try #require(reader.sheets.first))
        let texts = table.rows.map { $0.map(\.text) }
        #expect(texts[1].first == "NHẬT KÝ THAY ĐỔI SỔ ĐĂNG KÝ VĂN BẢN" && texts[2].first == "Từ ngày 01/01/2021 đến ngày 31/12/2021")
        #expect(texts[4] == JournalWriter.columns.map(\.heading))
        let body = Array(texts.dropFirst(5))
        #expect(body.count == entries.count)
        for (row, entry) in zip(body, entries) {
            #expect(row[0] == String(entry.id) && row[1] == entry.at && row[3] == entry.action && row[7] == entry.hash)
        }
        let edit = try #require(body.last)
        #expect(edit[5] == "den/2021/791" && edit[6].contains("subject: Kết quả 5 năm thực hiện công tác tuyên truyền miệng → Kết quả 5 năm, đã sửa"))
        // A formula-looking value stays text.
        #expect(body.contains { $0[6].contains("=HYPERLINK") })
        #expect(throws: ExportError.outputExists(path: path)) {
            try JournalWriter.write(
                entries, organization: try SetupService(registry).organization(), start: start, end: end, to: path,
                protecting: registry.protectedPaths)
        }
    }
}
