import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// The PDF register, read back by poppler's tools (pdftotext, pdffonts), which vanthu does not use.
@Suite struct PDFExportTests {
    /// A line of text as pdftotext places it: its page and box.
    struct TextLine {
        var page: Int
        var text: String
        var xMin, yMin, xMax, yMax: Double
    }

    static func run(_ arguments: [String]) throws -> String { try Process.output("/usr/bin/env", arguments) }

    /// Every text line of the PDF with its box, from `pdftotext -bbox-layout`.
    static func lines(of pdf: String) throws -> [TextLine] {
        let html = try run(["pdftotext", "-bbox-layout", pdf, "-"])
        var lines: [TextLine] = []
        var page = 0
        var current: TextLine?
        for raw in html.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            func number(_ name: String) -> Double {
                guard let range = line.range(of: name + "=\"") else { return 0 }
                return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            if line.hasPrefix("<page") { page += 1 }
            if line.hasPrefix("<line") {
                current = TextLine(page: page, text: "", xMin: number("xMin"), yMin: number("yMin"), xMax: number("xMax"), yMax: number("yMax"))
            }
            if line.hasPrefix("<word"), let start = line.firstIndex(of: ">"), let end = line.range(of: "</word>") {
                let word = line[line.index(after: start)..<end.lowerBound]
                if var open = current {
                    open.text += (open.text.isEmpty ? "" : " ") + word
                    current = open
                }
            }
            if line.hasPrefix("</line>"), let done = current {
                lines.append(done)
                current = nil
            }
        }
        return lines
    }

    /// Pairs of text lines on one page printed over each other: boxes that meet across more than
    /// 40 % of the shorter line's height. (Consecutive lines of one paragraph may touch by a point
    /// or two where a renderer sets them tight; text printed over text overlaps almost wholly.)
    static func overprinted(_ lines: [TextLine]) -> Int {
        var count = 0
        for page in Set(lines.map(\.page)) {
            let onPage = lines.filter { $0.page == page }
            for (i, a) in onPage.enumerated() {
                for b in onPage[(i + 1)...] {
                    let width = min(a.xMax, b.xMax) - max(a.xMin, b.xMin)
                    let height = min(a.yMax, b.yMax) - max(a.yMin, b.yMin)
                    if width > 0.5, height > 0.4 * min(a.yMax - a.yMin, b.yMax - b.yMin) { count += 1 }
                }
            }
        }
        return count
    }

    /// A register of 150 documents whose trích yếu run over three lines or more, and names that
    /// wrap: what printed as overlapping text from the workbook outside Excel.
    static func registry(in folder: URL) throws -> Registry {
        let organization = Organization(
            name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
        let registry = try Registry.create(
            at: folder.appendingPathComponent("vanthu.sqlite").path, organization: organization,
            context: RegistryContext(user: "văn thư", today: LocalDate.parse("2021-12-31")))
        for number in 1...150 {
            let summary =
                "Về việc triển khai thực hiện Kế hoạch số \(number)-KH/TU của Ban Thường vụ Tỉnh ủy về tuyên truyền, phổ biến, "
                + "giáo dục pháp luật và nâng cao ý thức chấp hành pháp luật cho cán bộ, đảng viên và nhân dân trên địa bàn tỉnh năm 2021"
            _ = try RegistrationService(registry).registerIncoming(
                IncomingDraft(
                    issuer: number % 3 == 0 ? "Ban Tuyên giáo Tỉnh ủy Kon Tum" : "Ủy ban nhân dân huyện Đăk Hà",
                    notation: try DocumentNotation(parsing: "\(number)-CV/BTGTU"), issuedDate: "1/3/2021", typeCode: "CV", summary: summary,
                    received: "2/3/2021", handler: number % 2 == 0 ? "Phòng Thông tin - Báo chí - Xuất bản" : "Văn phòng Sở"))
        }
        _ = try RegistrationService(registry).void(reference: "den/2021/7", reason: "Vào sổ nhầm")
        return registry
    }

    @Test func aRegisterPrintsWithoutOverlapHeadingsOnEveryPageAndFontsEmbedded() throws {
        let folder = try ExportFixtures.folder()
        let registry = try Self.registry(in: folder)
        defer { registry.close() }
        let pdf = folder.appendingPathComponent("so-den-2021.pdf").path
        let summary = try RegisterExporter.export(
            ExportRequest(
                layout: "incoming", period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: pdf, format: .pdf),
            from: registry)
        #expect(summary.rows == 150)

        let lines = try Self.lines(of: pdf)
        let pages = Set(lines.map(\.page)).sorted()
        #expect(pages.count >= 5, "\(pages.count) pages")
        // No text printed over other text on any page.
        let overlaps = Self.overprinted(lines)
        #expect(overlaps == 0, "\(overlaps) overlapping text lines")
        // The cover is unnumbered; every register page repeats the headings and says which page it is.
        let cover = lines.filter { $0.page == 1 }.map(\.text).joined(separator: " ")
        #expect(cover.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN") && cover.contains("Từ số 1 đến số 150") && !cover.contains("Trang"))
        let registerPages = pages.dropFirst()
        for (offset, page) in registerPages.enumerated() {
            let text = lines.filter { $0.page == page }.map(\.text).joined(separator: " ")
            #expect(
                text.contains("Ngày đến") && text.contains("Tác giả") && text.contains("Tên loại và trích yếu"), "page \(page) lacks the headings")
            #expect(text.contains("Trang \(offset + 1) / \(registerPages.count)"), "page \(page) is not numbered")
        }
        // Every number has its row, the voided one with its reason; the text is searchable, in Vietnamese.
        // (In drawing order, a cell's lines one after the other; compared without spaces and
        // line breaks, since a cell's text wraps.)
        let all = try Self.run(["pdftotext", "-raw", pdf, "-"]).filter { !$0.isWhitespace }
        for number in [1, 75, 150] { #expect(all.contains("\(number)-CV/BTGTU"), "\(number)-CV/BTGTU not found") }
        #expect(all.contains("ĐÃHỦYSỐ"))
        #expect(all.contains("PhòngThôngtin-Báochí-Xuấtbản") && all.contains("ỦybannhândânhuyệnĐăkHà"))
        // Room to bind: nothing on a register page within 25 mm of its left edge.
        let leftmost = lines.filter { $0.page > 1 }.map(\.xMin).min() ?? 0
        #expect(leftmost >= 25 * 72 / 25.4, "text at \(leftmost) pt from the bound edge")
        // Every font embedded (a subset), so it prints the same anywhere.
        let fonts = try Self.run(["pdffonts", pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.split(separator: " ").filter { $0 == "yes" }.count >= 2, "not embedded: \(font)") }
    }

    /// The workbook printed by LibreOffice (as a clerk without Excel, or a converter, prints it):
    /// every row as tall as its text, so no text prints over another row's.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"), "needs LibreOffice: make test installs it"))
    func theWorkbookPrintsWithoutOverlapOutsideExcel() throws {
        let folder = try ExportFixtures.folder()
        let registry = try Self.registry(in: folder)
        defer { registry.close() }
        let workbook = folder.appendingPathComponent("so-den-2021.xlsx").path
        _ = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: workbook),
            from: registry)
        // A profile of its own, so a LibreOffice already running for the user is not asked.
        let profile = "file://" + folder.appendingPathComponent("lo-profile").path
        _ = try Self.run([
            "soffice", "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", folder.path, workbook,
        ])
        let pdf = folder.appendingPathComponent("so-den-2021.pdf").path
        let lines = try Self.lines(of: pdf)
        #expect(Set(lines.map(\.page)).count >= 3)
        let overlaps = Self.overprinted(lines)
        #expect(overlaps == 0, "\(overlaps) overlapping text lines in LibreOffice's print of the workbook")
        let all = try Self.run(["pdftotext", "-raw", pdf, "-"]).filter { !$0.isWhitespace }
        #expect(all.contains("150-CV/BTGTU") && all.contains("nhândântrênđịabàntỉnhnăm2021"))
    }

    @Test func theBindingMarginIsTheClerksToChoose() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let pdf = folder.appendingPathComponent("so-di.pdf").path
        _ = try RegisterExporter.export(
            ExportRequest(
                layout: "outgoing", period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: pdf, format: .pdf,
                bindingMargin: 40), from: registry)
        let lines = try Self.lines(of: pdf)
        let leftmost = lines.filter { $0.page > 1 }.map(\.xMin).min() ?? 0
        #expect(leftmost >= 40 * 72 / 25.4 && leftmost < 45 * 72 / 25.4, "\(leftmost)")
        #expect(lines.contains { $0.text.contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI") })
        // A margin that leaves no room for the columns, or is not a number, is refused; nothing is written.
        for margin in [500, 5, Double.nan, .infinity] {
            let refused = folder.appendingPathComponent("le-\(margin).pdf").path
            #expect {
                try RegisterExporter.export(
                    ExportRequest(
                        layout: "outgoing", period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: refused,
                        format: .pdf, bindingMargin: margin), from: registry)
            } throws: { ($0 as? RegistryError)?.kind == .invalidValue }
            #expect(!FileManager.default.fileExists(atPath: refused))
        }
    }

    /// An outgoing document sent to 400 communes: its Nơi nhận runs over more than a page. The row
    /// starts a page and goes on over the next, under the headings, none of it lost or printed
    /// past the foot; the rows after it go on as before.
    @Test func aRowTallerThanAPageGoesOnOverTheNextPages() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let recipients = (1...400).map { "UBND xã số \($0) huyện Đăk Hà" }
        _ = try RegistrationService(registry).registerOutgoing(
            OutgoingDraft(
                typeCode: "BC", summary: "Báo cáo gửi các xã", issuedDate: try LocalDate(parsing: "31/8/2021"),
                signer: Signer(position: "GIÁM ĐỐC", fullName: "Trần Văn Bình"), recipients: recipients, archive: "VT"))
        _ = try RegistrationService(registry).registerOutgoing(
            OutgoingDraft(
                typeCode: "BC", summary: "Báo cáo sau cùng", issuedDate: try LocalDate(parsing: "31/8/2021"),
                signer: Signer(position: "GIÁM ĐỐC", fullName: "Trần Văn Bình"), recipients: ["Sở Nội vụ"], archive: "VT"))
        let pdf = folder.appendingPathComponent("so-di.pdf").path
        _ = try RegisterExporter.export(
            ExportRequest(
                layout: "outgoing", period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: pdf, format: .pdf),
            from: registry)
        let lines = try Self.lines(of: pdf)
        let pages = Set(lines.map(\.page)).sorted()
        #expect(pages.count >= 4, "the cover and three register pages at least: \(pages.count)")
        #expect(Self.overprinted(lines) == 0)
        let foot = 210 * 72 / 25.4 - 14 * 72 / 25.4
        #expect(lines.allSatisfy { $0.yMax <= foot + 1 || $0.text.hasPrefix("Trang ") }, "text past the foot of a page")
        for (offset, page) in pages.dropFirst().enumerated() {
            let text = lines.filter { $0.page == page }.map(\.text).joined(separator: " ")
            #expect(text.contains("Nơi nhận") && text.contains("Trang \(offset + 1) / \(pages.count - 1)"), "page \(page)")
        }
        // Every commune, in order: the Nơi nhận column cut out of each page under its numbered
        // row (pdftotext -x -y -W -H; its lines alone join neighbouring cells).
        let communes = lines.filter { $0.text.hasPrefix("UBND xã") && $0.page > 2 }
        let left = try #require(communes.map(\.xMin).min())
        let right = try #require(communes.map(\.xMax).max())
        let column = try pages.dropFirst().map { page in
            let top = lines.filter { $0.page == page && $0.text.contains("(1)") }.map(\.yMax).max() ?? 0
            return try Self.run([
                "pdftotext", "-raw", "-f", "\(page)", "-l", "\(page)", "-x", "\(Int(left) - 1)", "-y", "\(Int(top) + 1)", "-W",
                "\(Int(right - left) + 2)",
                "-H", "\(Int(foot - top))", pdf, "-",
            ])
        }.joined().filter { !$0.isWhitespace }
        #expect(column.contains(recipients.joined(separator: ";").filter { !$0.isWhitespace }))
        let all = try Self.run(["pdftotext", "-raw", pdf, "-"])
        #expect(all.contains("Báo cáo sau cùng"))
    }
}
