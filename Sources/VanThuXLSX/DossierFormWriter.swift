import Foundation
public import VanThuCore

/// The hồ sơ forms of ND30 Phụ lục V as XLSX: the Danh mục hồ sơ, the Mục lục văn bản of one
/// hồ sơ, and, for a transfer to the archive, the Mục lục hồ sơ, tài liệu nộp lưu with the
/// Biên bản giao nhận on a second sheet.
public enum DossierFormWriter {
    public static func writeCatalog(
        _ catalog: Catalog, organization: Organization, to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        let layout = try FormLayout.builtin("catalog")
        let summary = catalog.summary
        let form = Form(
            layout: layout, subtitle: ["Năm \(catalog.year)", "(Kèm theo Quyết định số …… ngày …… của ……)"], rows: catalogRows(catalog),
            footer: [
                "Danh mục hồ sơ này có \(summary.total) hồ sơ, bao gồm: \(summary.permanent) hồ sơ bảo quản vĩnh viễn; \(summary.limited) hồ sơ bảo quản có thời hạn."
            ])
        try write([form], organization: organization, to: path, overwrite: overwrite, protecting: protecting)
        return WrittenFile(path: path, rows: catalog.dossiers.count)
    }

    public static func writeIndex(
        _ contents: DossierContents, organization: Organization, to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        let layout = try FormLayout.builtin("dossier-index")
        let dossier = contents.dossier
        let rows = indexRows(contents)
        var footer = ["Mục lục này gồm \(contents.documents.count) văn bản" + (dossier.pageTotal.map { ", \($0) tờ." } ?? ".")]
        if let span = contents.span { footer.append("Thời gian tài liệu: từ \(span.first.registerForm) đến \(span.last.registerForm).") }
        let form = Form(
            layout: layout,
            subtitle: [
                "Hồ sơ số: \(dossier.fileNotation)   Mã hồ sơ: \(dossier.fileCode(organization: organization))",
                "Tiêu đề hồ sơ: \(dossier.title)",
            ],
            rows: rows, footer: footer)
        try write([form], organization: organization, to: path, overwrite: overwrite, protecting: protecting)
        return WrittenFile(path: path, rows: contents.documents.count)
    }

    public static func writeTransfer(
        _ transfer: ArchiveTransfer, organization: Organization, to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        let layout = try FormLayout.builtin("dossier-list")
        let permanent = transfer.dossiers.filter { $0.dossier.retention == .permanent }.count
        let years = Set(transfer.dossiers.map(\.dossier.year)).sorted().map(String.init).joined(separator: ", ")
        let form = Form(
            layout: layout, subtitle: ["Năm \(years)", "Ngày nộp lưu: \(transfer.day.registerForm)"], rows: transferRows(transfer),
            footer: [
                "Mục lục này gồm \(transfer.dossiers.count) hồ sơ, trong đó \(permanent) hồ sơ bảo quản vĩnh viễn, \(transfer.dossiers.count - permanent) hồ sơ bảo quản có thời hạn."
            ],
            signatures: (
                ["NGƯỜI NỘP", "(Ký, ghi rõ họ tên)", "", "", transfer.deliveredBy ?? ""],
                ["NGƯỜI NHẬN", "(Ký, ghi rõ họ tên)", "", "", transfer.receivedBy ?? ""]
            ))
        try write(
            [form], organization: organization, to: path, overwrite: overwrite, protecting: protecting,
            extra: { try writeReceipt(transfer, organization: organization, workbook: $0) },
            printedExtra: printedReceipt(transfer, organization: organization))
        return WrittenFile(path: path, rows: transfer.dossiers.count)
    }

    // MARK: Rows

    static func catalogRows(_ catalog: Catalog) -> [FormRow] {
        catalog.lines.map { line in
            switch line {
            case .heading(let heading): .heading(heading.text)
            case .dossier(let d):
                .entry([
                    .fileNotation: .text(d.fileNotation), .title: .text(d.title), .retention: text(d.retention?.label),
                    .creator: text(d.creator),
                    .note: text(d.inCatalog ? d.description : ["Ngoài Danh mục", d.description].compactMap { $0 }.joined(separator: "; ")),
                ])
            }
        }
    }

    static func indexRows(_ contents: DossierContents) -> [FormRow] {
        var page = 1
        return contents.documents.enumerated().map { index, document in
            var pages = CellValue.empty
            if let count = document.pageAmount {
                pages = .text(count > 1 ? "\(page)-\(page + count - 1)" : "\(page)")
                page += count
            }
            return .entry([
                .ordinal: .number(index + 1),
                .documentNotation: document.notation.map { .text($0.full) } ?? .text(document.reference),
                .documentDate: .date(DossierContents.date(document)),
                .typeAndSubject: RegisterField.typeAndSubject.value(for: document),
                .organName: .text(document.organName),
                .pageNumber: pages,
                .note: text(document.voided.map { "Số đã hủy: \($0.reason)" } ?? document.note),
            ])
        }
    }

    static func transferRows(_ transfer: ArchiveTransfer) -> [FormRow] {
        transfer.dossiers.enumerated().map { index, contents in
            let d = contents.dossier
            let period = contents.span.map { $0.first == $0.last ? $0.first.registerForm : "\($0.first.registerForm) - \($0.last.registerForm)" }
            return .entry([
                .ordinal: .number(index + 1), .fileNotation: .text(d.fileNotation), .title: .text(d.title), .period: text(period),
                .retention: text(d.retention?.label), .pages: d.pageTotal.map(CellValue.number) ?? .empty, .note: text(d.description),
            ])
        }
    }

    private static func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .empty }

    // MARK: Writing

    struct Form {
        var layout: FormLayout
        var subtitle: [String]
        var rows: [FormRow]
        var footer: [String]
        /// Two signature blocks under the table, left and right.
        var signatures: (left: [String], right: [String])? = nil
    }

    private static func write(
        _ forms: [Form], organization: Organization, to path: String, overwrite: Bool, protecting: ProtectedPaths,
        extra: ((Workbook) throws -> Void)? = nil, printedExtra: [PrintedForm.Block] = []
    ) throws {
        try FormOutput.write(
            to: path, overwrite: overwrite, protecting: protecting,
            printed: {
                let blocks = forms.enumerated().flatMap { index, form in
                    (index > 0 ? [.newForm(landscape: form.layout.landscape)] : []) + printed(form, organization: organization)
                }
                return PrintedForm(
                    title: forms.first?.layout.title ?? "", author: organization.name, landscape: forms.first?.layout.landscape ?? false,
                    blocks: blocks + (printedExtra.isEmpty ? [] : [.newForm(landscape: false)] + printedExtra))
            },
            workbook: { workbook in
                for form in forms { try writeSheet(form, organization: organization, workbook: workbook) }
                try extra?(workbook)
            })
    }

    /// A form's sheet as it prints: the same title, table (đề mục across the row), footer and
    /// signatures.
    private static func printed(_ form: Form, organization: Organization) -> [PrintedForm.Block] {
        let columns = form.layout.columns.map {
            PrintedForm.Column(heading: $0.heading, width: $0.width, centered: $0.field != .title && $0.field != .typeAndSubject)
        }
        let rows: [PrintedForm.Row] = form.rows.map { row in
            switch row {
            case .heading(let text): .span(text)
            case .entry(let values): .cells(form.layout.columns.map { (values[$0.field] ?? .empty).text })
            }
        }
        var blocks: [PrintedForm.Block] = [.header(organization, date: nil, motto: false), .line(form.layout.title, .title, .center)]
        blocks += form.subtitle.map { .line($0, .plain, .center) }
        blocks += [.space(6), .table(.init(columns: columns, rows: rows, numbered: true))]
        blocks += form.footer.map { .line($0, .plain) }
        if let signatures = form.signatures {
            blocks.append(
                .signatures(
                    [signatures.left, signatures.right].map { lines in
                        (title: lines.first ?? "", hint: lines.count > 1 ? lines[1] : "", name: lines.count > 4 ? lines[4] : "")
                    }))
        }
        return blocks
    }

    private static func writeSheet(_ form: Form, organization: Organization, workbook: Workbook) throws {
        let columns = form.layout.columns
        let last = columns.count - 1
        let sheet = try workbook.addWorksheet(form.layout.sheetName)
        let plain = try workbook.addFormat(CellStyle(size: 12, wrap: false))
        let strong = try workbook.addFormat(CellStyle(size: 12, bold: true, wrap: false))
        let title = try workbook.addFormat(CellStyle(size: 14, bold: true, center: true))
        let centered = try workbook.addFormat(CellStyle(size: 12, center: true))
        let heading = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, border: true))
        let numbering = try workbook.addFormat(CellStyle(size: 11, italic: true, center: true, border: true))
        let cell = try workbook.addFormat(CellStyle(size: 12, border: true))
        let cellCentered = try workbook.addFormat(CellStyle(size: 12, center: true, border: true))
        let section = try workbook.addFormat(CellStyle(size: 12, bold: true, border: true))
        let date = try workbook.addFormat(CellStyle(size: 12, center: true, border: true, numberFormat: "dd/mm/yyyy"))
        for (index, column) in columns.enumerated() { try sheet.setColumn(index, width: column.width) }
        var row = 0
        if let parent = organization.parentName {
            try sheet.write(.text(parent.uppercased()), row: row, column: 0, format: plain)
            row += 1
        }
        try sheet.write(.text(organization.name.uppercased()), row: row, column: 0, format: strong)
        row += 2
        try sheet.setRowHeight(row, 24)
        try sheet.merge(row: row, firstColumn: 0, lastColumn: last, text: form.layout.title, format: title)
        row += 1
        for line in form.subtitle {
            try sheet.merge(row: row, firstColumn: 0, lastColumn: last, text: line, format: centered)
            row += 1
        }
        row += 1
        let headingRow = row
        try sheet.setRowHeight(row, 36)
        for (index, column) in columns.enumerated() { try sheet.write(.text(column.heading), row: row, column: index, format: heading) }
        row += 1
        for index in columns.indices { try sheet.write(.text("(\(index + 1))"), row: row, column: index, format: numbering) }
        row += 1
        for line in form.rows {
            switch line {
            case .heading(let text):
                for index in columns.indices {
                    let isTitle = columns[index].field == .title
                    try sheet.write(isTitle ? .text(text) : .blank, row: row, column: index, format: isTitle ? section : cell)
                }
            case .entry(let values):
                for (index, column) in columns.enumerated() {
                    switch values[column.field] ?? .empty {
                    case .text(let s):
                        try sheet.write(
                            .text(s), row: row, column: index, format: column.field == .title || column.field == .typeAndSubject ? cell : cellCentered
                        )
                    case .number(let n): try sheet.write(.number(n), row: row, column: index, format: cellCentered)
                    case .date(let d): try sheet.write(.date(year: d.year, month: d.month, day: d.day), row: row, column: index, format: date)
                    case .empty: try sheet.write(.blank, row: row, column: index, format: cell)
                    }
                }
            }
            row += 1
        }
        row += 1
        for line in form.footer {
            try sheet.merge(row: row, firstColumn: 0, lastColumn: last, text: line, format: plain)
            row += 1
        }
        if let signatures = form.signatures {
            let signature = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, wrap: false))
            row += 1
            for (index, (left, right)) in zip(signatures.left, signatures.right).enumerated() {
                try sheet.write(.text(left), row: row + index, column: 1, format: signature)
                try sheet.write(.text(right), row: row + index, column: max(1, last - 2), format: signature)
            }
        }
        try sheet.preparePrinting(landscape: form.layout.landscape, repeatRows: headingRow...(headingRow + 1))
    }

    /// Biên bản giao nhận hồ sơ, tài liệu (ND30 Phụ lục V mục V), made in two copies.
    private static func writeReceipt(_ transfer: ArchiveTransfer, organization: Organization, workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet("Biên bản giao nhận")
        let center = try workbook.addFormat(CellStyle(size: 13, center: true))
        let strong = try workbook.addFormat(CellStyle(size: 13, bold: true, center: true))
        let title = try workbook.addFormat(CellStyle(size: 15, bold: true, center: true))
        let italic = try workbook.addFormat(CellStyle(size: 13, italic: true, center: true))
        let body = try workbook.addFormat(CellStyle(size: 13))
        try sheet.setColumn(0, width: 45)
        try sheet.setColumn(1, width: 50)
        var row = try FormHeader.write(
            sheet, workbook: workbook, organization: organization, date: transfer.day, center: center, strong: strong, italic: italic, size: 13)
        try sheet.merge(row: row, firstColumn: 0, lastColumn: 1, text: "BIÊN BẢN", format: title)
        try sheet.merge(row: row + 1, firstColumn: 0, lastColumn: 1, text: "Về việc giao nhận hồ sơ, tài liệu", format: strong)
        row += 3
        let fitter = RowFitter(fontSize: 13)
        for line in receiptLines(transfer, organization: organization) {
            try sheet.setRowHeight(row, fitter.height([(line, 95)]))
            try sheet.merge(row: row, firstColumn: 0, lastColumn: 1, text: line, format: body)
            row += 1
        }
        row += 1
        try sheet.write(.text("ĐẠI DIỆN BÊN GIAO"), row: row, column: 0, format: strong)
        try sheet.write(.text("ĐẠI DIỆN BÊN NHẬN"), row: row, column: 1, format: strong)
        try sheet.write(.text("(Ký tên và ghi rõ họ tên)"), row: row + 1, column: 0, format: italic)
        try sheet.write(.text("(Ký tên và ghi rõ họ tên)"), row: row + 1, column: 1, format: italic)
        try sheet.write(.text(transfer.deliveredBy ?? ""), row: row + 5, column: 0, format: strong)
        try sheet.write(.text(transfer.receivedBy ?? ""), row: row + 5, column: 1, format: strong)
        try sheet.preparePrinting(landscape: false, repeatRows: nil)
    }

    /// The Biên bản as it prints, on a page of its own after the Mục lục.
    static func printedReceipt(_ transfer: ArchiveTransfer, organization: Organization) -> [PrintedForm.Block] {
        [
            .header(organization, date: transfer.day, motto: true), .line("BIÊN BẢN", .title, .center),
            .line("Về việc giao nhận hồ sơ, tài liệu", .bold, .center), .space(8),
        ]
            + receiptLines(transfer, organization: organization).map { .line($0, .plain) }
            + [
                .signatures([
                    (title: "ĐẠI DIỆN BÊN GIAO", hint: "(Ký tên và ghi rõ họ tên)", name: transfer.deliveredBy ?? ""),
                    (title: "ĐẠI DIỆN BÊN NHẬN", hint: "(Ký tên và ghi rõ họ tên)", name: transfer.receivedBy ?? ""),
                ])
            ]
    }

    static func receiptLines(_ transfer: ArchiveTransfer, organization: Organization) -> [String] {
        let dots = String(repeating: "…", count: 30)
        let spans = transfer.dossiers.compactMap(\.span)
        let period = spans.isEmpty ? dots : "từ \(spans.map(\.first).min()?.registerForm ?? "") đến \(spans.map(\.last).max()?.registerForm ?? "")"
        let pages = transfer.dossiers.compactMap(\.dossier.pageTotal)
        let years = Set(transfer.dossiers.map(\.dossier.year)).sorted().map(String.init).joined(separator: ", ")
        let day = transfer.day
        return [
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            "Căn cứ Mục lục hồ sơ, tài liệu nộp lưu kèm theo,",
            "Hôm nay, ngày \(day.day) tháng \(day.month) năm \(day.year), tại \(organization.name), chúng tôi gồm:",
            "BÊN GIAO: \(transfer.deliveredBy ?? dots)",
            "BÊN NHẬN: \(transfer.receivedBy ?? dots), Lưu trữ cơ quan",
            "Thống nhất lập biên bản giao nhận tài liệu như sau:",
            "1. Tên khối tài liệu giao nộp: hồ sơ, tài liệu năm \(years) của \(organization.name).",
            "2. Thời gian của tài liệu: \(period).",
            "3. Số lượng tài liệu:",
            "- Tổng số hộp (cặp): \(dots)",
            "- Tổng số hồ sơ (đơn vị bảo quản): \(transfer.dossiers.count); quy ra mét giá: \(dots)",
            "- Tổng số tờ: " + (pages.count == transfer.dossiers.count ? String(pages.reduce(0, +)) : dots),
            "- Tổng số tệp tin (tài liệu điện tử): \(transfer.files)",
            "4. Tình trạng tài liệu giao nộp: \(dots)",
            "5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo.",
            "Biên bản này được lập thành hai bản; bên giao giữ một bản; bên nhận (Lưu trữ cơ quan) giữ một bản.",
        ]
    }
}
