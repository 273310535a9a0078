import Foundation
import Testing

/// `vanthu intake` and `vanthu incoming add --from-text`, as real processes on the samples.
@Suite struct IntakeCommandTests {
    static let samples = CLI.root.appendingPathComponent("samples")
    static let seeds = CLI.root.appendingPathComponent("Tests/VanThuIntakeTests/Seeds")

    static func seed(_ prefix: String) throws -> String {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) })
        return seeds.appendingPathComponent(name).path
    }

    @Test func jsonFollowsTheContract() throws {
        let cli = try CLI()
        let r = try #require(try cli.json(["intake", try Self.seed("003_")]) as? [String: Any])
        let keys = [
            "organName", "parentOrganName", "codeNumber", "codeNotation", "fullNotation", "typeName", "typeCode", "place", "issuedDate",
            "subject", "toPlaces", "archiveCopy", "signer", "urgency", "secrecy", "incomingStamp", "references",
        ]
        for key in keys { #expect(r.keys.contains(key), "missing \(key)") }
        #expect(r["organName"] is NSNull)
        #expect(r["codeNumber"] as? String == "85")
        #expect(r["codeNotation"] as? String == "BC/BTGTU")
        #expect(r["fullNotation"] as? String == "85-BC/BTGTU")
        #expect(r["typeName"] as? String == "BÁO CÁO")
        #expect(r["toPlaces"] as? [String] == ["Sở Thông tin và Truyền thông", "Phòng Tuyên truyền"])
        #expect(r["archiveCopy"] as? String == "Lưu VT")
        let signer = try #require(r["signer"] as? [String: Any])
        #expect(signer["capacity"] as? String == "K/T TRƯỞNG BAN")
        #expect(signer["fullName"] as? String == "Nguyễn Thiện Cẩm")
        let stamp = try #require(r["incomingStamp"] as? [String: Any])
        #expect(stamp["number"] as? String == "783")
        #expect(stamp["date"] as? String == "2021-08-20")
        #expect(stamp["handler"] is NSNull)
        let references = try #require(r["references"] as? [[String: Any]])
        // The trích yếu's plan is not a citation of it; the body cites the công văn first.
        #expect(references.first?["fullNotation"] as? String == "899/STTTT-TTBCBC")
        #expect(references.first?["issuedDate"] as? String == "2021-08-10")
        #expect(references.first?["typeName"] as? String == "Công văn")
        let plan = try #require(references.first { $0["fullNotation"] as? String == "81-KH/TU" })
        #expect(plan["issuedDate"] as? String == "2017-07-05")
        #expect(plan["typeName"] as? String == "Kế hoạch")
    }

    @Test func readsStandardInputAndShowsFieldByField() throws {
        let cli = try CLI()
        let text = try Data(contentsOf: Self.samples.appendingPathComponent("cong-van-nha-nuoc.txt"))
        let result = try cli.run(["intake", "-"], input: text)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Số, ký hiệu: 1432/SNV-CCVC"))
        #expect(result.stdout.contains("Tên loại: CÔNG VĂN (CV)"))
        #expect(result.stdout.contains("Cơ quan chủ quản: UBND TỈNH KON TUM"))
        let web = try cli.run(["intake", try Self.seed("001_")], environment: ["VANTHU_LANG": "en"])
        #expect(web.stdout.contains("Number and notation: (not found)"))
    }

    @Test func missingOrUnreadableFileIsAClearError() throws {
        let cli = try CLI()
        let missing = try cli.run(["intake", "khong-co.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("Không tìm thấy tệp “khong-co.txt”"))
        #expect(!missing.stderr.contains("Error:"))
        let folder = try cli.run(["intake", "."], environment: ["VANTHU_LANG": "en"])
        #expect(folder.status != 0)
        #expect(folder.stderr.contains("is a folder"))
        let pdf = cli.folder.appendingPathComponent("cong-van.pdf")
        try Data("%PDF-1.7\n\u{0}\u{1}binary".utf8).write(to: pdf)
        let binary = try cli.run(["intake", pdf.path])
        #expect(binary.status == 65)
        #expect(binary.stderr.contains("bị hỏng"), "a file that says it is a PDF is read as one, and this one is damaged")
        #expect(binary.stdout.isEmpty)
    }

    @Test func aBadFileRegistersNothing() throws {
        let cli = try CLI()
        try cli.initState()
        let before = try cli.databaseBytes()
        let pdf = cli.folder.appendingPathComponent("cong-van.pdf")
        try Data("%PDF-1.7\n\u{0}\u{1}binary".utf8).write(to: pdf)
        for path in [pdf.path, "khong-co.txt", "."] {
            let refused = try cli.run(["incoming", "add", "--from-text", path, "--issuer", "Sở Nội vụ", "--summary", "V/v thử"])
            #expect(refused.status != 0, "\(path)")
            #expect(!refused.stderr.isEmpty)
        }
        #expect(try cli.databaseBytes() == before)
    }

    @Test func registersFromTheTextAndKeepsTheCitations() throws {
        let cli = try CLI()
        try cli.initState()
        // The cited plan is registered first, so that `show` can say it is in the registry.
        _ = try cli.ok([
            "den", "them", "--issuer", "Tỉnh ủy Kon Tum", "--symbol", "81-KH/TU", "--date", "5/7/2017", "--summary", "Kế hoạch thực hiện Chỉ thị 07",
            "--received", "1/8/2021",
        ])
        let stamp = try cli.ok([
            "incoming", "add", "--from-text", try Self.seed("003_"), "--issuer", "Ban Tuyên giáo Tỉnh ủy", "--handler", "Phòng Tuyên truyền",
        ])
        // The ĐẾN stamp on the document is the agency's own: its date is the arrival date.
        #expect(stamp.contains("Ngày: 20/8/2021"))
        #expect(stamp.contains("Chuyển: Phòng Tuyên truyền"))
        let shown = try #require(try cli.json(["show", "den/2021/2"]) as? [String: Any])
        #expect(shown["fullNotation"] as? String == "85-BC/BTGTU")
        #expect(shown["organName"] as? String == "Ban Tuyên giáo Tỉnh ủy")
        #expect((shown["subject"] as? String)?.hasPrefix("Kết quả triển khai, thực hiện Kế hoạch số 81-KH/TU") == true)
        #expect((shown["signer"] as? [String: Any])?["fullName"] as? String == "Nguyễn Thiện Cẩm")
        let references = try #require(shown["references"] as? [[String: Any]])
        #expect(references.count == 20)
        let registered = references.filter { !($0["registered"] is NSNull) }
        #expect(registered.count == 1)
        #expect(registered.first?["fullNotation"] as? String == "81-KH/TU")
        #expect(registered.first?["registered"] as? String == "den/2021/1")
        let text = try cli.ok(["show", "den/2021/2"])
        #expect(text.contains("Kế hoạch 81-KH/TU, ngày 5/7/2017 (đã vào sổ: den/2021/1)"))
        #expect(text.contains("Chỉ thị 07-CT/TW (chưa có trong sổ)"))
        let journal = try cli.ok(["journal", "--json"])
        #expect(journal.contains("references"))
    }

    @Test func aFieldTheTextLacksMustBeGivenAndNothingIsWritten() throws {
        let cli = try CLI()
        try cli.initState()
        let before = try cli.databaseBytes()
        let refused = try cli.run(["incoming", "add", "--from-text", try Self.seed("003_")])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("Không tìm thấy cơ quan ban hành"))
        #expect(refused.stderr.contains("--issuer"))
        #expect(try cli.databaseBytes() == before)
        let web = try cli.run(
            ["incoming", "add", "--from-text", try Self.seed("001_"), "--issuer", "Tỉnh ủy Quảng Nam"], environment: ["VANTHU_LANG": "en"])
        #expect(web.status == 65)
        #expect(web.stderr.contains("No summary (trích yếu) found"))
    }

    @Test func flagsOverrideWhatTheTextSays() throws {
        let cli = try CLI()
        try cli.initState()
        _ = try cli.ok([
            "incoming", "add", "--from-text", Self.samples.appendingPathComponent("quyet-dinh-khan.txt").path,
            "--summary", "Thành lập Tổ công tác an toàn thông tin", "--received", "24/8/2021",
        ])
        let shown = try #require(try cli.json(["show", "den/2021/1"]) as? [String: Any])
        #expect(shown["subject"] as? String == "Thành lập Tổ công tác an toàn thông tin")
        #expect(shown["urgency"] as? String == "KHẨN")
        #expect(shown["organName"] as? String == "ỦY BAN NHÂN DÂN TỈNH KON TUM")
        #expect(shown["typeCode"] as? String == "QĐ")
        #expect(shown["issuedDate"] as? String == "2021-08-24")
    }
}
