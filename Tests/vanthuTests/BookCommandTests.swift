import Foundation
import Testing
import VanThuTestSupport

/// `vanthu register close | new-volume | annotate` as a clerk runs them: real processes, the
/// database compared byte for byte after each refusal.
@Suite struct BookCommandTests {
    @Test func aClerkClosesTheBookAndItRefusesChanges() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        for number in 1...3 {
            _ = try cli.ok([
                "den", "them", "--issuer", "Sở Nội vụ", "--symbol", "\(number)/SNV-VP", "--summary", "V/v số \(number)", "--received", "20/8/2021",
            ])
        }
        // A workbook is not a closed book: refused before anything is written.
        var before = try cli.databaseBytes()
        let wrongFormat = try cli.refusal(["register", "close", "den", "--year", "2021", "-o", "so.xlsx"])
        #expect(wrongFormat.status == 65 && wrongFormat.code == "export.unsupportedOutput")
        #expect(try cli.databaseBytes() == before)

        let closed =
            try cli.json(["so", "dong-so", "den", "--year", "2021", "-o", "so-den-2021.pdf", "--signer", "Nguyễn Thị Lan"]) as? [String: String]
        let pdf = cli.folder.appendingPathComponent("so-den-2021.pdf")
        let digest = try Process.output("/usr/bin/env", ["sha256sum", pdf.path]).prefix(64)
        #expect(closed?["pages"] == "1" && closed?["entries"] == "3" && closed?["pdfSHA256"] == String(digest))
        #expect(try cli.ok(["register", "list"]).contains("đã đóng sổ"))

        before = try cli.databaseBytes()
        for (arguments, code) in [
            (
                ["den", "them", "--issuer", "Sở Nội vụ", "--symbol", "9/SNV-VP", "--summary", "V/v mới", "--received", "31/12/2021"],
                "registry.registerClosed"
            ),
            (["edit", "den/2021/2", "--summary", "V/v khác"], "book.closed"),
            (["void", "den/2021/2", "--reason", "Thử hủy sau khi đóng sổ"], "book.closed"),
            (["register", "close", "den", "--year", "2021", "-o", "lai.pdf"], "book.alreadyClosed"),
        ] {
            let refused = try cli.refusal(arguments)
            #expect(refused.status == 65 && refused.code == code, "\(arguments)")
        }
        #expect(try cli.databaseBytes() == before)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("lai.pdf").path))
        let message = try cli.run(["edit", "den/2021/2", "--summary", "V/v khác"])
        #expect(message.stderr.contains("đã đóng sổ") && message.stderr.contains("vanthu register annotate den/2021/2"))
        let english = try cli.run(["edit", "den/2021/2", "--summary", "V/v khác"], environment: ["VANTHU_LANG": "en"])
        #expect(english.stderr.contains("is closed"))

        // The correction, then the next volume: numbers go on.
        #expect(
            try cli.ok(["register", "dinh-chinh", "den/2021/2", "--note", "Số ký hiệu đúng là 2/SNV-TCCB"]).contains("Đính chính ngày 31/12/2021"))
        #expect(try cli.ok(["register", "mo-quyen", "den"]).contains("quyển số 2"))
        let next = try cli.json(["den", "them", "--issuer", "Sở Nội vụ", "--symbol", "9/SNV-VP", "--summary", "V/v mới", "--received", "31/12/2021"])
        #expect((next as? [String: Any])?["number"] as? Int == 4)
        let several = try cli.refusal(["export", "so-den", "--year", "2021", "-o", "tat-ca.pdf"])
        #expect(several.status == 65 && several.code == "export.severalVolumes")
        _ = try cli.ok(["export", "so-den", "--year", "2021", "--volume", "2", "-o", "quyen-2.pdf"])
        #expect(try cli.ok(["journal", "verify"]).contains("toàn vẹn"))
    }
}
