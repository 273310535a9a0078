import Foundation
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// A registry with a few documents, and ways to read an exported workbook back.
enum ExportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folder() throws -> URL {
        try TemporaryFolder.make("xlsx")
    }

    /// 791–794 incoming in August 2021 (794 voided), one secret, two outgoing.
    static func registry(in folder: URL, today: String = "2021-09-30") throws -> Registry {
        let organization = Organization(
            name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
        let registry = try Registry.create(
            at: folder.appendingPathComponent("vanthu.sqlite").path, organization: organization,
            context: RegistryContext(user: "văn thư", today: LocalDate.parse(today)))
        _ = try SetupService(registry).continueSeries(kind: .incoming, date: "1/8/2021", typeCode: nil, firstNumber: 791)
        let drafts = [
            IncomingDraft(
                issuer: "Huyện ủy Đăk Hà", notation: try DocumentNotation(parsing: "Số 27-BC/HU"), issuedDate: try LocalDate(parsing: "16/8/2021"),
                summary: "Kết quả 5 năm thực hiện công tác tuyên truyền miệng", received: try LocalDate(parsing: "24/8/2021"),
                handler: "Phòng Thông tin - Báo chí - Xuất bản"
            ),
            IncomingDraft(
                issuer: "Sở Nội vụ", notation: try DocumentNotation(parsing: "1432/SNV-CCVC"), issuedDate: try LocalDate(parsing: "23/8/2021"),
                summary: "=HYPERLINK(\"http://x\") V/v cử công chức",
                received: try LocalDate(parsing: "25/8/2021"), handler: "Văn phòng Sở", urgency: try Urgency(parsing: "khan")),
            IncomingDraft(
                issuer: "UBND tỉnh", notation: try DocumentNotation(parsing: "512/QĐ-UBND"), issuedDate: try LocalDate(parsing: "24/8/2021"),
                summary: "Tuye\u{0302}\u{0300}n truyền Quốc khánh",
                received: try LocalDate(parsing: "2/9/2021"), handler: "+Phòng CNTT"),
            IncomingDraft(issuer: "Báo Kon Tum", typeCode: "GM", summary: "@ Thư mời", received: try LocalDate(parsing: "3/9/2021")),
        ]
        for draft in drafts { _ = try RegistrationService(registry).registerIncoming(draft) }
        _ = try RegistrationService(registry).void(reference: "den/2021/794", reason: "Gửi nhầm cơ quan")
        _ = try RegistrationService(registry).registerIncoming(
            IncomingDraft(
                issuer: "Công an tỉnh", typeCode: "CV", summary: "Nội dung tuyệt mật không được ghi", received: try LocalDate(parsing: "3/9/2021"),
                secrecy: try Secrecy(parsing: "tuyet-mat")))
        for recipient in ["Sở Nội vụ", "Ban Tuyên giáo Tỉnh ủy"] {
            _ = try RegistrationService(registry).registerOutgoing(
                OutgoingDraft(
                    typeCode: "BC", summary: "Báo cáo gửi \(recipient)", issuedDate: try LocalDate(parsing: "30/8/2021"),
                    signer: Signer(position: "PHÓ GIÁM ĐỐC", fullName: "Nguyễn Văn An"), recipients: [recipient], archive: "VT, VP"))
        }
        return registry
    }

    /// The files in `folder` other than the database and its WAL companions.
    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("vanthu.sqlite") }.sorted()
    }

    /// One member of a zip file, read with `unzip -p`.
    static func member(_ name: String, of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unzip", "-p", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The inline strings of a sheet's cells, row by row, as `[row: [column letter: text]]`.
    static func cells(_ xml: String) -> [Int: [String: String]] {
        var result: [Int: [String: String]] = [:]
        let pattern = #"<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: .dotMatchesLineSeparators) else { return [:] }
        for match in regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            guard let column = Range(match.range(at: 1), in: xml), let row = Range(match.range(at: 2), in: xml), let r = Int(xml[row]) else {
                continue
            }
            var value = ""
            if let inner = Range(match.range(at: 3), in: xml) {
                let body = String(xml[inner])
                if let t = body.range(of: #"(?s)<t[^>]*>(.*?)</t>"#, options: .regularExpression) {
                    value = String(body[t]).replacingOccurrences(of: #"</?t[^>]*>"#, with: "", options: .regularExpression)
                } else if let v = body.range(of: #"<v>(.*?)</v>"#, options: .regularExpression) {
                    value = String(body[v]).replacingOccurrences(of: #"</?v>"#, with: "", options: .regularExpression)
                }
            }
            result[r, default: [:]][String(xml[column])] =
                value
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        return result
    }
}

extension ExportFixtures {
    /// The shared strings of a workbook written in normal mode (reports and slips), in order.
    static func sharedStrings(of path: String) throws -> [String] {
        let xml = try member("xl/sharedStrings.xml", of: path)
        guard let regex = try? NSRegularExpression(pattern: #"<t[^>]*>(.*?)</t>"#, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { match in
            Range(match.range(at: 1), in: xml).map { String(xml[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    /// The cells of a normal-mode sheet with shared strings resolved: `[row: [column: text]]`.
    static func resolvedCells(sheet: String, of path: String) throws -> [Int: [String: String]] {
        let strings = try sharedStrings(of: path)
        let xml = try member(sheet, of: path)
        var result: [Int: [String: String]] = [:]
        guard let regex = try? NSRegularExpression(pattern: #"<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)"#) else { return [:] }
        for match in regex.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            guard let column = Range(match.range(at: 1), in: xml), let rowRange = Range(match.range(at: 2), in: xml), let row = Int(xml[rowRange]),
                let inner = Range(match.range(at: 4), in: xml)
            else { continue }
            let attributes = Range(match.range(at: 3), in: xml).map { String(xml[$0]) } ?? ""
            let body = String(xml[inner])
            guard let v = body.range(of: #"(?<=<v>).*?(?=</v>)"#, options: .regularExpression) else { continue }
            let value = String(body[v])
            result[row, default: [:]][String(xml[column])] =
                attributes.contains(#"t="s""#) ? Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "" : value
        }
        return result
    }
}
