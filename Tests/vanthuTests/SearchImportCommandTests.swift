import Foundation
import GRDB
import Testing

/// `vanthu search`, `vanthu import` and `vanthu check` through the real binary.
@Suite struct SearchImportCommandTests {
    func prepared() throws -> CLI {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        _ = try cli.ok([
            "incoming", "add", "--issuer", "Huyện ủy Đăk Hà", "--symbol", "27-BC/HU", "--summary",
            "Kết quả 5 năm thực hiện công tác tuyên truyền miệng",
            "--received", "24/8/2021", "--type", "BC",
        ])
        _ = try cli.ok([
            "incoming", "add", "--issuer", "Ban Tuyên giáo Trung ương", "--symbol", "432-KH/BTGTW", "--summary",
            "Học tập nghị quyết cho cán bộ Đảng ủy xã",
            "--received", "2/3/2021", "--type", "KH",
        ])
        _ = try cli.ok(["route", "den/2021/1", "--lead", "Phòng Tuyên truyền", "--due", "15/9/2021", "--date", "24/8/2021"])
        return cli
    }

    @Test func searchFindsRanksFiltersAndPrintsJSON() throws {
        let cli = try prepared()
        let table = try cli.ok(["search", "tuyen truyen mieng"])
        #expect(table.contains("den/2021/1") && table.contains("Tìm thấy 1 văn bản.") && !table.contains("\u{1B}["))
        let notation = try cli.json(["tim", "Số: 432 - KH/BTGTW"]) as? [String: Any]
        #expect(notation?["total"] as? Int == 1)
        let overdue =
            try cli.json([
                "search", "--incoming", "--status", "qua-han", "--handler", "phong tuyen truyen", "--from", "1/8/2021", "--to", "31/8/2021",
            ]) as? [String: Any]
        #expect((overdue?["hits"] as? [[String: Any]])?.count == 1)
        #expect(try cli.ok(["search", "dang uy", "--year", "2020"]).isEmpty)
        let english = try cli.run(["search", "dang uy", "--year", "2020"], environment: ["VANTHU_LANG": "en"])
        #expect(english.status == 0 && english.stderr.contains("No document found."))
    }

    @Test func searchHighlightsOnATerminalOnly() throws {
        let cli = try prepared()
        // `script` gives the binary a pseudo-terminal, as a clerk's shell does.
        let command = "\(CLI.binary) search 'dang uy'"
        // (swift test itself sets NO_COLOR; a clerk's shell does not.)
        let tty = try cli.run(
            ["-u", "NO_COLOR", "/usr/bin/script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm"], executable: "/usr/bin/env")
        #expect(tty.stdout.contains("\u{1B}[1;33mĐảng\u{1B}[0m") && tty.stdout.contains("\u{1B}[1;33mủy\u{1B}[0m"))
        let plain = try cli.run(
            ["/usr/bin/script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"], executable: "/usr/bin/env")
        #expect(plain.stdout.contains("Đảng ủy") && !plain.stdout.contains("\u{1B}[1;33m"))
    }

    @Test func badSearchesChangeNothingAndSayWhy() throws {
        let cli = try prepared()
        let before = try cli.databaseBytes()
        let empty = try cli.run(["search", "  "])
        #expect(empty.status == 65 && empty.stderr.contains("Thiếu từ cần tìm"))
        let type = try cli.run(["search", "x", "--type", "ZZ"])
        #expect(type.status == 65 && type.stderr.contains("ZZ"))
        let date = try cli.run(["search", "x", "--from", "31/2/2021"])
        #expect(date.status == 65 && date.stderr.contains("31/2/2021"))
        #expect(try cli.databaseBytes() == before)
    }

    @Test func checkFindsAnIndexEditedBehindItsBack() throws {
        let cli = try prepared()
        #expect(try cli.ok(["check"]).contains("chỉ mục tìm kiếm, dãy số và nhật ký toàn vẹn"))
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER documentSearch_before_update; DROP TRIGGER documentSearch_after_update")
            try db.execute(sql: "UPDATE document SET subject = 'Sửa lén' WHERE number = 2")
        }
        try queue.close()
        let broken = try cli.run(["kiem-tra"])
        #expect(broken.status == 1 && broken.stdout.contains("CHỈ MỤC TÌM KIẾM KHÔNG KHỚP"))
        // The index is mended; the edit itself stays on record: the journal never saw it.
        let rebuilt = try cli.run(["check", "--rebuild-search-index"])
        #expect(rebuilt.status == 1 && rebuilt.stdout.contains("Đã dựng lại") && !rebuilt.stdout.contains("CHỈ MỤC TÌM KIẾM KHÔNG KHỚP"))
        #expect(rebuilt.stdout.contains("VĂN BẢN BỊ SỬA NGOÀI VANTHU: den/2021/2"))
        #expect(try cli.ok(["search", "sua len"]).contains("den/2021/2"))
    }

    @Test func importDryRunThenImportThenRefuseTheSameFileAgain() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let csv = """
            SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2021,,,,
            Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Tên loại và trích yếu nội dung
            (1),(2),(3),(4),(5)
            4/1/2021,1,Sở Nội vụ,12/SNV-VP,Công văn Về việc cử cán bộ
            5/1/2021,2,Ban Tuyên giáo Tỉnh ủy,05-HD/BTGTU,Hướng dẫn tuyên truyền Đại hội
            6/1/2021,4,UBND tỉnh,7/QĐ-UBND,Quyết định giao chỉ tiêu
            6/1/2021,x,UBND tỉnh,8/QĐ-UBND,Quyết định khác

            """
        try csv.write(to: cli.folder.appendingPathComponent("so-den.csv"), atomically: true, encoding: .utf8)
        let before = try cli.databaseBytes()
        let dry = try cli.run(["import", "incoming", "so-den.csv", "--dry-run"])
        #expect(dry.status == 1 && dry.stdout.contains("Dòng 7") && dry.stdout.contains("thiếu số: 3") && dry.stdout.contains("Chưa ghi gì"))
        // 2021 is the register in use: a number missing there would be jumped by live numbering.
        #expect(dry.stdout.contains("sẽ thiếu số 3") && dry.stdout.contains("--allow-gaps"))
        let refused = try cli.run(["nhap", "den", "so-den.csv"])
        #expect(refused.status == 65 && refused.stderr.contains("Dòng 7") && refused.stderr.contains("--skip-bad"))
        let gap = try cli.run(["nhap", "den", "so-den.csv", "--skip-bad"])
        #expect(gap.status == 65 && gap.stderr.contains("sẽ thiếu số 3") && gap.stderr.contains("nhảy lên 5"))
        #expect(try cli.databaseBytes() == before)
        let done = try cli.ok(["import", "incoming", "so-den.csv", "--skip-bad", "--allow-gaps"])
        #expect(done.contains("Đã nhập 3 văn bản, bỏ qua 1 dòng lỗi.") && done.contains("Số tiếp theo: 5."))
        #expect(try cli.ok(["search", "dai hoi"]).contains("den/2021/2"))
        #expect(try cli.ok(["journal"]).contains("import"))
        let again = try cli.run(["import", "incoming", "so-den.csv", "--skip-bad", "--allow-gaps"], environment: ["VANTHU_LANG": "en"])
        #expect(again.status == 0 && again.stdout.contains("Imported 0 documents, 4 bad rows left out.") && again.stdout.contains("imported before?"))
        let missing = try cli.run(["import", "incoming", "khong-co.xlsx"])
        #expect(missing.status == 66 && missing.stderr.contains("khong-co.xlsx"))
    }
}
