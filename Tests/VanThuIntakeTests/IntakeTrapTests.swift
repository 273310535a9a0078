import Foundation
import Testing
import VanThuCore

@testable import VanThuIntake

/// Hand-made variants of the ways real text is messy.
@Suite struct IntakeTrapTests {
    static let congVan = """
        UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc
        Số: 899/STTTT-TTBCBC Kon Tum, ngày 10 tháng 8 năm 2021
        V/v báo cáo kết quả thực hiện Quyết định
        số 52/2016/QĐ-TTg của Thủ tướng Chính phủ
        Kính gửi: Ban Tuyên giáo Tỉnh ủy.
        Thực hiện Công văn số 1234/UBND-KGVX ngày 02/8/2021 của Ủy ban nhân dân tỉnh, Sở Thông tin và Truyền thông đề nghị Ban Tuyên giáo Tỉnh ủy báo cáo kết quả.
        Nơi nhận: KT. GIÁM ĐỐC
        - Như trên; PHÓ GIÁM ĐỐC
        - Lưu: VT, TTBCBC.
        (Đã ký)
        Nguyễn Văn Bình
        """

    @Test func flattenedStateHeaderAndFooter() {
        let r = DocumentReader.read(Self.congVan)
        #expect(r.organName == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        #expect(r.parentOrganName == "UBND TỈNH KON TUM")
        #expect(r.notation?.full == "899/STTTT-TTBCBC")
        #expect(r.notation?.notation == "STTTT-TTBCBC")
        #expect(r.place == "Kon Tum")
        #expect(r.issuedDate == LocalDate(year: 2021, month: 8, day: 10))
        #expect(r.typeName == "CÔNG VĂN")
        #expect(r.typeCode == "CV")
        #expect(r.subject == "báo cáo kết quả thực hiện Quyết định số 52/2016/QĐ-TTg của Thủ tướng Chính phủ")
        #expect(r.toPlaces == ["Như trên"])
        #expect(r.archiveCopy == "Lưu: VT, TTBCBC")
        #expect(r.signer == Signer(capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", fullName: "Nguyễn Văn Bình"))
        #expect(r.style == .state)
        // The decision named in the V/v line is the subject's, not a citation.
        #expect(r.references.map(\.notation.full) == ["1234/UBND-KGVX"])
        #expect(r.references.last?.issuedDate == LocalDate(year: 2021, month: 8, day: 2))
    }

    @Test func twoColumnHeaderOnSeparateLines() {
        let text = """
            ỦY BAN NHÂN DÂN
            TỈNH KON TUM
            -------
            Số: 44/2025/QĐ-UBND
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            Kon Tum, ngày 05 tháng 01 năm 2025
            QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc
            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            """
        let r = DocumentReader.read(text)
        #expect(r.organName == "ỦY BAN NHÂN DÂN TỈNH KON TUM")
        #expect(r.parentOrganName == nil)
        #expect(r.notation?.number == "44")
        #expect(r.notation?.notation == "2025/QĐ-UBND")
        #expect(r.issuedDate == LocalDate(year: 2025, month: 1, day: 5))
        #expect(r.typeName == "QUYẾT ĐỊNH")
        #expect(r.typeCode == "QĐ")
        #expect(r.subject == "Về việc ban hành Quy chế làm việc")
    }

    @Test func gluedTypeNameAndLowerCaseTitle() {
        let r = DocumentReader.read("TỈNH ỦY KON TUM\n*\nSố 5-BC/TU\nBÁO CÁOtổng kết công tác năm 2021\nThực hiện chương trình công tác...")
        #expect(r.typeName == "BÁO CÁO")
        #expect(r.subject == "tổng kết công tác năm 2021")
        #expect(r.organName == "TỈNH ỦY KON TUM")
    }

    @Test func decomposedUnicodeReadsLikeComposed() throws {
        let composed = try SeedDocumentTests.seed("000_")
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(DocumentReader.read(decomposed) == DocumentReader.read(composed))
    }

    @Test func invisibleAndNoBreakSpaces() {
        let r = DocumentReader.read(
            "SỞ\u{00A0}NỘI\u{00A0}VỤ\nSố:\u{00A0}15/QĐ\u{200B}-SNV\nKon\u{00A0}Tum, ngày\u{202F}3 tháng 3 năm 2021\nQUYẾT ĐỊNH\nVề việc\u{200B} khen thưởng"
        )
        #expect(r.organName == "SỞ NỘI VỤ")
        #expect(r.notation?.full == "15/QĐ-SNV")
        #expect(r.place == "Kon Tum")
        #expect(r.issuedDate == LocalDate(year: 2021, month: 3, day: 3))
        #expect(r.subject == "Về việc khen thưởng")
    }

    @Test func cyrillicLettersAndOddDashesInTheNotation() {
        // "ВС" below is Cyrillic Ve and Es.
        let r = DocumentReader.read("HUYỆN ỦY ĐĂK HÀ\nSố 27 – ВС / HU\nĐăk Hà, ngày 16 tháng 8 năm 2021\nBÁO CÁO\nkết quả công tác")
        #expect(r.notation?.full == "27-BC/HU")
        #expect(r.typeCode == "BC")
        #expect(r.organName == "HUYỆN ỦY ĐĂK HÀ")
        #expect(r.place == "Đăk Hà")
    }

    @Test func webBannerBeforeTheDocument() {
        let text =
            "Trang chủ | Văn bản | Liên hệ\nĐăng nhập\nChi tiết văn bản\n" + Self.congVan
            + "\nBản quyền © Sở Thông tin và Truyền thông\nLượt truy cập: 12345"
        let r = DocumentReader.read(text)
        #expect(r.organName == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        #expect(r.notation?.full == "899/STTTT-TTBCBC")
        #expect(r.signer?.fullName == "Nguyễn Văn Bình")
    }

    @Test func appendixAfterTheSignature() {
        let text = """
            HUYỆN ỦY ĐĂK HÀ
            *
            Số 30-KH/HU
            Đăk Hà, ngày 01 tháng 9 năm 2021
            KẾ HOẠCH
            tuyên truyền Quốc khánh
            Căn cứ Hướng dẫn số 155-HD/BTGTW, ngày 14-5-2021 của Ban Tuyên giáo Trung ương.
            Nơi nhận:
            - Ban Tuyên giáo Tỉnh ủy (b/c),
            - Lưu Văn phòng Huyện ủy.
            T/M BAN THƯỜNG VỤ
            BÍ THƯ
            (Đã ký)
            Lê Văn Minh
            PHỤ LỤC
            DANH SÁCH CÁC CƠ QUAN
            (Kèm theo Kế hoạch số 30-KH/HU)
            Nguyễn Văn Tư
            - Huyện đoàn,
            """
        let r = DocumentReader.read(text)
        #expect(r.toPlaces == ["Ban Tuyên giáo Tỉnh ủy (b/c)"])
        #expect(r.archiveCopy == "Lưu Văn phòng Huyện ủy")
        #expect(r.signer == Signer(capacity: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ", fullName: "Lê Văn Minh"))
        #expect(r.references.map(\.notation.full) == ["155-HD/BTGTW"])
    }

    @Test func urgencyAndSecrecyMarks() {
        let r = DocumentReader.read("BỘ NỘI VỤ\nSố: 12/BNV-VP\nHà Nội, ngày 03 tháng 4 năm 2018\nTHƯỢNG KHẨN\nTỐI MẬT\nV/v triển khai công tác")
        #expect(r.urgency == .thuongKhan)
        #expect(r.secrecy == .toiMat)
        #expect(r.place == "Hà Nội")
        #expect(r.subject == "triển khai công tác")
        let plain = DocumentReader.read("BỘ NỘI VỤ\nSố: 12/BNV-VP\nV/v khẩn trương triển khai công tác bảo mật")
        #expect(plain.urgency == nil && plain.secrecy == nil)
    }

    @Test func stampRunOntoOneLine() {
        let r = DocumentReader.read(
            "SỞ NỘI VỤ Số: 45 ĐẾN Ngày: 20/8/21 Chuyển: Phòng CCVC Số và ký hiệu HS: 01.TCCB\nBỘ NỘI VỤ\nSố: 12/BNV-VP\nV/v triển khai")
        #expect(
            r.incomingStamp
                == IncomingStamp(
                    organName: "SỞ NỘI VỤ", number: "45", date: LocalDate(year: 2021, month: 8, day: 20), handler: "Phòng CCVC",
                    fileNotation: "01.TCCB"))
        #expect(r.notation?.full == "12/BNV-VP")
        #expect(r.organName == "BỘ NỘI VỤ")
    }

    /// "ĐẾN" in a title in capitals is a word, not the stamp; the title keeps all its lines.
    @Test func upperCaseTitleOverSeveralLines() {
        let text = """
            UBND TỈNH KON TUM
            SỞ THÔNG TIN VÀ TRUYỀN THÔNG
            Số: 15 /QĐ-STTTT
            Kon Tum, ngày 29/10/2020
            QUYẾT ĐỊNH
            BAN HÀNH QUY CHẾ TIẾP NHẬN, XỬ LÝ
            VĂN BẢN ĐẾN TRÊN HỆ THỐNG
            GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG
            Căn cứ Quyết định số 12/2019/QĐ-UBND ngày 01/4/2019 của UBND tỉnh;
            Nơi nhận:
            - Như Điều 3;
            - Lưu: VT, VP.
            GIÁM ĐỐC
            (Ký tên, đóng dấu)
            Nguyễn Văn Bình
            """
        let r = DocumentReader.read(text)
        #expect(r.subject == "BAN HÀNH QUY CHẾ TIẾP NHẬN, XỬ LÝ VĂN BẢN ĐẾN TRÊN HỆ THỐNG")
        #expect(r.incomingStamp == nil)
        #expect(r.notation?.full == "15/QĐ-STTTT")
        #expect(r.issuedDate == LocalDate(year: 2020, month: 10, day: 29))
        #expect(r.signer == Signer(capacity: nil, position: "GIÁM ĐỐC", fullName: "Nguyễn Văn Bình"))
        #expect(r.references.first?.issuedDate == LocalDate(year: 2019, month: 4, day: 1))
    }

    @Test func signerNameInCapitalsAndNoRecipientHeading() {
        let text = "SỞ Y TẾ\nSố: 7/TB-SYT\nTHÔNG BÁO\nlịch làm việc\nNội dung thông báo như sau.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNGUYỄN VĂN AN"
        let r = DocumentReader.read(text)
        #expect(r.signer == Signer(capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", fullName: "NGUYỄN VĂN AN"))
        #expect(r.toPlaces.isEmpty)
        #expect(r.typeCode == "TB")
    }

    @Test(arguments: ["", "   \n\n\t ", "Không phải văn bản.", "Số:", "ĐẾN", "Nơi nhận:", "- Lưu", "12-", "/QĐ-UBND"])
    func nearlyEmptyTextGivesNothing(_ text: String) {
        let r = DocumentReader.read(text)
        #expect(r.organName == nil && r.notation == nil && r.subject == nil && r.issuedDate == nil && r.signer == nil)
        #expect(r.references.isEmpty)
    }

    @Test func impossibleDatesAreNotGuessed() {
        let r = DocumentReader.read(
            "SỞ NỘI VỤ\nSố: 1/SNV-VP\nKon Tum, ngày 31 tháng 02 năm 2021\nV/v thử\nTheo Kế hoạch số 5-KH/TU, ngày 30-02-2020 của Tỉnh ủy.")
        #expect(r.issuedDate == nil)
        #expect(r.references.first?.notation.full == "5-KH/TU")
        #expect(r.references.first?.issuedDate == nil)
    }

    @Test func bytesInOtherEncodings() {
        let text = "SỞ NỘI VỤ\nSố: 15/QĐ-SNV\nQUYẾT ĐỊNH\nVề việc khen thưởng"
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(text.data(using: .utf16LittleEndian) ?? Data())
        #expect(DocumentReader.read(data: utf16) == DocumentReader.read(text))
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        #expect(DocumentReader.read(data: bom).organName == "SỞ NỘI VỤ")
    }
}
