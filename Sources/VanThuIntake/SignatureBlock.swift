import VanThuCore

/// The signature block: authority (`KT. GIÁM ĐỐC`, `T/M BAN THƯỜNG VỤ`), position, full name.
enum SignatureBlock {
    /// The authority prefixes of ND30 (dot style) and HD36 (slash style).
    private static let capacityWords: Set<String> = ["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "Q/", "TM", "KT", "TL", "TUQ"]

    static func isCapacityWord<S: StringProtocol>(_ word: S) -> Bool {
        if capacityWords.contains(String(word)) { return true }
        // "TM.ỦY BAN NHÂN DÂN" typed without the space.
        return ["TM.", "KT.", "TL.", "TUQ."].contains { word.hasPrefix($0) && word.count > $0.count }
    }

    /// `KT. GIÁM ĐỐC`, `T/M BAN THƯỜNG VỤ`: an authority word, then a body or title in capitals.
    static func isCapacity(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 100, line.isUpperCase, let first = line.words.first else { return false }
        return isCapacityWord(first) && (line.words.count > 1 || first.count > 4)
    }

    /// Reads the block from the lines that are not Nơi nhận entries, in order.
    static func read(_ lines: [TextLine]) -> Signer? {
        var capacities: [String] = []
        var position: String?
        var fullName: String?
        for line in lines {
            let text = line.text
            if text.hasPrefix("(") || text.hasPrefix("[") || VietnameseText.foldClean(text).hasPrefix("da ky") { continue }
            if isCapacity(line), position == nil, capacities.count < 2 {
                capacities.append(text)
            } else if position == nil, fullName == nil, line.isUpperCase, text.utf8.count <= 80, !text.contains(":") {
                position = text
            } else if fullName == nil, isName(text, allowCapitals: position != nil) {
                fullName = text
                break
            }
        }
        if capacities.isEmpty, position == nil { return nil }
        return Signer(capacity: capacities.isEmpty ? nil : capacities.joined(separator: " "), position: position, fullName: fullName)
    }

    /// Two to six words, each starting with a capital, no digits or punctuation: `Nguyễn Thiện Cẩm`, `U Huấn`.
    static func isName(_ text: String, allowCapitals: Bool) -> Bool {
        guard text.count <= 40 else { return false }
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter }) else { return false }
        }
        return allowCapitals || !TextLine.isUpperCase(text)
    }
}
