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
        let unglued = words.count != line.utf8.reduce(1, { $0 + ($1 == 0x20 ? 1 : 0) })
        var pieces: [Range<Int>] = []
        for kept in keptRanges(words) { splitAtAnchors(words, kept, into: &pieces) }
        if !unglued, pieces.count == 1, pieces[0] == 0..<words.count { return [line] }
        return pieces.map { words[$0].joined(separator: " ") }
    }

    /// The national motto, its subtitle and the Party's name, as folded words.
    private static let mottoes: [(words: [String], upperCase: Bool)] = [
        (["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"], true),
        (["doc", "lap", "tu", "do", "hanh", "phuc"], false),
        (["dang", "cong", "san", "viet", "nam"], true),
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
    private static let mottoFirstWords: Set<Substring> = ["CỘNG", "CONG", "ĐỘC", "Độc", "DOC", "Doc", "ĐẢNG", "DANG"]

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
            if matched == motto.words.count { return position - index }
        }
        return nil
    }

    private static func splitAtAnchors(_ words: [Substring], _ range: Range<Int>, into pieces: inout [Range<Int>]) {
        var start = range.lowerBound
        for index in range.dropFirst() where startsPiece(at: index, words: words) {
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
            return word == "V/v" || word == "V/V"
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

    /// For a place-date anchor ("ngày" after "Kon Tum,"), the index of the place's first word, or
    /// nil when no place name stands before it (a citation's date); otherwise `index`.
    private static func placeStart(before index: Int, words: [Substring], from start: Int) -> Int? {
        guard words[index] == "ngày" else { return index }
        var first = index
        while first - 1 >= start, index - (first - 1) <= 5,
            let initial = words[first - 1].first, initial.isUppercase, !TextLine.isUpperCase(words[first - 1])
        {
            first -= 1
        }
        return first == index ? nil : first
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
