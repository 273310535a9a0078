import Foundation
import Testing

@testable import VanThuCore

@Suite struct RegistrationTests {
    @Test func duplicatesAreRefusedHoweverTheyWereTyped() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let first = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "85-BC/BTGTU"))
        let again = try Fixtures.incoming("lần hai", issuer: "BAN TUYÊN GIÁO TỈNH UỶ", notation: "Số 085 – bc/btgtu")
        #expect(throws: RegistryError.duplicateDocument(existing: first.reference, registeredOn: first.registerDate)) {
            try RegistrationService(registry).registerIncoming(again)
        }
        var forced = again
        forced.force = true
        #expect(try RegistrationService(registry).registerIncoming(forced).number == 2)
        // Same number from another issuer is another document.
        #expect(
            try RegistrationService(registry).registerIncoming(try Fixtures.incoming(issuer: "Tỉnh ủy Kon Tum", notation: "85-BC/BTGTU")).number == 3)
        // A voided registration no longer blocks.
        _ = try RegistrationService(registry).void(reference: first.reference, reason: "nhầm")
        _ = try RegistrationService(registry).void(reference: "den/2021/2", reason: "nhầm")
        #expect(try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "85-BC/BTGTU")).number == 4)
    }

    @Test func theTypeIsReadFromTheNotationWhenNotGiven() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let party = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "85-BC/BTGTU", type: nil))
        let congVan = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming(issuer: "Sở Nội vụ", notation: "899/SNV-TCBC", type: nil))
        let decree = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming(issuer: "Chính phủ", notation: "30/2020/NĐ-CP", type: nil))
        let byName = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(issuer: "Sở Tài chính", type: "Tờ trình"))
        #expect(party.typeName == "Báo cáo")
        #expect(congVan.typeCode == "CV" && congVan.typeName == "Công văn")
        #expect(decree.typeName == "Nghị định")
        #expect(byName.typeCode == "TTr")
        #expect(throws: RegistryError.emptyField(.typeCode)) { try RegistrationService(registry).registerIncoming(try Fixtures.incoming(type: nil)) }
    }

    @Test func badInputIsRefusedBeforeAnythingIsWritten() throws {
        let registry = try Fixtures.makeRegistry(today: "2021-08-25")
        defer { registry.close() }
        let before = try JournalService(registry).entries().count
        // Some are refused while the clerk's text is parsed into the draft, the rest by the registry.
        let cases: [(() throws -> IncomingDraft, RegistryError)] = [
            ({ try Fixtures.incoming(received: "31/02/2021") }, .invalidDate("31/02/2021")),
            (
                { try Fixtures.incoming(received: "26/8/2021") },
                .dateInFuture(field: .arrivalDate, date: try LocalDate(parsing: "26/8/2021"), today: try LocalDate(parsing: "25/8/2021"))
            ),
            ({ try Fixtures.incoming(type: "XYZ") }, .unknownDocumentType(code: "XYZ", suggestions: [])),
            ({ try Fixtures.incoming("   ") }, .emptyField(.summary)),
            ({ try Fixtures.incoming(issuer: "") }, .emptyField(.issuer)),
            ({ try Fixtures.incoming(notation: "85/") }, .invalidNotation("85/")),
            (
                { try Fixtures.incoming(secrecy: "bí mật lắm") },
                .invalidValue(field: .secrecy, value: "bí mật lắm", allowed: ["mat", "toi-mat", "tuyet-mat"])
            ),
        ]
        for (draft, expected) in cases {
            #expect(throws: expected) { try RegistrationService(registry).registerIncoming(try draft()) }
        }
        var issuedAfterArrival = try Fixtures.incoming()
        issuedAfterArrival.issuedDate = try LocalDate(parsing: "21/8/2021")
        #expect(throws: RegistryError.dateOrder(earlier: .issuedDate, later: .arrivalDate)) {
            try RegistrationService(registry).registerIncoming(issuedAfterArrival)
        }
        #expect(throws: RegistryError.notationNeedsUnit(typeName: "Công văn")) {
            try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("CV"))
        }
        #expect(throws: RegistryError.self) { try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("NĐ", date: "1/1/2022")) }
        #expect(try JournalService(registry).entries().count == before)
        #expect(try DocumentService(registry).documents(direction: .incoming).isEmpty)
        #expect(try DocumentService(registry).documents(direction: .outgoing).isEmpty)
    }

    @Test func outgoingCountsCopiesAndKeepsRecipientsInOrder() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let document = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing())
        #expect(document.recipients == ["Sở Thông tin và Truyền thông", "Phòng Tuyên truyền"])
        #expect(document.issuedAmount == 4)
        let printed = DocumentPrinter.outgoing(document, organization: try SetupService(registry).organization())
        #expect(printed.contains("Số: 01/BC-STTTT"))
        #expect(printed.contains("Kon Tum, ngày 25 tháng 8 năm 2021"))
        #expect(printed.contains("Nơi nhận:\n- Sở Thông tin và Truyền thông;\n- Phòng Tuyên truyền;\n- Lưu: VT, TTBCBC."))
    }

    @Test func theStampShowsNumberDateHandlerAndFile() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        var draft = try Fixtures.incoming()
        draft.handler = "Phòng Tuyên truyền"
        draft.fileNotation = "01.ttbcbc"
        #expect(throws: ArchiveError.dossierNotFound("2021/01.ttbcbc")) { try RegistrationService(registry).registerIncoming(draft) }
        #expect(try DocumentService(registry).documents(direction: .incoming).isEmpty, "no number is given for a hồ sơ that does not exist")
        _ = try DossierService(registry).openDossier("01.TTBCBC", year: 2021, DossierDraft(title: "Tập văn bản đến về tuyên truyền"))
        let document = try RegistrationService(registry).registerIncoming(draft)
        let stamp = DocumentPrinter.stamp(document, organization: try SetupService(registry).organization())
        for expected in [
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 1 ", "ĐẾN", "Ngày: 20/8/2021", "Chuyển: Phòng Tuyên truyền", "Số và ký hiệu HS: 01.TTBCBC",
        ] {
            #expect(stamp.contains(expected), "stamp lacks \(expected)")
        }
        let lines: [Substring] = stamp.split(separator: "\n")
        let widths = Set(lines.map { $0.count })
        #expect(widths.count == 1, "every line of the box has the same width")
    }

    @Test func jsonUsesThePhụLụcVINames() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        var draft = try Fixtures.incoming(notation: "85-BC/BTGTU")
        draft.issuedDate = try LocalDate(parsing: "18/8/2021")
        draft.handler = "Phòng Tuyên truyền"
        let document = try RegistrationService(registry).registerIncoming(draft)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try JSONOutput.encode(document).utf8)) as? [String: Any])
        #expect(object["arrivalNumber"] as? Int == 1)
        #expect(object["arrivalDate"] as? String == "2021-08-20")
        #expect(object["issuedDate"] as? String == "2021-08-18")
        #expect(object["codeNumber"] as? String == "85")
        #expect(object["codeNotation"] as? String == "BC/BTGTU")
        #expect(object["organName"] as? String == "Ban Tuyên giáo Tỉnh ủy")
        #expect(object["typeName"] as? String == "Báo cáo")
        #expect(object["toPlaces"] as? [String] == ["Phòng Tuyên truyền"])
        #expect(object["id"] as? Int == Int(document.id))
        #expect(object.keys.contains("dueDate"))
    }
}
