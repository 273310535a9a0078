import Foundation
import Testing

@testable import VanThuCore

@Suite struct VietnameseTextTests {
    @Test func foldsMarksCaseAndD() {
        #expect(VietnameseText.fold("Đảng ủy") == "dang uy")
        #expect(VietnameseText.fold("TUYÊN TRUYỀN MIỆNG") == "tuyen truyen mieng")
        #expect(VietnameseText.fold("Nguyễn Văn Đức") == "nguyen van duc")
        let nfd = "Tuye\u{0302}n truye\u{0302}\u{0300}n"
        #expect(VietnameseText.fold(nfd) == "tuyen truyen")
    }

    @Test func cleansSpacesAndComposesNFC() {
        let cleaned = VietnameseText.clean("  Ban\u{00A0}Tuye\u{0302}n\u{200B} giáo \n Tỉnh ủy ")
        #expect(cleaned == "Ban Tuyên giáo Tỉnh ủy")
        #expect(cleaned.unicodeScalars.count == "Ban Tuyên giáo Tỉnh ủy".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func recipientsLoseTheirDashesAndPunctuation() {
        #expect(RecipientList.cleanEntry("- Ban Bí thư Trung ương Đảng (b/c),") == "Ban Bí thư Trung ương Đảng (b/c)")
        #expect(RecipientList.cleanEntry(" - ;") == nil)
        #expect(RecipientList.cleanArchive("- Lưu: VT, TCCB.") == "VT, TCCB")
        #expect(RecipientList.cleanArchive("Lưu Văn phòng Tỉnh ủy.") == "Văn phòng Tỉnh ủy")
        #expect(RecipientList.archiveCopies("VT, TTBCBC") == 2)
        #expect(RecipientList.archiveCopies("VT, TCCB(3)") == 4)
    }

    @Test func nơiNhậnFollowsTheStyle() {
        #expect(
            RecipientList.lines(recipients: ["Như trên"], archive: "VT, TCCB", style: .state) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCCB."])
        #expect(
            RecipientList.lines(recipients: ["Ban Bí thư (b/c)"], archive: "Văn phòng Tỉnh ủy", style: .party) == [
                "Nơi nhận:", "- Ban Bí thư (b/c),", "- Lưu Văn phòng Tỉnh ủy.",
            ])
    }
}
