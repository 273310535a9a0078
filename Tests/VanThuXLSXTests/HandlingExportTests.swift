import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// The follow-up books and reports, written and read back from the XLSX files.
@Suite struct HandlingExportTests {
    /// The year 2021.
    var year: RegisterPeriod { get throws { try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil) } }

    /// The fixture registry on 6/9/2021, with 791 done and replied to, 792 in progress, 793
    /// routed and late (due 2/9); the first outgoing document sent by post and by email.
    func handledRegistry(in folder: URL) throws -> Registry {
        try ExportFixtures.registry(in: folder).close()
        let registry = try Registry.open(
            at: folder.appendingPathComponent("vanthu.sqlite").path, context: RegistryContext(user: "văn thư", today: LocalDate.parse("2021-09-06")))
        _ = try HandlingService(registry).route(
            reference: "den/2021/791",
            RoutingDraft(
                lead: "Phòng Thông tin - Báo chí - Xuất bản", coUnits: ["Văn phòng Sở"], due: "30/8/2021", direction: "Giao phòng TTBCXB tham mưu",
                directedBy: "PGĐ Nguyễn Văn B", date: "24/8/2021"))
        _ = try HandlingService(registry).done(reference: "den/2021/791", reply: "di/2021/BC/1", date: "27/8/2021")
        _ = try HandlingService(registry).route(reference: "den/2021/792", RoutingDraft(lead: "Văn phòng Sở", due: "10/9/2021", date: "25/8/2021"))
        _ = try HandlingService(registry).progress(reference: "den/2021/792", note: "Đang lấy ý kiến")
        _ = try HandlingService(registry).route(reference: "den/2021/793", RoutingDraft(lead: "Phòng CNTT", due: "2/9/2021", date: "2/9/2021"))
        _ = try DispatchService(registry).dispatch(
            reference: "di/2021/BC/1", DispatchDraft(recipients: ["Sở Nội vụ"], via: "post", date: "31/8/2021", envelopes: 2))
        _ = try DispatchService(registry).dispatch(reference: "di/2021/BC/2", DispatchDraft(allUnsent: true, via: "email", date: "31/8/2021"))
        return registry
    }

    @Test func theTrackingRegisterShowsUnitsDeadlinesProgressAndReplies() throws {
        let folder = try ExportFixtures.folder()
        let registry = try handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("theo-doi.xlsx").path
        _ = try RegisterExporter.export(ExportRequest(layout: "tracking", period: try year, output: path), from: registry)
        let cells = ExportFixtures.cells(try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path))
        #expect(cells[3]?["C"] == "Phòng Thông tin - Báo chí - Xuất bản (chủ trì); phối hợp: Văn phòng Sở")
        #expect(cells[3]?["D"] == "44438")  // 30/8/2021 as an Excel date
        #expect(cells[3]?["E"] == "Đã giải quyết ngày 27/08/2021" && cells[3]?["F"] == "01/BC-STTTT")
        #expect(cells[4]?["E"] == "Đang giải quyết: Đang lấy ý kiến" && cells[4]?["F"] == "")
        #expect(cells[5]?["C"] == "Phòng CNTT" && cells[5]?["E"] == "Đã chuyển")
        #expect(cells[6]?["E"] == "" && cells[6]?["B"]?.hasPrefix("ĐÃ HỦY") == false, "794 is voided: no progress")
        #expect(cells[7] == nil, "the secret register is a separate book")
    }

    @Test func thePostalBookListsOnlyCopiesSentByPost() throws {
        let folder = try ExportFixtures.folder()
        let registry = try handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("buu-dien.xlsx").path
        let summary = try RegisterExporter.export(ExportRequest(layout: "postal", period: try year, output: path), from: registry)
        #expect(summary.rows == 1)
        let cover = try ExportFixtures.member("xl/worksheets/sheet1.xml", of: path)
        // The numbers of the documents it sent, and its first and last day.
        #expect(cover.contains("SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN") && cover.contains("Từ số 1 đến số 1"))
        #expect(cover.contains("Từ ngày 31/08/2021 đến ngày 31/08/2021"))
        let cells = ExportFixtures.cells(try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path))
        #expect(cells[1]?["A"] == "Ngày chuyển" && cells[1]?["E"] == "Ký nhận và dấu bưu điện")
        #expect(cells[3]?["A"] == "44439" && cells[3]?["B"] == "01/BC-STTTT" && cells[3]?["C"] == "Sở Nội vụ" && cells[3]?["D"] == "2")
        #expect(cells[4] == nil, "the copy sent by email is not in the postal book")
        let csv = folder.appendingPathComponent("buu-dien.csv").path
        _ = try RegisterExporter.export(ExportRequest(layout: "postal", period: try year, output: csv, format: .csv), from: registry)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("31/08/2021,01/BC-STTTT,Sở Nội vụ,2,,"))
    }

    @Test func theProcessingReportHasOneRowPerUnitAndAChart() throws {
        let folder = try ExportFixtures.folder()
        let registry = try handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("bao-cao.xlsx").path
        let report = try HandlingService(registry).processingReport(period: try year)
        _ = try ProcessingReportWriter.write(
            report, organization: try SetupService(registry).organization(), to: path, protecting: registry.protectedPaths)
        let cells = try ExportFixtures.resolvedCells(sheet: "xl/worksheets/sheet1.xml", of: path)
        let rows = cells.values.filter { $0["B"] != nil && $0["C"] != nil }.map {
            [$0["B"] ?? "", $0["C"] ?? "", $0["D"] ?? "", $0["E"] ?? "", $0["F"] ?? "", $0["G"] ?? ""]
        }
        #expect(
            Set(rows) == [
                [
                    "Đơn vị chủ trì", "Số văn bản nhận", "Đã giải quyết đúng hạn", "Đã giải quyết quá hạn", "Đang giải quyết trong hạn",
                    "Quá hạn chưa giải quyết",
                ],
                ["Phòng CNTT", "1", "0", "0", "0", "1"],
                ["Phòng Thông tin - Báo chí - Xuất bản", "1", "1", "0", "0", "0"],
                ["Văn phòng Sở", "1", "0", "0", "1", "0"],
                // The secret document of Friday 3/9 is due to be presented on Monday 6/9 (3/9 is a holiday).
                ["(Chưa chuyển)", "1", "0", "0", "1", "0"],
                ["Tổng cộng", "4", "1", "0", "2", "1"],
            ])
        // The urgent document still open (792, Khẩn) is listed above the table.
        #expect(try ExportFixtures.sharedStrings(of: path).contains { $0.hasPrefix("⚑ KHẨN – số đến 792") })
        let chart = try ExportFixtures.member("xl/charts/chart1.xml", of: path)
        #expect(chart.contains("'Báo cáo'!$B$") && chart.contains("<c:grouping val=\"stacked\"/>"))
    }

    @Test func theSlipCarriesTheLeadersDirection() throws {
        let folder = try ExportFixtures.folder()
        let registry = try handledRegistry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("phieu.xlsx").path
        _ = try IncomingSlipWriter.write(
            try HandlingService(registry).history(reference: "den/2021/791"), organization: try SetupService(registry).organization(), to: path,
            protecting: registry.protectedPaths)
        let strings = try ExportFixtures.sharedStrings(of: path)
        for expected in [
            "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "1. Ý kiến của lãnh đạo cơ quan, tổ chức:",
            "- Ý kiến chỉ đạo: Giao phòng TTBCXB tham mưu", "- Giao đơn vị, cá nhân chủ trì: Phòng Thông tin - Báo chí - Xuất bản",
            "- Các đơn vị, cá nhân phối hợp: Văn phòng Sở", "- Thời hạn giải quyết: 30/08/2021", "Ngày 24 tháng 8 năm 2021: PGĐ Nguyễn Văn B",
            "2. Ý kiến của lãnh đạo đơn vị:", "3. Ý kiến đề xuất của người giải quyết:",
        ] {
            #expect(strings.contains(expected), "\(expected)")
        }
        #expect(strings.contains { $0.hasPrefix("Báo cáo số 27-BC/HU ngày 16/08/2021 của Huyện ủy Đăk Hà: ") })
        // Read back by openpyxl: the rule under the agency's name, the motto underlined (ND30
        // Phụ lục I), and the document's line, which wraps over two, two lines high.
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            rows = list(ws.iter_rows())
            def find(prefix):
                return next(c for row in rows for c in row if isinstance(c.value, str) and c.value.startswith(prefix))
            description = find("Báo cáo số 27-BC/HU")
            print(json.dumps({"rule": ws["A3"].value, "motto": ws["B2"].value, "underline": ws["B2"].font.u,
                "height": ws.row_dimensions[description.row].height}, ensure_ascii=False))
            """
        let read = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Process.output("/usr/bin/env", [ProcessInfo.processInfo.environment["VANTHU_PYTHON"] ?? "python3", "-c", script, path]).utf8))
                as? [String: Any])
        #expect(read["rule"] as? String == FormHeader.rule && read["motto"] as? String == "Độc lập - Tự do - Hạnh phúc")
        #expect(read["underline"] as? String == "single")
        #expect((read["height"] as? Double ?? 0) > 30, "\(read)")
        #expect(throws: ExportError.outputExists(path: path)) {
            try IncomingSlipWriter.write(
                try HandlingService(registry).history(reference: "den/2021/791"), organization: try SetupService(registry).organization(), to: path,
                protecting: registry.protectedPaths)
        }
    }
}
