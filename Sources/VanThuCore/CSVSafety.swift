/// What every CSV writer does to a cell so that a spreadsheet opening the file never runs it:
/// a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// (OWASP's advice for CSV injection). The CSV reader takes it off again.
public enum CSVSafety {

    /// The field, neutralised and quoted (RFC 4180) as needed. A text that itself starts with
    /// `'` gets one more, so that the reader's taking one off gives it back unchanged. Read by
    /// scalars, as the reader reads: a quote or comma followed by a combining mark is one
    /// Character, and would otherwise escape quoting (found by `make fuzz`).
    public static func field(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        if let first = text.unicodeScalars.first, formulaScalars.contains(first) || first == "'" { scalars.append("'") }
        var needsQuotes = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                needsQuotes = true
                scalars.append(contentsOf: "\"\"".unicodeScalars)
                continue
            case ",", ";", "\t", "\n", "\r": needsQuotes = true
            default: break
            }
            scalars.append(scalar)
        }
        return needsQuotes ? "\"" + String(scalars) + "\"" : String(scalars)
    }

    static let formulaScalars: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A field as read: the `'` ``field(_:)`` put before a text starting with a formula
    /// character or a `'` is taken off.
    public static func unneutralised(_ field: String) -> String {
        var scalars = field.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), formulaScalars.contains(second) || second == "'" else { return field }
        return String(field.unicodeScalars.dropFirst())
    }
}
