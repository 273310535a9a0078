import Foundation
import VanThuTestSupport

@testable import VanThuCore

/// Temporary databases, the project's samples, and the real seed documents (copied from
/// `../shared/seeds` into `Tests/VanThuIntakeTests/Seeds`).
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedsFolder = root.appendingPathComponent("Tests/VanThuIntakeTests/Seeds")

    static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seedsFolder.path) }

    static func seed(prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.make("core")
    }

    static let stateAgency = Organization(
        name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
    static let partyAgency = Organization(
        name: "BAN TUYÊN GIÁO TỈNH ỦY", code: "BTGTU", parentName: "TỈNH ỦY KON TUM", place: "Kon Tum", style: .party)

    /// A registry in a real SQLite file, with "today" fixed.
    static func makeRegistry(
        _ organization: Organization = stateAgency, today: String = "2021-12-31", outgoingPerType: Bool? = nil,
        term: (start: LocalDate, end: LocalDate)? = nil
    ) throws -> Registry {
        let path = try temporaryFolder().appendingPathComponent("vanthu.sqlite").path
        let context = RegistryContext(user: "văn thư", today: LocalDate.parse(today))
        return try Registry.create(at: path, organization: organization, outgoingPerType: outgoingPerType, term: term, context: context)
    }

    /// A draft as the command line makes it: the texts parsed by the core's parsers, so a bad
    /// one throws the clerk's error.
    static func incoming(
        _ summary: String = "Kết quả triển khai", issuer: String = "Ban Tuyên giáo Tỉnh ủy", notation: String? = nil,
        received: String = "20/8/2021", type: String? = "BC", secrecy: String? = nil
    ) throws -> IncomingDraft {
        IncomingDraft(
            issuer: issuer, notation: try notation.map(DocumentNotation.init(parsing:)), issuedDate: nil, typeCode: type, summary: summary,
            received: try LocalDate(parsing: received), secrecy: try secrecy.map(Secrecy.init(parsing:)))
    }

    static func outgoing(_ type: String = "BC", date: String = "25/8/2021", secrecy: String? = nil, unit: String? = nil) throws -> OutgoingDraft {
        OutgoingDraft(
            typeCode: type, summary: "Báo cáo kết quả", issuedDate: try LocalDate(parsing: date),
            signer: Signer(capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", fullName: "Nguyễn Văn A"),
            recipients: ["Sở Thông tin và Truyền thông", "- Phòng Tuyên truyền;"], archive: "VT, TTBCBC", unit: unit,
            secrecy: try secrecy.map(Secrecy.init(parsing:)))
    }
}
