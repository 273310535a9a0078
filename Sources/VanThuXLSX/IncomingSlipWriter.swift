import Foundation
public import VanThuCore

/// Phiếu giải quyết văn bản đến (ND30 Phụ lục IV mục VII): the document, then the three
/// opinion sections. The agency leader's section is filled from the latest routing; the unit
/// leader's and the handler's are left with dotted lines to write on.
public enum IncomingSlipWriter {
    public static func write(
        _ history: DocumentHistory, organization: Organization, to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        try FormOutput.write(
            to: path, overwrite: overwrite, protecting: protecting, printed: { printed(history, organization: organization) },
            workbook: { try fill($0, history: history, organization: organization) })
        return WrittenFile(path: path, rows: 1)
    }

    /// The lines of the slip below its title.
    static func lines(_ history: DocumentHistory, organization: Organization) -> [String] {
        let document = history.document
        let route = history.steps.last { $0.action == .route }
        var out: [String] = []
        let description = RegisterField.documentDescription.value(for: document).text
        let subject = document.secrecy == .tuyetMat ? "(Tuyệt mật: không ghi trích yếu)" : document.subject
        out.append("\(description): \(subject)")
        out.append(
            "Số đến: \(document.displayNumber), ngày đến: \(document.registerDate.registerForm)"
                + (document.urgency.map { ", độ khẩn: \($0.label)" } ?? ""))
        out.append("1. Ý kiến của lãnh đạo cơ quan, tổ chức:")
        if let route {
            if let direction = route.text { out.append("- Ý kiến chỉ đạo: \(direction)") }
            out.append("- Giao đơn vị, cá nhân chủ trì: \(route.unit ?? "")")
            out.append("- Các đơn vị, cá nhân phối hợp: \(route.coUnits.isEmpty ? "Không" : route.coUnits.joined(separator: ", "))")
            out.append("- Thời hạn giải quyết: \(route.dueDate?.registerForm ?? "Không ấn định")")
            out.append("Ngày \(route.day.day) tháng \(route.day.month) năm \(route.day.year)" + (route.person.map { ": \($0)" } ?? ""))
        } else {
            out += [
                "- Giao đơn vị, cá nhân chủ trì: " + dots, "- Các đơn vị, cá nhân phối hợp: " + dots, "- Thời hạn giải quyết: " + dots,
                "Ngày …… tháng …… năm ……",
            ]
        }
        out.append("2. Ý kiến của lãnh đạo đơn vị:")
        out += ["- Giao cho cá nhân: " + dots, "- Thời hạn giải quyết: " + dots, "Ngày …… tháng …… năm ……"]
        out.append("3. Ý kiến đề xuất của người giải quyết:")
        let notes = history.steps.filter { $0.action == .progress }.compactMap { step in step.text.map { "- \(step.day.registerForm): \($0)" } }
        out += notes.isEmpty ? [dots, dots] : notes
        out.append("Ngày …… tháng …… năm ……")
        return out
    }

    /// The slip as it prints: the same lines under the two-column header, the sections bold,
    /// the dates to sign on the right.
    static func printed(_ history: DocumentHistory, organization: Organization) -> PrintedForm {
        var blocks: [PrintedForm.Block] = [
            .header(organization, date: history.document.registerDate, motto: true), .line("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", .title, .center),
            .space(8),
        ]
        for line in lines(history, organization: organization) {
            if line.first.map({ "123".contains($0) }) ?? false {
                blocks += [.space(6), .line(line, .bold)]
            } else if line.hasPrefix("Ngày ") {
                blocks.append(.line(line, .italic, .right))
            } else {
                blocks.append(.line(line, .plain))
            }
        }
        return PrintedForm(
            title: "Phiếu giải quyết văn bản đến số \(history.document.displayNumber)", author: organization.name, landscape: false, blocks: blocks)
    }

    private static let dots = String(repeating: "…", count: 40)

    private static func fill(_ workbook: Workbook, history: DocumentHistory, organization: Organization) throws {
        let sheet = try workbook.addWorksheet("Phiếu giải quyết")
        let center = try workbook.addFormat(CellStyle(size: 13, center: true))
        let strong = try workbook.addFormat(CellStyle(size: 13, bold: true, center: true))
        let title = try workbook.addFormat(CellStyle(size: 15, bold: true, center: true))
        let italic = try workbook.addFormat(CellStyle(size: 13, italic: true, center: true))
        let body = try workbook.addFormat(CellStyle(size: 13))
        let section = try workbook.addFormat(CellStyle(size: 13, bold: true))
        try sheet.setColumn(0, width: 45)
        try sheet.setColumn(1, width: 50)
        var row = try FormHeader.write(
            sheet, workbook: workbook, organization: organization, date: history.document.registerDate, center: center, strong: strong,
            italic: italic, size: 13)
        try sheet.merge(row: row, firstColumn: 0, lastColumn: 1, text: "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", format: title)
        row += 1
        let fitter = RowFitter(fontSize: 13)
        for line in lines(history, organization: organization) {
            let isSection = line.first.map { "123".contains($0) } ?? false
            // The two columns merged: the line wraps over both.
            try sheet.setRowHeight(row, fitter.height([(line, 95)]))
            try sheet.merge(row: row, firstColumn: 0, lastColumn: 1, text: line, format: isSection ? section : body)
            row += 1
        }
        try sheet.preparePrinting(landscape: false, repeatRows: nil)
    }
}
