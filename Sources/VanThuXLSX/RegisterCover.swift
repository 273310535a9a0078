import VanThuCore

/// A line of a register's cover (ND30 Phụ lục IV): the same in the workbook and the PDF.
struct RegisterCoverLine: Equatable {
    enum Style { case plain, strong, title, small }

    var text: String
    var style: Style
}

extension SheetContext {
    /// The cover: the body above and the agency, the book's title, the year, the period, the
    /// number range (numbered books), the volume, and the journal's check value.
    var coverLines: [RegisterCoverLine] {
        let period = request.period
        let year = period.start.year == period.end.year ? "\(period.start.year)" : "\(period.start.year)–\(period.end.year)"
        var lines: [RegisterCoverLine] = [
            .init(text: organization.parentName?.uppercased() ?? "", style: .plain),
            .init(text: organization.name.uppercased(), style: .strong),
            .init(text: "", style: .plain), .init(text: "", style: .plain), .init(text: "", style: .plain),
            .init(text: title, style: .title),
            .init(text: "", style: .plain),
            .init(text: "Năm: \(year)", style: .strong),
            // The book's own first and last entries, not the period asked for.
            .init(
                text: "Từ ngày \((extent.firstDate ?? period.start).registerForm) đến ngày \((extent.lastDate ?? period.end).registerForm)",
                style: .plain),
        ]
        if layout.isNumberedBook, seriesRanges.count > 1 {
            // A Party book with a series per type: each type's numbers (HD 36).
            for range in seriesRanges { lines.append(.init(text: "\(range.series): từ số \(range.first) đến số \(range.last)", style: .plain)) }
        } else if layout.showsNumberRange, let first = extent.first, let last = extent.last {
            lines.append(.init(text: "Từ số \(first) đến số \(last)", style: .plain))
        }
        lines.append(.init(text: "Quyển số: \(register.volume)", style: .plain))
        if let head = journalHead {
            // Written into the closing minutes, it lets `vanthu journal verify --expect` prove later
            // that nothing up to this entry was cut or rewritten.
            lines += [.init(text: "", style: .plain), .init(text: "Mã kiểm tra nhật ký (dòng #\(head.id)): \(head.hash)", style: .small)]
        }
        return lines
    }
}
