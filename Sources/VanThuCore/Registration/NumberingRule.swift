/// How a series gives its numbers, without the database: each series runs from its first number
/// (1, or where a paper register stopped) up by one, voided numbers included, so a number is
/// never given twice (ND30 Điều 15.1.a, 22.2; HD36 for the Party); a document slipped in after
/// a number takes that number with a letter (12a, 12b, …). ``RegistrationService`` reads the
/// series and applies these; they are tested without SQLite.
enum NumberingRule {
    /// The letters a sub-number can take, in order.
    static let letters = "abcdefghijklmnopqrstuvwxyz"

    /// The next number: one more than the highest given, or the series' first number when it
    /// starts later. `highest` is nil for an empty series, `first` nil when it began in vanthu.
    static func next(highest: Int?, first: Int?) throws -> Int {
        let highest = highest ?? 0
        let first = first ?? 1
        // Numbers past the cap are refused where they come in; this keeps a hand-edited file
        // from ever handing out a number beyond it (or overflowing).
        guard highest < InputLimits.number, first <= InputLimits.number else {
            throw RegistryError.numberOutOfRange(max(highest, first), limit: InputLimits.number)
        }
        return max(highest + 1, first)
    }

    /// The letter of a new sub-number of `base`, given the suffixes `base` already carries
    /// (`""` for `base` itself, which must be there).
    static func subNumber(of base: Int, taken suffixes: [String], reference: String) throws -> String {
        guard suffixes.contains("") else { throw RegistryError.subNumberBaseMissing(reference) }
        guard let letter = letters.first(where: { !suffixes.contains(String($0)) }) else { throw RegistryError.invalidNumber("\(base)z") }
        return String(letter)
    }

    /// The số as a ký hiệu writes it: two digits at least (`05/QĐ-UBND`, ND30 Phụ lục I), then
    /// the letter of a sub-number.
    static func codeNumber(_ number: Int, suffix: String) -> String {
        (number < 10 ? "0\(number)" : "\(number)") + suffix
    }
}
