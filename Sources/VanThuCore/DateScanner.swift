/// Finds a date in running text: `05-7-2017`, `06/12/2016`, `20/8/21`, `29 tháng 10 năm 2020`.
public enum DateScanner {
    /// The date starting at `start` (a digit), with the index just after it. A date that does
    /// not exist (31/02) gives nil, not a guess.
    public static func scan(_ s: [Unicode.Scalar], from start: Int) -> (date: LocalDate, end: Int)? {
        guard start < s.count, isDigit(s[start]) else { return nil }
        var numbers: [(value: Int, digits: Int)] = []
        var i = start
        // Numeric: D sep M sep Y with one separator kind.
        var separator: Unicode.Scalar?
        while i < s.count, numbers.count < 3 {
            guard isDigit(s[i]), let run = number(s, at: i) else { break }
            i = run.end
            numbers.append((run.value, run.digits))
            guard numbers.count < 3, i + 1 < s.count, ["/", "-", "."].contains(s[i]), separator == nil || separator == s[i] else { break }
            separator = s[i]
            i += 1
        }
        if numbers.count == 3, numbers[0].digits <= 2, numbers[1].digits <= 2, numbers[2].digits == 2 || numbers[2].digits == 4 {
            let year = numbers[2].digits == 2 ? 2000 + numbers[2].value : numbers[2].value
            guard let date = LocalDate(year: year, month: numbers[1].value, day: numbers[0].value) else { return nil }
            return (date, i)
        }
        guard numbers.count == 1, numbers[0].digits <= 2 else { return nil }
        // Long form: D tháng M năm YYYY.
        let day = numbers[0].value
        guard let afterMonthWord = word(s, at: i, folded: "thang"), let month = number(s, at: afterMonthWord),
            let afterYearWord = word(s, at: month.end, folded: "nam"), let year = number(s, at: afterYearWord), year.digits == 4,
            let date = LocalDate(year: year.value, month: month.value, day: day)
        else { return nil }
        return (date, year.end)
    }

    /// After optional spaces, the word `folded` ("thang" matches "tháng"); the index after it.
    private static func word(_ s: [Unicode.Scalar], at start: Int, folded: String) -> Int? {
        var i = start
        while i < s.count, s[i] == " " { i += 1 }
        let wordStart = i
        while i < s.count, s[i].properties.isAlphabetic { i += 1 }
        guard i > wordStart, i - wordStart <= 6 else { return nil }
        let text = String(String.UnicodeScalarView(s[wordStart..<i]))
        return VietnameseText.foldClean(text) == folded ? i : nil
    }

    /// After optional spaces, a run of digits.
    private static func number(_ s: [Unicode.Scalar], at start: Int) -> (value: Int, digits: Int, end: Int)? {
        var i = start
        while i < s.count, s[i] == " " { i += 1 }
        var value = 0
        var digits = 0
        while i < s.count, isDigit(s[i]), digits < 5 {
            value = value * 10 + Int(s[i].value - 0x30)
            digits += 1
            i += 1
        }
        return digits > 0 ? (value, digits, i) : nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
