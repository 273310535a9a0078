import Testing
@testable import VanThuCore

@Suite struct JournalTests {
    @Test func everyChangeIsJournaledWithWhoWhenBeforeAndAfter() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let document = try registry.registerIncoming(Fixtures.incoming())
        _ = try registry.edit(reference: document.reference, changes: DocumentChanges(summary: "Trích yếu đã sửa", handler: "Văn phòng"))
        _ = try registry.void(reference: document.reference, reason: "trùng")
        let entries = try registry.journal(reference: document.reference)
        #expect(entries.map(\.action) == ["register", "edit", "void"])
        #expect(entries.allSatisfy { $0.user == "văn thư" && !$0.at.isEmpty })
        #expect(entries[0].before == nil && entries[0].after != nil)
        let edit = entries[1].changes
        #expect(edit.contains(JournalEntry.FieldChange(field: "subject", before: "Kết quả triển khai", after: "Trích yếu đã sửa")))
        #expect(edit.contains { $0.field == "toPlaces" })
        #expect(entries[2].changes.map(\.field) == ["voided"])
        #expect(throws: RegistryError.alreadyVoided(document.reference, reason: "trùng")) {
            try registry.edit(reference: document.reference, changes: DocumentChanges(note: "x"))
        }
        #expect(throws: RegistryError.nothingToChange) { try registry.edit(reference: document.reference, changes: DocumentChanges()) }
    }

    @Test func setupIsJournaledToo() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try registry.addDocumentType(code: "QyC", name: "Quy chế phối hợp")
        _ = try registry.setSeriesRule(kind: .outgoing, perType: true)
        #expect(try registry.journal().map(\.action) == ["init", "add-type", "set-rule"])
        #expect(throws: RegistryError.duplicateDocumentType("qyc")) { try registry.addDocumentType(code: "qyc", name: "x") }
    }
}
