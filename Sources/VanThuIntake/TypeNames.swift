import VanThuCore

/// The names of document types as they are printed and cited, from the registry's type tables
/// plus the legal documents an agency cites (Luật, Hiến pháp…).
enum TypeNames {
    /// Folded name → the name in the table's spelling: "ke hoach" → "Kế hoạch".
    static let byFoldedName: [String: String] = {
        var names: [String: String] = [:]
        for type in DocumentType.builtins where !type.isCopy {
            names[VietnameseText.foldClean(type.name)] = type.name
        }
        for extra in ["Hiến pháp", "Bộ luật", "Điều lệ", "Quy định", "Văn bản hợp nhất"] {
            names[VietnameseText.foldClean(extra)] = extra
        }
        return names
    }()

    /// The words of type names, and "số", as printed in sentence, upper and lower case, already
    /// folded: spares folding the words before every notation in a text.
    static let quickFold: [String: String] = {
        var words: [String: String] = ["số": "so", "Số": "so", "SỐ": "so"]
        for name in byFoldedName.values {
            for word in name.split(separator: " ") {
                let folded = VietnameseText.fold(String(word))
                for form in [String(word), word.uppercased(), word.lowercased(), word.prefix(1).uppercased() + word.dropFirst().lowercased()] {
                    words[form] = folded
                }
            }
        }
        return words
    }()

    /// The longest name, in words.
    static let maxWords = byFoldedName.keys.map { $0.split(separator: " ").count }.max() ?? 1

    /// The last word of every name, folded: to find a name glued to the next word.
    static let lastWords: Set<String> = Set(byFoldedName.keys.compactMap { $0.split(separator: " ").last.map(String.init) })

    /// The name that `words` (already folded, no punctuation) spell, if any.
    static func name(folded words: ArraySlice<String>) -> String? {
        byFoldedName[words.joined(separator: " ")]
    }

    private static let foldedBuiltins = DocumentType.builtins.map { (folded: VietnameseText.foldClean($0.name), type: $0) }

    /// The type code for a printed type name: the code printed in the ký hiệu when it belongs to
    /// that name, else the table's code for the document's style.
    static func code(forName name: String, style: DocumentStyle?, printedCode: String?) -> String? {
        let folded = VietnameseText.foldClean(name)
        if folded == "cong van" { return DocumentType.congVanCode }
        let named = foldedBuiltins.filter { $0.folded == folded }.map(\.type)
        if let printedCode, named.contains(where: { $0.code == printedCode }) { return printedCode }
        if let printedCode, folded == "quy dinh", printedCode == "QĐ" { return printedCode }
        if let style, let mine = named.first(where: { $0.style == style }) { return mine.code }
        return named.first?.code
    }

    /// Whether a code printed in a ký hiệu is a type code ("BC" is, "STTTT" is not).
    static func isKnownCode(_ code: String, style: DocumentStyle?) -> Bool {
        DocumentType.builtins.contains { $0.code == code && $0.inNotation && (style == nil || $0.style == style) }
    }
}
