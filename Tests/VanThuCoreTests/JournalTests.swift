import Foundation
import Testing

@testable import VanThuCore

@Suite struct JournalTests {
    @Test func everyChangeIsJournaledWithWhoWhenBeforeAndAfter() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let document = try RegistrationService(registry).registerIncoming(try Fixtures.incoming())
        _ = try RegistrationService(registry).edit(
            reference: document.reference, changes: DocumentChanges(summary: "Trích yếu đã sửa", handler: "Văn phòng"))
        _ = try RegistrationService(registry).void(reference: document.reference, reason: "trùng")
        let entries = try JournalService(registry).entries(reference: document.reference)
        #expect(entries.map(\.action) == ["register", "edit", "void"])
        #expect(entries.allSatisfy { $0.user == "văn thư" && !$0.at.isEmpty })
        #expect(entries[0].before == nil && entries[0].after != nil)
        let edit = entries[1].changes
        #expect(edit.contains(JournalEntry.FieldChange(field: "subject", before: "Kết quả triển khai", after: "Trích yếu đã sửa")))
        #expect(edit.contains { $0.field == "toPlaces" })
        #expect(entries[2].changes.map(\.field) == ["voided"])
        #expect(throws: RegistryError.alreadyVoided(document.reference, reason: "trùng")) {
            try RegistrationService(registry).edit(reference: document.reference, changes: DocumentChanges(note: "x"))
        }
        #expect(throws: RegistryError.nothingToChange) {
            try RegistrationService(registry).edit(reference: document.reference, changes: DocumentChanges())
        }
    }

    @Test func setupIsJournaledToo() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try SetupService(registry).addDocumentType(code: "QyC", name: "Quy chế phối hợp")
        _ = try SetupService(registry).setSeriesRule(kind: .outgoing, perType: true)
        #expect(try JournalService(registry).entries().map(\.action) == ["init", "add-type", "set-rule"])
        #expect(throws: RegistryError.duplicateDocumentType("qyc")) { try SetupService(registry).addDocumentType(code: "qyc", name: "x") }
    }
}

@Suite struct JSONTests {
    @Test func theJournalsHandWrittenJSONMatchesTheEncoders() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let document = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming("Trích yếu có \"ngoặc kép\", \\ gạch chéo, tab\tvà ký tự \u{1} lạ", notation: "85-BC/BTGTU"))
        let fast = try JSONSerialization.jsonObject(with: Data(document.json.compact.utf8)) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: Data(try JSONOutput.encode(document).utf8)) as? NSDictionary
        #expect(fast != nil && fast == encoded)
        let journal = try #require(try JournalService(registry).entries(reference: document.reference).first?.after)
        #expect(try JSONSerialization.jsonObject(with: Data(journal.utf8)) as? NSDictionary == encoded)
        guard case .fields(let fields) = document.json else {
            Issue.record("a document is an object")
            return
        }
        #expect(fields.map(\.0) == fields.map(\.0).sorted(), "the fields are written in key order")
    }
}
