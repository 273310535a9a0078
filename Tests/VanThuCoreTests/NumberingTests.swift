import Foundation
import GRDB
import Testing
import VanThuTestSupport

@testable import VanThuCore

@Suite struct NumberingTests {
    @Test func incomingNumbersRunConsecutivelyFromOne() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let numbers = try (1...5).map { i in try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Văn bản \(i)")).number }
        #expect(numbers == [1, 2, 3, 4, 5])
        #expect(try DocumentService(registry).document(reference: "den/2021/3").subject == "Văn bản 3")
    }

    @Test func theSeriesIsChosenByTheArrivalDateNotByToday() throws {
        let registry = try Fixtures.makeRegistry(today: "2022-01-02")
        defer { registry.close() }
        let late = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Nhận 31/12", received: "31/12/2021"))
        let new = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Nhận 2/1", received: "2/1/2022"))
        let late2 = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Nhận 30/12", received: "30/12/2021"))
        #expect(late.reference == "den/2021/1")
        #expect(new.reference == "den/2022/1")
        #expect(late2.reference == "den/2021/2")
        #expect(late.registerId != new.registerId)
    }

    @Test func secretDocumentsHaveTheirOwnSeries() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("thường 1"))
        let secret = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("mật 1", secrecy: "Mật"))
        let plain = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("thường 2"))
        #expect(secret.kind == .secretIncoming)
        #expect(secret.number == 1)
        #expect(secret.reference == "den-mat/2021/1")
        #expect(plain.number == 2)
        #expect(try DocumentService(registry).documents(direction: .incoming, year: 2021).map(\.subject) == ["thường 1", "thường 2"])
        #expect(try DocumentService(registry).documents(direction: .incoming, year: 2021, secret: true).map(\.subject) == ["mật 1"])
    }

    @Test func stateOutgoingSharesOneSeriesUnlessAskedPerType() throws {
        let shared = try Fixtures.makeRegistry()
        defer { shared.close() }
        let a = try RegistrationService(shared).registerOutgoing(try Fixtures.outgoing("BC"))
        let b = try RegistrationService(shared).registerOutgoing(try Fixtures.outgoing("QĐ"))
        let c = try RegistrationService(shared).registerOutgoing(try Fixtures.outgoing("CV", unit: "TTBCBC"))
        #expect(a.notation?.numberLine == "Số: 01/BC-STTTT")
        #expect(b.notation?.numberLine == "Số: 02/QĐ-STTTT")
        #expect(c.notation?.numberLine == "Số: 03/STTTT-TTBCBC")
        #expect(c.archiveCopy == "VT, TTBCBC")

        let perType = try Fixtures.makeRegistry(outgoingPerType: true)
        defer { perType.close() }
        let d = try RegistrationService(perType).registerOutgoing(try Fixtures.outgoing("BC"))
        let e = try RegistrationService(perType).registerOutgoing(try Fixtures.outgoing("QĐ"))
        let f = try RegistrationService(perType).registerOutgoing(try Fixtures.outgoing("BC"))
        let numbers: [Int] = [d.number, e.number, f.number]
        #expect(numbers == [1, 1, 2])
        #expect(try DocumentService(perType).document(reference: "di/2021/QĐ/1").id == e.id)
        #expect(try DocumentService(perType).document(reference: "di/2021/qđ/1").id == e.id)
    }

    @Test func stateSecretAndCopiesHaveSeparateSeries() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC"))
        let secret = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC", secrecy: "toi-mat"))
        let copy = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("SY"))
        let next = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("TB"))
        #expect(secret.kind == .secretOutgoing && secret.number == 1)
        #expect(copy.kind == .copy && copy.notation?.full == "01/SY-STTTT")
        #expect(next.number == 2)
    }

    @Test func partyOutgoingRunsPerTypeOverTheTermWithSecretSharing() throws {
        let term = (start: try LocalDate(parsing: "16/10/2020"), end: try LocalDate(parsing: "15/10/2025"))
        let registry = try Fixtures.makeRegistry(Fixtures.partyAgency, today: "2022-03-01", term: term)
        defer { registry.close() }
        let a = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC", date: "20/12/2020"))
        let b = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC", date: "5/1/2021"))
        let c = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("KH", date: "6/1/2021"))
        let d = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC", date: "7/1/2021", secrecy: "mat"))
        #expect(a.notation?.numberLine == "Số 01-BC/BTGTU")
        #expect(b.notation?.numberLine == "Số 02-BC/BTGTU")  // no restart on 1 January
        #expect(c.notation?.numberLine == "Số 01-KH/BTGTU")
        #expect(d.notation?.numberLine == "Số 03-BC/BTGTU" && d.kind == .outgoing)
        #expect(throws: RegistryError.noRegisterForDate(kind: .outgoing, date: try LocalDate(parsing: "1/10/2020"))) {
            try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing("BC", date: "1/10/2020"))
        }
    }

    @Test func aPartyAgencyNeedsItsTerm() throws {
        #expect(throws: RegistryError.emptyField(.termStart)) { try Fixtures.makeRegistry(Fixtures.partyAgency) }
    }

    @Test func voidedNumbersAreNeverGivenAgain() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("một"))
        let two = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("hai"))
        let voided = try RegistrationService(registry).void(reference: two.reference, reason: "Vào sổ nhầm")
        #expect(voided.voided?.reason == "Vào sổ nhầm")
        let three = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("ba"))
        #expect(three.number == 3)
        #expect(throws: RegistryError.alreadyVoided("den/2021/2", reason: "Vào sổ nhầm")) {
            try RegistrationService(registry).void(reference: "den/2021/2", reason: "lần nữa")
        }
        #expect(throws: RegistryError.emptyField(.reason)) { try RegistrationService(registry).void(reference: "den/2021/1", reason: "  ") }
        #expect(try DocumentService(registry).documents(direction: .incoming).map(\.number) == [1, 2, 3])
    }

    @Test func subNumbersOnlyWhenAskedAndOnlyAfterAnExistingNumber() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        for i in 1...3 { _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("văn bản \(i)")) }
        var draft = try Fixtures.incoming("chèn sau số 2")
        draft.subNumberOf = 2
        let a = try RegistrationService(registry).registerIncoming(draft)
        let b = try RegistrationService(registry).registerIncoming(draft)
        #expect(a.displayNumber == "2a" && b.displayNumber == "2b")
        #expect(try DocumentService(registry).document(reference: "den/2021/2b").id == b.id)
        draft.subNumberOf = 9
        #expect(throws: RegistryError.subNumberBaseMissing("den/2021/9")) { try RegistrationService(registry).registerIncoming(draft) }
        #expect(try RegistrationService(registry).registerIncoming(try Fixtures.incoming("tiếp")).number == 4)
    }

    /// A book is read in number order, sub-numbers after their base, however the rows were
    /// added, through its numbers' index: SQLite sorts nothing (a year's book sorted whole
    /// rows in a temporary b-tree), for the whole year and for one month.
    @Test func aBookIsReadInNumberOrderThroughItsNumbersIndex() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        for (i, day) in ["20/8/2021", "3/8/2021", "25/8/2021", "1/9/2021"].enumerated() {
            _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("văn bản \(i)", received: day))
        }
        var draft = try Fixtures.incoming("chèn sau số 1", received: "20/8/2021")
        draft.subNumberOf = 1
        _ = try RegistrationService(registry).registerIncoming(draft)
        let service = RegisterService(registry)
        let year = try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil)
        let august = try RegisterPeriod(year: nil, month: "2021-08", quarter: nil, from: nil, to: nil)
        let book = try #require(try service.registers(kinds: [.incoming], overlapping: year).first)
        for (period, expected) in [(year, ["1", "1a", "2", "3", "4"]), (august, ["1", "1a", "2", "3"])] {
            var numbers: [String] = []
            try service.forEachDocument(kinds: [.incoming], in: period, register: book) { numbers.append($0.displayNumber) }
            #expect(numbers == expected)
        }
        let plan = try DatabaseQueue(path: registry.path).read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + RegisterService.documentsInOrder(kinds: [.incoming], register: book),
                arguments: ["incoming", "2021-01-01", "2021-12-31", book.id]
            ).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("sqlite_autoindex_document_1") && !plan.contains("TEMP B-TREE"), "\(plan)")
    }

    @Test func aSeriesKeptOnPaperContinuesWhereItStopped() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        _ = try SetupService(registry).continueSeries(kind: .incoming, date: "20/8/2021", typeCode: nil, firstNumber: 783)
        #expect(try RegistrationService(registry).registerIncoming(try Fixtures.incoming()).number == 783)
        #expect(try RegistrationService(registry).registerIncoming(try Fixtures.incoming("sau")).number == 784)
        #expect(throws: RegistryError.seriesAlreadyStarted("Sổ đăng ký văn bản đến năm 2021")) {
            try SetupService(registry).continueSeries(kind: .incoming, date: "1/1/2021", typeCode: nil, firstNumber: 900)
        }
    }

    @Test func theDatabaseItselfRefusesToDeleteOrRenumber() throws {
        let registry = try Fixtures.makeRegistry()
        let document = try RegistrationService(registry).registerIncoming(try Fixtures.incoming())
        registry.close()
        let dbQueue = try DatabaseQueue(path: registry.path)
        let duplicate = """
            INSERT INTO document (kind, registerId, number, registerDate, organName, typeCode, typeName, subject, registeredAt, registeredBy)
            SELECT kind, registerId, number, registerDate, organName, typeCode, typeName, subject, registeredAt, registeredBy
            FROM document WHERE id = \(document.id)
            """
        for sql in ["DELETE FROM document", "UPDATE document SET number = 99", "DELETE FROM journal", "UPDATE journal SET user = 'x'", duplicate] {
            #expect(throws: DatabaseError.self) { try dbQueue.write { try $0.execute(sql: sql) } }
        }
        let count = try dbQueue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document") }
        #expect(count == 1)
    }
}

@Suite struct BatchRegistrationTests {
    @Test func aBatchIsAllOrNothing() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let good = try (1...3).map { try Fixtures.incoming("văn bản \($0)", notation: "\($0)/SNV-VP") }
        #expect(throws: RegistryError.self) {
            try RegistrationService(registry).registerIncoming(batch: good + [try Fixtures.incoming(received: "31/02/2021")])
        }
        // A duplicate inside the batch.
        #expect(throws: RegistryError.self) { try RegistrationService(registry).registerIncoming(batch: good + [good[0]]) }
        #expect(try DocumentService(registry).documents(direction: .incoming).isEmpty)
        #expect(try JournalService(registry).entries().map(\.action) == ["init"])
        let registered = try RegistrationService(registry).registerIncoming(batch: good + [try Fixtures.incoming("mật", secrecy: "mat")])
        #expect(registered.map(\.number) == [1, 2, 3, 1])
        #expect(try JournalService(registry).entries().filter { $0.action == "register" }.count == 4)
        #expect(try RegistrationService(registry).registerIncoming(try Fixtures.incoming("sau")).number == 4)
    }

    @Test func theBatchErrorNamesTheBadDocument() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let drafts = [try Fixtures.incoming("một"), try Fixtures.incoming(" ")]
        #expect(throws: RegistryError.batchItem(2, cause: .emptyField(.summary))) {
            try RegistrationService(registry).registerIncoming(batch: drafts)
        }
    }
}
