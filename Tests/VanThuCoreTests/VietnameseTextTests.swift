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

    @Test func aPrefixCutOnTheBytesIsTheCharactersPrefix() {
        let texts = [
            "", "abc", "Quyết định về việc thành lập Tổ công tác", "Đảng ủy khối — “Báo cáo” … 2021",
            "e\u{301}", "Tie\u{302}\u{301}ng Vie\u{323}t", "dòng một\r\ndòng hai", "a\u{200D}b", "x\u{200C}y z",
            "👩\u{200D}💻 lập trình", "中文 và tiếng Việt", "\u{2028}tách\u{2029}", "ạ",
        ]
        for text in texts {
            for count in 0...(text.unicodeScalars.count + 2) {
                #expect(VietnameseText.prefix(text, characters: count) == String(text.prefix(count)), "\(text.debugDescription) \(count)")
            }
        }
    }
}

extension VietnameseTextTests {
    /// The trimming's shortcut (no space at either end) gives what Foundation's trimming gives,
    /// whatever the ends hold: a letter outside ASCII, a combining mark, a no-break or an
    /// ideographic space, a tab, a line break (not a space for `.whitespaces`).
    @Test func trimmingSpacesIsFoundationsTrimming() {
        let ends = ["", " ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2009}", "\u{202F}", "ụ", "u\u{323}", "\u{301}", "Đ", "a", "1", "“"]
        for start in ends {
            for end in ends {
                let text = start + "Sở Nội vụ" + end
                #expect(VietnameseText.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
                #expect(VietnameseText.trimmingSpaces(start + end) == (start + end).trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// A line feed is found wherever it stands, in short texts (kept inside the string) and
    /// long ones, at the first and last byte, after multi-byte letters; a text without one,
    /// the empty text included, holds none.
    @Test func aLineFeedIsFoundWhereverItStands() {
        #expect(!VietnameseText.holdsLineFeed(""))
        #expect(!VietnameseText.holdsLineFeed("Công văn số 15/QĐ-UBND\tkhẩn\r"))
        for base in ["ệ", "a", String(repeating: "Nguyễn Văn Ân ", count: 40)] {
            let characters = Array(base)
            for offset in 0...characters.count {
                var text = characters
                text.insert("\n", at: offset)
                #expect(VietnameseText.holdsLineFeed(String(text)), "\(offset) in \(base.prefix(10))")
            }
            #expect(!VietnameseText.holdsLineFeed(base))
        }
    }

    /// The word-at-a-time scan says what a scan of the scalars says, whatever the control's
    /// place in its word of eight bytes: every invisible control, carriage return, vertical tab
    /// and form feed found, at every offset, and nothing else taken for one (line breaks, tabs,
    /// Vietnamese letters, dashes and marks whose bytes start like a direction mark's).
    @Test func controlsAreFoundAtEveryPlaceOfAWord() {
        func holdsControl(_ text: String) -> Bool {
            text.unicodeScalars.contains { VietnameseText.isInvisibleControl($0.value) || [0x0B, 0x0C, 0x0D].contains($0.value) }
        }
        let controls: [Unicode.Scalar] = [
            "\u{0}", "\u{8}", "\u{B}", "\u{C}", "\r", "\u{E}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{61C}",
            "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
        ]
        let clean: [Unicode.Scalar] = [
            "a", " ", "\n", "\t", "~", "\u{A0}", "\u{C2}", "ơ", "ạ", "ự", "Đ", "\u{2013}", "\u{2026}", "\u{200D}", "\u{2029}", "\u{202F}",
            "\u{2065}", "\u{206A}", "\u{61B}", "\u{300}", "“",
        ]
        var random = SystemRandomNumberGenerator()
        for control in controls {
            for offset in 0..<24 {
                var scalars = String.UnicodeScalarView()
                while String(scalars).utf8.count < offset { scalars.append(clean.randomElement(using: &random) ?? "a") }
                scalars.append(control)
                for _ in 0..<Int.random(in: 0..<12, using: &random) { scalars.append(clean.randomElement(using: &random) ?? "a") }
                let text = String(scalars)
                #expect(VietnameseText.mayHoldControls(text), "\(text.debugDescription)")
            }
        }
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &random) { scalars.append(clean.randomElement(using: &random) ?? "a") }
            if Bool.random(using: &random) { scalars.append(controls.randomElement(using: &random) ?? "\u{0}") }
            for _ in 0..<Int.random(in: 0..<40, using: &random) { scalars.append(clean.randomElement(using: &random) ?? "a") }
            let text = String(scalars)
            #expect(VietnameseText.mayHoldControls(text) == holdsControl(text), "\(text.debugDescription)")
        }
    }
}
