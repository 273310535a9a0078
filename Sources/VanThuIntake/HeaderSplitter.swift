import VanThuCore

/// Takes apart a line on which a text extractor has run the two columns of a header or footer
/// together: `SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc`, `Số: 899/STTTT-TTBCBC Kon Tum, ngày …`,
/// `Nơi nhận: KT. GIÁM ĐỐC`, `QUYẾT ĐỊNHVề việc …`. The national motto and the Party's name are
/// dropped; each remaining part becomes a line of its own.
enum HeaderSplitter {
    static func split(_ line: String) -> [String] {
        guard line.utf8.count <= 400 else { return [line] }
        var words = line.splitBytes(0x20)
        if let first = line.first, first.isUppercase {
            // A type name glued to the title can only be among the first words.
            let head = words.prefix(4).flatMap(unglue)
            words = head + words.dropFirst(4)
        }
        if line.utf8.contains(UInt8(ascii: "V")) { words = words.flatMap(ungluedSubjectMarker) }
        let unglued = words.count != line.utf8.reduce(1, { $0 + ($1 == 0x20 ? 1 : 0) })
        var pieces: [Range<Int>] = []
        let tail = authorityTail(words)
        for kept in keptRanges(words) { splitAtAnchors(words, kept, tail: tail, into: &pieces) }
        if !unglued, pieces.count == 1, pieces[0] == 0..<words.count { return [line] }
        return pieces.map { words[$0].joined(separator: " ") }
    }

    /// The national motto, its subtitle and the Party's name, as folded words.
    /// The Đoàn's name stands where the Party's does, on the right of a Đoàn body's header; it
    /// is only taken as such at the end of a line ("ĐOÀN TNCS HỒ CHÍ MINH TỈNH …" is a body).
    private static let mottoes: [(words: [String], upperCase: Bool, endsLine: Bool)] = [
        (["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"], true, false),
        (["doc", "lap", "tu", "do", "hanh", "phuc"], false, false),
        (["dang", "cong", "san", "viet", "nam"], true, false),
        (["doan", "tncs", "ho", "chi", "minh"], true, true),
        (["doan", "thanh", "nien", "cong", "san", "ho", "chi", "minh"], true, true),
    ]

    /// The word ranges left once the mottoes are cut out.
    private static func keptRanges(_ words: [Substring]) -> [Range<Int>] {
        var folded: [String?] = []
        var kept: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < words.count {
            if let length = mottoLength(at: index, words: words, folded: &folded) {
                if index > start { kept.append(start..<index) }
                index += length
                start = index
            } else {
                index += 1
            }
        }
        if words.count > start { kept.append(start..<words.count) }
        return kept
    }

    /// The first words of the mottoes as printed (with and without marks).
    private static let mottoFirstWords: Set<Substring> = ["CỘNG", "CONG", "ĐỘC", "Độc", "DOC", "Doc", "ĐẢNG", "DANG", "ĐOÀN", "DOAN"]

    /// How many words, dashes included, a motto starting at `index` takes. Words are folded only
    /// once a motto's first word stands here.
    private static func mottoLength(at index: Int, words: [Substring], folded: inout [String?]) -> Int? {
        guard let lead = words[index].utf8.first, lead == UInt8(ascii: "C") || lead == UInt8(ascii: "D") || lead == 0xC4,
            mottoFirstWords.contains(words[index])
        else { return nil }
        if folded.isEmpty { folded = [String?](repeating: nil, count: words.count) }
        func fold(_ position: Int) -> String {
            if let known = folded[position] { return known }
            let value = VietnameseText.foldClean(words[position]).filter(\.isLetter)
            folded[position] = value
            return value
        }
        for motto in mottoes where fold(index) == motto.words[0] {
            var matched = 0
            var position = index
            while position < words.count, matched < motto.words.count {
                let word = fold(position)
                if word.isEmpty {
                    position += 1
                    continue
                }  // "-" between the words
                guard word == motto.words[matched] else { break }
                if motto.upperCase, !TextLine.isUpperCase(words[position] + "X") { break }
                matched += 1
                position += 1
            }
            if matched == motto.words.count, !motto.endsLine || position == words.count { return position - index }
        }
        return nil
    }

    private static func splitAtAnchors(_ words: [Substring], _ range: Range<Int>, tail: Int?, into pieces: inout [Range<Int>]) {
        var start = range.lowerBound
        for index in range.dropFirst() where index == tail || startsPiece(at: index, words: words) {
            guard let cut = placeStart(before: index, words: words, from: start) else { continue }
            if cut > start {
                pieces.append(start..<cut)
                start = cut
            }
        }
        pieces.append(start..<range.upperBound)
    }

    /// Whether the word at `index` begins a field of its own. Dispatches on the first byte:
    /// this runs for every word of every short line.
    private static func startsPiece(at index: Int, words: [Substring]) -> Bool {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        guard let lead = word.utf8.first else { return false }
        switch lead {
        case UInt8(ascii: "S"):
            if word == "Số:" || word == "SỐ:" { return true }
            if word == "Số" || word == "SỐ" { return next.map { $0.first?.isNumber == true || $0 == "và" || $0 == ":" } ?? false }
        case 0xC4:  // Đ: the stamp's "ĐẾN", not the word in a title ("VĂN BẢN ĐẾN TRÊN…")
            return (word == "ĐẾN" || word == "ĐẾN:") && IncomingStampReader.followsMark(next)
        case UInt8(ascii: "V"):
            if word == "V/v" || word == "V/V" { return true }
        case UInt8(ascii: "K"):
            if word == "Kính" || word == "KÍNH" { return next.map { VietnameseText.foldClean($0).hasPrefix("gui") } ?? false }
        case UInt8(ascii: "N"):
            if word == "Nơi" || word == "NƠI" { return next.map { VietnameseText.foldClean($0).hasPrefix("nhan") } ?? false }
        case UInt8(ascii: "n"):
            if word == "ngày" {
                return words[index - 1].hasSuffix(",") && (next.map { $0.first?.isNumber == true || $0 == "tháng" } ?? false)
            }
        case UInt8(ascii: "C"):
            if word.hasPrefix("Chuy"), word.hasSuffix(":") { return true }
        case UInt8(ascii: "("):
            if VietnameseText.foldClean(word).hasPrefix("(da") { return true }
        default:
            break
        }
        if let previous = words[index - 1].utf8.last, previous == UInt8(ascii: ")"),
            VietnameseText.foldClean(words[index - 1]).hasSuffix("ky)")
        {
            return true  // after "(Đã ký)"
        }
        guard lead == UInt8(ascii: "T") || lead == UInt8(ascii: "K") || lead == UInt8(ascii: "Q") else { return false }
        return SignatureBlock.isCapacityWord(word) && (next.map { TextLine.isUpperCase($0 + "X") } ?? false)
    }

    /// `… trình bày văn bản hành chính BỘ TRƯỞNG BỘ NỘI VỤ`: the authority that issues a decision,
    /// printed on the line under its title and run onto the title's last line. The index of the
    /// first word of a run of at least two words in capitals ending the line, after a word that
    /// is not in capitals, when the run names an authority; nil otherwise (most lines end in
    /// lower case, a digit or a stop, and the test stops at their last byte).
    private static func authorityTail(_ words: [Substring]) -> Int? {
        // Most lines end in a small letter, a digit or a stop: not in capitals, decided on one byte.
        guard let end = words.last?.utf8.last, !(0x61...0x7A).contains(end), !(0x30...0x39).contains(end),
            ![0x2E, 0x2C, 0x3B, 0x29, 0x3A].contains(end)
        else { return nil }
        var first = words.count
        while first > 0, words[first - 1].first?.isUppercase == true, TextLine.isUpperCase(words[first - 1] + "X") { first -= 1 }
        // The word before is not in capitals (the loop stopped there): "hành chính", "2025".
        guard first >= 1, words.count - first >= 2 else { return nil }
        let tail = TextLine(text: words[first...].joined(separator: " "), rawIndex: 0, blankBefore: false, sameRawLine: false)
        return DocumentReader.Pass.isAuthorityLine(tail) ? first : nil
    }

    /// For a place-date anchor ("ngày" after "Kon Tum,"), the index of the place's first word, or
    /// nil when no place name stands before it (a citation's date); otherwise `index`.
    private static func placeStart(before index: Int, words: [Substring], from start: Int) -> Int? {
        guard words[index] == "ngày" else { return index }
        var first = index
        while first - 1 >= start, index - (first - 1) <= 6, isPlaceWord(words[first - 1], before: words[first...]) {
            first -= 1
        }
        guard first < index, let initial = words[first].first, initial.isUppercase else { return nil }
        return first
    }

    /// A word of a place name as written before the date: `Kon Tum,`, `TP.`, `Thành phố`,
    /// `Bà Rịa - Vũng Tàu`, `Tp.`.
    private static func isPlaceWord(_ word: Substring, before rest: ArraySlice<Substring>) -> Bool {
        guard let initial = word.first else { return false }
        if word == "TP." || word == "Tp." || word == "-" || word == "–" { return true }
        if initial.isUppercase { return !TextLine.isUpperCase(word) }
        // "phố" of "Thành phố", "xã" of "Thị xã", "trấn" of "Thị trấn".
        return ["phố", "xã", "trấn"].contains(word) && rest.first?.first?.isUppercase == true
    }

    /// `1523/UBND-KTTHV/v` → `1523/UBND-KTTH`, `V/v`: a công văn's subject marker glued to the
    /// number above it when the header's left column was flattened.
    private static func ungluedSubjectMarker(_ word: Substring) -> [Substring] {
        guard word.count > 3, word.hasSuffix("V/v") || word.hasSuffix("V/V") else { return [word] }
        let cut = word.index(word.endIndex, offsetBy: -3)
        guard let before = word[..<cut].last, before.isUppercase || before.isNumber else { return [word] }
        return [word[..<cut], word[cut...]]
    }

    /// Splits a word glued to the next one after a type name in capitals: `ĐỊNHVề` → `ĐỊNH`, `Về`;
    /// `CÁOtổng` → `CÁO`, `tổng`. Only the last words of type names are recognised, so that
    /// ký hiệu such as `TTr` or `QĐi` stay whole.
    private static func unglue(_ word: Substring) -> [Substring] {
        guard let lower = word.firstIndex(where: { $0.isLowercase }), lower > word.startIndex,
            TextLine.isUpperCase(word[word.startIndex..<lower] + "X")
        else { return [word] }
        let capitals = word[word.startIndex..<lower]
        let lastCapital = word.index(before: lower)
        if TypeNames.lastWords.contains(VietnameseText.foldClean(word[word.startIndex..<lastCapital])) {
            return [word[word.startIndex..<lastCapital], word[lastCapital...]]
        }
        if TypeNames.lastWords.contains(VietnameseText.foldClean(capitals)) {
            return [capitals, word[lower...]]
        }
        return [word]
    }
}
