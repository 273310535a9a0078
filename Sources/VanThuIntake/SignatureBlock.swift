import VanThuCore

/// The signature block: authority (`KT. GIÁM ĐỐC`, `T/M BAN THƯỜNG VỤ`), position, full name.
enum SignatureBlock {
    /// The authority prefixes of ND30 (dot style) and HD36 (slash style).
    private static let capacityWords: Set<String> = ["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "Q/", "TM", "KT", "TL", "TUQ"]

    /// The prefixes a capacity is typed with, glued to the next word ("KT.BỘ TRƯỞNG").
    private static let gluedPrefixes = ["TM.", "KT.", "TL.", "TUQ."]

    static func isCapacityWord<S: StringProtocol>(_ word: S) -> Bool {
        if capacityWords.contains(String(word)) { return true }
        // "TM.ỦY BAN NHÂN DÂN" typed without the space.
        return gluedPrefixes.contains { word.hasPrefix($0) && word.count > $0.count }
    }

    /// `KT. GIÁM ĐỐC`, `T/M BAN THƯỜNG VỤ`: an authority word, then a body or title in capitals.
    static func isCapacity(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 100, line.isUpperCase, let first = line.words.first else { return false }
        return isCapacityWord(first) && (line.words.count > 1 || first.count > 4)
    }

    /// `KT.BỘ TRƯỞNG` as ND30 prints it: `KT. BỘ TRƯỞNG`.
    static func spaced(_ capacity: String) -> String {
        for prefix in gluedPrefixes where capacity.hasPrefix(prefix) {
            let rest = capacity.dropFirst(prefix.count)
            if let next = rest.first, next != " " { return prefix + " " + rest }
        }
        return capacity
    }

    /// The first words of a person's title: a line starting with one is a position, not the
    /// rest of the capacity above it (`TL. CHỦ TỊCH ỦY` / `BAN NHÂN DÂN TỈNH` goes on; `KT. GIÁM
    /// ĐỐC` / `PHÓ GIÁM ĐỐC` does not). Folded.
    private static let titleStarts: [String] = [
        "pho ", "chanh ", "chu tich", "giam doc", "truong ", "bo truong", "thu truong", "bi thu", "tong ", "thu tuong",
        "cuc truong", "vu truong", "vien truong", "hieu truong", "uy vien", "chu nhiem", "thong doc", "chanh an",
        "kiem toan truong", "thu ky", "dai dien",
    ]

    /// Words of titles and bodies that are not names too (marks kept: TRƯỞNG is a title, TRƯƠNG a
    /// surname): a line in capitals with none of them, after the position, is the name printed
    /// in capitals.
    private static let titleWords: Set<String> = [
        "TRƯỞNG", "PHÓ", "GIÁM", "ĐỐC", "TỊCH", "TƯỚNG", "ỦY", "VIÊN", "BAN", "VỤ", "PHÒNG", "SỞ", "BỘ", "CỤC",
        "THƯỜNG", "TRỰC", "TỈNH", "HUYỆN", "NHIỆM", "DIỆN",
    ]

    /// The military and police ranks printed before a name: "Thượng tướng Lê Chiêm".
    private static let ranks: [String] = [
        "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
        "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
        "Chuẩn Đô đốc", "Phó Đô đốc", "Đô đốc",
    ]

    private static func startsTitle(_ line: TextLine) -> Bool {
        let folded = line.folded + " "
        return titleStarts.contains { folded.hasPrefix($0) }
    }

    private static func isTitleLike(_ text: String) -> Bool {
        text.split(separator: " ").contains { titleWords.contains(String($0)) }
    }

    /// Lines that are not the block's text: "(Đã ký)", "[đã ký]", "(ký, ghi rõ họ tên)", a seal's note.
    private static func isNote(_ text: String) -> Bool {
        text.hasPrefix("(") || text.hasPrefix("[") || VietnameseText.foldClean(text).hasPrefix("da ky")
    }

    /// Every block in `lines` (the lines that are not Nơi nhận entries, in order), the blocks of
    /// a row printed side by side taken apart column by column: the row's first block first.
    static func readAll(_ lines: [TextLine]) -> [Signer] {
        var blocks: [Signer] = []
        for band in bands(lines) {
            for column in band { blocks += readColumn(column) }
        }
        return blocks
    }

    /// Cuts the lines into bands of side-by-side columns. A raw line holding two or more pieces
    /// that each look like part of a block (`KT. BỘ TRƯỞNG BỘ CÔNG AN` | `KT. BỘ TRƯỞNG BỘ QUỐC
    /// PHÒNG`) puts its pieces in columns; a row of capacities after a finished band starts a new
    /// band. Lines outside such rows keep their order in column one.
    private static func bands(_ lines: [TextLine]) -> [[[TextLine]]] {
        var rows: [[TextLine]] = []
        for line in lines {
            if line.sameRawLine, var last = rows.popLast(), last.last?.rawIndex == line.rawIndex {
                last.append(line)
                rows.append(last)
            } else {
                rows.append([line])
            }
        }
        let sideBySide = rows.contains { row in row.count >= 2 && row.filter(isCapacity).count >= 2 }
        guard sideBySide else { return [[lines]] }
        var bands: [[[TextLine]]] = []
        var current: [[TextLine]] = []
        var named = false
        for row in rows {
            let capacities = row.count >= 2 && row.allSatisfy(isCapacity)
            if capacities, named, !current.isEmpty {
                bands.append(current)
                current = []
                named = false
            }
            for (column, piece) in row.enumerated() {
                while current.count <= column { current.append([]) }
                current[column].append(piece)
                if isName(piece.text, allowCapitals: false) { named = true }
            }
        }
        if !current.isEmpty { bands.append(current) }
        return bands
    }

    /// Reads the blocks of one column, in order: capacity lines (a capacity wrapped over two lines
    /// joined), the position (over up to two lines), the name (a rank before it kept).
    private static func readColumn(_ lines: [TextLine]) -> [Signer] {
        var blocks: [Signer] = []
        var capacities: [String] = []
        var position: [String] = []
        var fullName: String?
        func flush() {
            if capacities.isEmpty, position.isEmpty { return }
            // A name printed in capitals was read as the position's second line.
            if fullName == nil, position.count == 2, !isTitleLike(position[1]), isName(position[1], allowCapitals: true) {
                fullName = position.removeLast()
            }
            blocks.append(
                Signer(
                    capacity: capacities.isEmpty ? nil : capacities.joined(separator: " "),
                    position: position.isEmpty ? nil : position.joined(separator: " "), fullName: fullName))
            capacities = []
            position = []
            fullName = nil
        }
        let content = lines.filter { !isNote($0.text) }
        // Capitals after the last name start no block: a block ends with its signer's name.
        let lastName = content.lastIndex { isName($0.text, allowCapitals: false) } ?? content.count
        for (offset, line) in content.enumerated() {
            let text = line.text
            if isCapacity(line), position.isEmpty || fullName != nil {
                if fullName != nil || capacities.count >= 2 { flush() }
                capacities.append(spaced(text))
            } else if line.isUpperCase, text.utf8.count <= 80, !text.contains(":") {
                if fullName != nil {
                    guard offset < lastName else { continue }
                    flush()
                }
                let followedByCapitals = offset + 1 < content.count && content[offset + 1].isUpperCase
                if position.isEmpty, !capacities.isEmpty, !startsTitle(line), followedByCapitals {
                    capacities[capacities.count - 1] += " " + text
                } else if position.count < 2, position.isEmpty || isTitleLike(text) || isName(text, allowCapitals: true) {
                    position.append(text)
                } else {
                    continue
                }
            } else if fullName == nil, isName(text, allowCapitals: !position.isEmpty), !capacities.isEmpty || !position.isEmpty {
                fullName = text
            }
        }
        flush()
        return blocks
    }

    /// Two to six words, each starting with a capital, no digits or punctuation: `Nguyễn Thiện Cẩm`,
    /// `U Huấn`; a rank may stand before them (`Thượng tướng Lê Chiêm`).
    static func isName(_ text: String, allowCapitals: Bool) -> Bool {
        guard text.count <= 48 else { return false }
        var name = Substring(text)
        if let rank = ranks.first(where: { text.hasPrefix($0 + " ") }) { name = text.dropFirst(rank.count + 1) }
        guard name.count <= 40 else { return false }
        let words = name.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter }) else { return false }
        }
        return allowCapitals || !TextLine.isUpperCase(name)
    }
}
