import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuWeb

/// The main path through the web front, as three people work it: the clerk registers a signed
/// PDF, the leader directs it, the officer reports progress and completion, and the clerk sees
/// it done and counted.
@Suite("Web flow")
struct WebFlowTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    static func field(_ name: String, in html: String) -> String? {
        guard let pattern = try? Regex<(Substring, Substring)>(#"name="\#(name)" value="([^"]*)""#) else { return nil }
        return html.firstMatch(of: pattern).map { String($0.1) }
    }

    @Test func clerkRegistersAPDFLeaderDirectsOfficerFinishes() async throws {
        let web = try WebFixture.make()
        let pdf = try Data(contentsOf: Self.samples.appendingPathComponent("cong-van-ky-so.pdf"))
        let reference = try await web.withBrowser { browser -> String in
            try await browser.login("vanthu")
            let form = try await browser.get("/register")
            #expect(form.body.contains(#"<strong id="next-number">1</strong>"#))
            let read = try await browser.upload("/register/upload", file: pdf, name: "cong-van-ky-so.pdf")
            #expect(read.status == .ok)
            #expect(Self.field("notation", in: read.body) == "215/SNV-VP")
            #expect(read.body.contains("tập huấn"))
            #expect(read.body.contains("Chữ ký số:"))
            let upload = try #require(Self.field("upload", in: read.body))
            #expect(upload.count == 64)
            // Nothing is numbered until the clerk confirms.
            #expect(try DocumentService(web.registry).documentCount() == 0)
            let done = try await browser.post(
                "/register",
                [
                    ("upload", upload), ("issuer", Self.field("issuer", in: read.body) ?? ""), ("notation", "215/SNV-VP"),
                    ("issued", "12/3/2026"), ("type", "CV"), ("summary", "Tổ chức tập huấn công tác văn thư, lưu trữ năm 2026"),
                    ("urgency", ""), ("secrecy", ""),
                ])
            #expect(done.status == .seeOther)
            let location = try #require(done.location)
            #expect(location == "/documents/den/2026/1")
            let page = try await browser.get(location)
            #expect(page.body.contains("Đã vào sổ: số đến 1"))
            #expect(page.body.contains("Bản gốc"))
            #expect(page.body.contains("Bản có dấu ĐẾN"))
            #expect(page.body.contains("Số: <strong>1</strong>"))  // the ĐẾN stamp
            // The stored original, viewable in the browser, byte for byte.
            let link = try #require(page.body.firstMatch(of: #/href="(/documents/den/2026/1/files/\d+)"/#)).1
            let file = try await browser.get(String(link))
            #expect(file.headers[.contentType] == "application/pdf")
            #expect(file.headers[.contentDisposition]?.hasPrefix("inline") == true)
            #expect(file.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            #expect(Data(file.body.utf8).count > 0)
            return "den/2026/1"
        }
        let original = try AttachmentService(web.registry).original(reference: reference)
        #expect(original.data == pdf)

        try await web.withBrowser { browser in
            try await browser.login("giamdoc")
            let inbox = try await browser.get("/inbox")
            #expect(inbox.body.contains("Chờ ý kiến chỉ đạo (1)"))
            let routed = try await browser.post(
                "/documents/\(reference)/route",
                [
                    ("direction", "Giao Phòng Tổ chức chuẩn bị, báo cáo trước ngày 10/12."), ("lead", "Phòng Tổ chức"), ("co", "Phòng Tài chính"),
                    ("due", "10wd"),
                ])
            #expect(routed.status == .seeOther)
            #expect(try await browser.get("/documents/\(reference)").body.contains("Đã chuyển cho Phòng Tổ chức"))
        }
        try await web.withBrowser { browser in
            try await browser.login("cv.tochuc")
            let inbox = try await browser.get("/inbox")
            #expect(inbox.body.contains("Chờ xử lý (1)"))
            #expect(try await browser.post("/documents/\(reference)/progress", [("note", "Đã lập danh sách học viên")]).status == .seeOther)
            // A return needs a reason of at least ten characters; nothing changes without one.
            let short = try await browser.post("/documents/\(reference)/return", [("reason", "Sai")])
            #expect(short.status == .unprocessableContent)
            #expect(try await browser.post("/documents/\(reference)/done", [("note", "Đã tổ chức tập huấn")]).status == .seeOther)
        }
        // The co-operating unit may report progress but not close it.
        try await web.withBrowser { browser in
            try await browser.login("cv.taichinh")
            #expect(try await browser.get("/documents/\(reference)").status == .ok)
        }
        try await web.withBrowser { browser in
            try await browser.login("vanthu")
            let page = try await browser.get("/documents/\(reference)")
            #expect(page.body.contains("Đã giải quyết") || page.body.contains("Đã xong") || page.body.contains("Hoàn thành"))
            #expect(page.body.contains("Đã lập danh sách học viên"))
        }
        let report = try HandlingService(web.registry).processingReport(
            period: try RegisterPeriod(start: .firstDay(of: 2026), end: .lastDay(of: 2026)))
        #expect(report.total.received == 1)
        #expect(report.total.doneOnTime == 1)
        // Every step journaled with the account that made it.
        let entries = try JournalService(web.registry).entries(reference: reference)
        let byAction = Dictionary(entries.map { ($0.action, $0.user) }, uniquingKeysWith: { first, _ in first })
        #expect(byAction["register-incoming"] == "vanthu" || entries.first?.user == "vanthu")
        #expect(byAction["route"] == "giamdoc")
        #expect(byAction["progress"] == "cv.tochuc")
        #expect(byAction["done"] == "cv.tochuc")
        #expect(try JournalService(web.registry).verifyJournal().isIntact)
    }

    @Test func theJSONRoutesAnswerWithTheCommandLinesFields() async throws {
        let web = try WebFixture.make()
        let document = try web.incoming("Kế hoạch kiểm tra công tác văn thư")
        try await web.withBrowser { browser in
            #expect(try await browser.get("/api/documents?q=ke%20hoach").status == .unauthorized)
            try await browser.login("vanthu")
            let search = try await browser.get("/api/documents?q=ke%20hoach")
            #expect(search.headers[.contentType]?.hasPrefix("application/json") == true)
            let json = try JSONSerialization.jsonObject(with: Data(search.body.utf8)) as? [String: Any]
            #expect(json?["total"] as? Int == 1)
            let hit = (json?["hits"] as? [[String: Any]])?.first?["document"] as? [String: Any]
            #expect(hit?["subject"] as? String == "Kế hoạch kiểm tra công tác văn thư")
            #expect(hit?["arrivalNumber"] as? Int == document.number)
            let one = try await browser.get("/api/documents/\(document.reference)")
            let shown = try JSONSerialization.jsonObject(with: Data(one.body.utf8)) as? [String: Any]
            #expect(shown?["arrivalNumber"] as? Int == document.number)
            #expect(try await browser.get("/api/documents/den/2026/99").status == .notFound)
            // A POST needs the session's token, in a header or the form.
            var refused = HTTPFields()
            refused[.contentType] = "application/x-www-form-urlencoded"
            #expect(
                try await browser.send(
                    "/api/documents/\(document.reference)/void", method: .post, headers: refused, body: .init(string: "reason=Nhầm")
                ).status == .forbidden)
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[try #require(HTTPField.Name("X-CSRF-Token"))] = browser.csrf
            let voided = try await browser.send(
                "/api/documents/\(document.reference)/void", method: .post, headers: headers,
                body: .init(string: "reason=V%C3%A0o%20s%E1%BB%95%20nh%E1%BA%A7m"))
            #expect(voided.status == .ok)
            let after = try JSONSerialization.jsonObject(with: Data(voided.body.utf8)) as? [String: Any]
            #expect((after?["voided"] as? [String: Any])?["reason"] as? String == "Vào sổ nhầm")
            #expect((after?["voided"] as? [String: Any])?["by"] as? String == "vanthu")
        }
    }

    @Test func theRegisterListFiltersAndExportsWhatItShows() async throws {
        let web = try WebFixture.make()
        try web.incoming("Công văn về tuyển dụng", issuer: "Bộ Nội vụ", urgency: .hoaToc)
        try web.incoming("Công văn về ngân sách", issuer: "Bộ Tài chính")
        try await web.withBrowser { browser in
            try await browser.login("vanthu")
            let urgent = try await browser.get("/documents?so=den&do-khan=hoaToc")
            #expect(urgent.body.contains("tuyển dụng"))
            #expect(!urgent.body.contains("ngân sách"))
            let byIssuer = try await browser.get("/documents?so=den&tac-gia=B%E1%BB%99%20T%C3%A0i%20ch%C3%ADnh")
            #expect(byIssuer.body.contains("ngân sách"))
            #expect(!byIssuer.body.contains("tuyển dụng"))
            let export = try await browser.get("/documents?so=den&do-khan=hoaToc&xuat=xlsx")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType]?.contains("spreadsheetml") == true)
            #expect(export.data.starts(with: Data("PK".utf8)))
            // Read back by an independent reader when the test virtualenv is there (make test).
            if let python = ProcessInfo.processInfo.environment["VANTHU_PYTHON"].flatMap({ $0.isEmpty ? nil : $0 }) {
                let file = try TemporaryFolder.make("export").appendingPathComponent("danh-sach.xlsx")
                try export.data.write(to: file)
                let cells = try Process.output(
                    python,
                    [
                        "-c",
                        "import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1]).active; "
                            + "print('\\n'.join('|'.join(str(c) for c in row if c is not None) for row in ws.iter_rows(values_only=True)))",
                        file.path,
                    ])
                #expect(cells.contains("DANH SÁCH VĂN BẢN"))
                #expect(cells.contains("Bộ Nội vụ|Công văn Công văn về tuyển dụng"))
                #expect(!cells.contains("ngân sách"))
            }
            try await browser.login("cv.tochuc")
            #expect(try await browser.get("/documents?so=den&xuat=xlsx").status == .forbidden)
        }
    }
}

extension WebFlowTests {
    @Test func theOverdueDashboardCountsPerUnitAndDrawsThem() async throws {
        let web = try WebFixture.make()
        let service = HandlingService(web.registry)
        for (index, unit) in ["Phòng Tổ chức", "Phòng Tổ chức", "Phòng Tài chính"].enumerated() {
            let document = try web.incoming(
                "Việc quá hạn \(index + 1)", urgency: index == 2 ? .hoaToc : nil, received: try LocalDate(parsing: "03/11/2026"))
            _ = try service.route(
                reference: document.reference,
                RoutingDraft(lead: unit, due: try Deadline(parsing: "20/11/2026"), date: try LocalDate(parsing: "04/11/2026")))
        }
        let late = try web.incoming("Chưa quá hạn")
        _ = try service.route(reference: late.reference, RoutingDraft(lead: "Phòng Tài chính", due: try Deadline(parsing: "10wd")))
        try await web.withBrowser { browser in
            try await browser.login("giamdoc")
            let page = try await browser.get("/overdue")
            #expect(page.status == .ok)
            #expect(page.body.contains("<td>Phòng Tổ chức</td><td class=\"num\">2</td>"))
            #expect(page.body.contains("<td>Phòng Tài chính</td><td class=\"num\">1</td>"))
            #expect(page.body.components(separatedBy: "<rect ").count - 1 == 2)
            #expect(!page.body.contains("Chưa quá hạn"))
            // An officer follows only their own unit; an administrator not at all.
            try await browser.login("cv.tochuc")
            let own = try await browser.get("/overdue")
            #expect(own.body.contains("Việc quá hạn 1") && !own.body.contains("Việc quá hạn 3"))
            try await browser.login("quantri")
            #expect(try await browser.get("/overdue").status == .forbidden)
        }
    }

    /// A backlog longer than the page: the first rows are listed, the rest counted and linked,
    /// the counts per unit count every document.
    @Test func aLongOverdueListShowsItsFirstRowsAndCountsTheRest() async throws {
        let web = try WebFixture.make()
        let drafts = try (1...(WebServer.overdueRowsShown + 10)).map { index in
            IncomingDraft(
                issuer: "UBND tỉnh Kon Tum", notation: try DocumentNotation(parsing: "\(index)/UBND-VP"),
                issuedDate: try LocalDate(parsing: "02/11/2026"),
                summary: "Việc tồn đọng \(index)", received: try LocalDate(parsing: "03/11/2026"), handler: "Phòng Tổ chức",
                dueDate: try LocalDate(parsing: "20/11/2026"))
        }
        _ = try RegistrationService(web.registry).registerIncoming(batch: drafts)
        try await web.withBrowser { browser in
            try await browser.login("giamdoc")
            let page = try await browser.get("/overdue")
            #expect(page.status == .ok)
            #expect(page.body.contains("<td>Phòng Tổ chức</td><td class=\"num\">\(WebServer.overdueRowsShown + 10)</td>"))
            #expect(page.body.components(separatedBy: "Việc tồn đọng ").count - 1 == WebServer.overdueRowsShown)
            #expect(page.body.contains("Còn 10 văn bản nữa") && page.body.contains("href=\"/documents?trang-thai=overdue\""))
        }
    }
}
