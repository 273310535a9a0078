import VanThuCore

/// Takes apart a line on which a text extractor has run the two columns of a header or footer
/// together: `SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc`, `Số: 899/STTTT-TTBCBC Kon Tum, ngày …`,
/// `Nơi nhận: KT. GIÁM ĐỐC`, `QUYẾT ĐỊNHVề việc …`. The national motto and the Party's name are
/// dropped; each remaining part becomes a line of its own.
enum HeaderSplitter {
    static func split(_ line: String) -> [String] {
        guard line.utf8.count <= 400 else { return [line] }
        var words = line.split(separator: " ").flatMap(unglue)
        var pieces: [String] = []
        removeMottoes(&words, into: &pieces)
        return pieces
    }

    /// The national motto, its subtitle and the Party's name, as folded words.
    private static let mottoes: [(words: [String], upperCase: Bool)] = [
        (["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"], true),
        (["doc", "lap", "tu", "do", "hanh", "phuc"], false),
        (["dang", "cong", "san", "viet", "nam"], true),
    ]

    /// Cuts the mottoes out of `words`, splits what is left at the anchors, appends the pieces.
    private static func removeMottoes(_ words: inout [Substring], into pieces: inout [String]) {
        let folded = words.map { VietnameseText.fold(String($0)).filter(\.isLetter) }
        var start = 0
        var index = 0
        while index < words.count {
            if let length = mottoLength(at: index, words: words, folded: folded) {
                splitAtAnchors(Array(words[start..<index]), into: &pieces)
                index += length
                start = index
            } else {
                index += 1
            }
        }
        splitAtAnchors(Array(words[start..<words.count]), into: &pieces)
    }

    /// How many words, dashes included, a motto starting at `index` takes.
    private static func mottoLength(at index: Int, words: [Substring], folded: [String]) -> Int? {
        guard !folded[index].isEmpty else { return nil }
        for motto in mottoes where folded[index] == motto.words[0] {
            var matched = 0
            var position = index
            while position < words.count, matched < motto.words.count {
                if folded[position].isEmpty { position += 1; continue }  // "-" between the words
                guard folded[position] == motto.words[matched] else { break }
                if motto.upperCase, !TextLine.isUpperCase(words[position] + "X") { break }
                matched += 1
                position += 1
            }
            if matched == motto.words.count { return position - index }
        }
        return nil
    }

    private static func splitAtAnchors(_ words: [Substring], into pieces: inout [String]) {
        guard !words.isEmpty else { return }
        var start = 0
        for index in 1..<max(words.count, 1) where startsPiece(at: index, words: words) {
            guard let cut = placeStart(before: index, words: words, from: start) else { continue }
            if cut > start {
                pieces.append(words[start..<cut].joined(separator: " "))
                start = cut
            }
        }
        pieces.append(words[start..<words.count].joined(separator: " "))
    }

    /// Whether the word at `index` begins a field of its own.
    private static func startsPiece(at index: Int, words: [Substring]) -> Bool {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        switch word {
        case "Số:", "SỐ:": return true
        case "Số", "SỐ": return next.map { $0.first?.isNumber == true || $0 == "và" || $0 == ":" } ?? false
        case "ĐẾN", "ĐẾN:": return true
        case "V/v", "V/V": return true
        case "Kính", "KÍNH": return next.map { VietnameseText.fold(String($0)).hasPrefix("gui") } ?? false
        case "Nơi", "NƠI": return next.map { VietnameseText.fold(String($0)).hasPrefix("nhan") } ?? false
        case "ngày": return words[index - 1].hasSuffix(",") && (next.map { $0.first?.isNumber == true || $0 == "tháng" } ?? false)
        default: break
        }
        if word.hasPrefix("Chuy"), word.hasSuffix(":") { return true }
        if word.hasPrefix("(") && VietnameseText.fold(String(word)).hasPrefix("(da") { return true }
        if let previous = index > 0 ? words[index - 1] : nil, previous.hasSuffix(")"),
            VietnameseText.fold(String(previous)).hasSuffix("ky)")
        {
            return true
        }
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
        if TypeNames.lastWords.contains(VietnameseText.fold(String(word[word.startIndex..<lastCapital]))) {
            return [word[word.startIndex..<lastCapital], word[lastCapital...]]
        }
        if TypeNames.lastWords.contains(VietnameseText.fold(String(capitals))) {
            return [capitals, word[lower...]]
        }
        return [word]
    }
}
