import Foundation
import Testing
import VanThuCore

@testable import VanThuIntake

/// The four real documents of `../shared/seeds` (copied into `Seeds/`), field by field. The
/// expected values were written by hand from the text.
@Suite struct SeedDocumentTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Seeds")

    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.sorted().first(where: { $0.hasPrefix(prefix) }))
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func read(_ prefix: String) throws -> IntakeResult { DocumentReader.read(try seed(prefix)) }

    static func date(_ iso: String) -> LocalDate? { LocalDate.parse(iso) }

    static func citations(_ result: IntakeResult) -> [String] {
        result.references.map { "\($0.typeName ?? "-") \($0.notation.full) \($0.issuedDate?.iso ?? "-")" }
    }

    @Test func partyReportWithAsteriskAndTabs() throws {
        let r = try Self.read("000_")
        #expect(r.organName == "TỈNH ỦY KON TUM")
        #expect(r.parentOrganName == nil)
        #expect(r.notation?.number == "12")
        #expect(r.notation?.notation == "BC/TU")
        #expect(r.notation?.full == "12-BC/TU")
        #expect(r.typeName == "BÁO CÁO")
        #expect(r.typeCode == "BC")
        #expect(r.place == "Kon Tum")
        #expect(r.issuedDate == Self.date("2020-10-29"))
        #expect(r.subject == "tổng kết 10 năm thực hiện Quy chế cung cấp thông tin phục vụ công tác tuyên truyền miệng của Đảng")
        #expect(r.toPlaces == ["Ban Bí thư Trung ương Đảng (b/c)", "Ban Tuyên giáo Trung ương (b/c)", "Ban Tuyên giáo Tỉnh ủy"])
        #expect(r.archiveCopy == "Lưu Văn phòng Tỉnh ủy")
        #expect(r.signer == nil)
        #expect(r.urgency == nil && r.secrecy == nil && r.incomingStamp == nil)
        #expect(r.style == .party)
        #expect(
            Self.citations(r) == [
                "Kế hoạch 432-KH/BTGTW 2020-10-01", "Quyết định 340-QĐ/TW 2010-12-03", "Quyết định 22-QĐ/TU 2011-03-09",
            ])
    }

    /// A web page about a report: no header, no number, no signature. Nothing is invented.
    @Test func webPageHasNoDocumentFields() throws {
        let r = try Self.read("001_")
        #expect(r.organName == nil)
        #expect(r.parentOrganName == nil)
        #expect(r.notation == nil)
        #expect(r.typeName == nil)
        #expect(r.typeCode == nil)
        #expect(r.place == nil)
        #expect(r.issuedDate == nil)
        #expect(r.subject == nil)
        #expect(r.toPlaces.isEmpty)
        #expect(r.archiveCopy == nil)
        #expect(r.signer == nil)
        #expect(r.incomingStamp == nil)
        #expect(
            Self.citations(r) == [
                "Quyết định 340-QĐ/TW 2010-12-03", "Chỉ thị 17-CT/TW 2007-10-15", "Báo cáo 04-BC/TU 2020-10-30",
            ])
    }

    /// A plan without header or number, the signature block in markdown bold.
    @Test func planWithoutHeader() throws {
        let r = try Self.read("002_")
        #expect(r.organName == nil)
        #expect(r.notation == nil)
        #expect(r.typeName == "KẾ HOẠCH")
        #expect(r.typeCode == "KH")
        #expect(r.place == nil)
        #expect(r.issuedDate == nil)
        #expect(
            r.subject
                == "CỦA BAN THƯỜNG VỤ TỈNH ỦY thực hiện Chỉ thị số 30-CT/TW của Ban Bí thư Trung ương Đảng \"về công tác tuyên truyền miệng trong tình hình mới\""
        )
        #expect(
            r.toPlaces == [
                "Ban Bí thư Trung ương Đảng (b/c)", "Ban Tuyên giáo Trung ương (b/c)",
                "Cơ quan TT Ban Tuyên giáo Trung ương khu vực miền Trung - Tây Nguyên", "Các cơ quan tham mưu, giúp việc Tỉnh ủy",
                "Các ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn", "Các huyện, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
                "Các đ/c Ủy viên Ban Thường vụ Tỉnh ủy",
            ])
        #expect(r.archiveCopy == "Lưu Văn phòng Tỉnh ủy")
        #expect(r.signer == Signer(capacity: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ", fullName: "U Huấn"))
        #expect(r.style == .party)
        #expect(Self.citations(r) == ["Chỉ thị 30-CT/TW 2024-02-05", "Hướng dẫn 155-HD/BTGTW 2024-05-14"])
    }

    /// A report with the receiving agency's ĐẾN stamp run into its header.
    @Test func reportWithIncomingStamp() throws {
        let r = try Self.read("003_")
        #expect(r.organName == nil)
        #expect(r.notation?.full == "85-BC/BTGTU")
        #expect(r.notation?.notation == "BC/BTGTU")
        #expect(r.typeName == "BÁO CÁO")
        #expect(r.typeCode == "BC")
        #expect(r.issuedDate == nil)
        #expect(
            r.subject
                == "Kết quả triển khai, thực hiện Kế hoạch số 81-KH/TU, ngày 05-7-2017 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 07-CT/TW của Ban Bí thư “về đẩy mạnh công tác thông tin cơ sở trong tình hình mới”"
        )
        #expect(r.incomingStamp == IncomingStamp(organName: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", number: "783", date: Self.date("2021-08-20")))
        #expect(r.toPlaces == ["Sở Thông tin và Truyền thông", "Phòng Tuyên truyền"])
        #expect(r.archiveCopy == "Lưu VT")
        #expect(r.signer == Signer(capacity: "K/T TRƯỞNG BAN", position: "PHÓ TRƯỞNG BAN", fullName: "Nguyễn Thiện Cẩm"))
        // The trích yếu's documents are not citations of it; cited again in the body, they are,
        // in the order the body names them.
        let cited = Self.citations(r)
        #expect(
            cited.prefix(6) == [
                "Công văn 899/STTTT-TTBCBC 2021-08-10", "Quyết định 52/2016/QĐ-TTg 2016-12-06", "Kế hoạch 81-KH/TU 2017-07-05",
                "Hướng dẫn 31-HD/BTGTW 2017-04-20", "Chỉ thị 07-CT/TW -", "Quyết định 2466-QĐ/TU 2020-10-07",
            ])
        #expect(cited.contains("Chỉ thị 07-CT/TU 2021-06-04"))
        #expect(cited.contains("Kết luận 51-KL/TW 2019-05-30"))
        #expect(cited.last == "Kế hoạch 46-KH/BTGTU 2021-06-08")
        #expect(!cited.contains { $0.contains("85-BC/BTGTU") })
    }

    static let shared = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// The copies in `Seeds/` are the shared seeds, byte for byte.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.path), "../shared/seeds is not present"))
    func copiesMatchTheSharedSeeds() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.shared.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count == 4)
        for name in names {
            let ours = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            #expect(ours == (try Data(contentsOf: Self.shared.appendingPathComponent(name))), "\(name)")
        }
    }
}
