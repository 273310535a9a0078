import Foundation
import GRDB
import Testing
import VanThuTestSupport

@testable import VanThuCore

@Suite struct SearchTests {
    /// A registry with a few documents that differ only where a search must tell them apart.
    static func sample() throws -> Registry {
        let registry = try Fixtures.makeRegistry()
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming(
                "Kết quả 5 năm thực hiện công tác tuyên truyền miệng", issuer: "Huyện ủy Đăk Hà", notation: "27-BC/HU", received: "24/8/2021"))
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming(
                "Tổ chức học tập nghị quyết cho cán bộ Đảng ủy xã", issuer: "Ban Tuyên giáo Trung ương", notation: "432-KH/BTGTW",
                received: "2/3/2021", type: "KH"))
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming("Văn bản đang xử lý về dạng tài liệu", issuer: "Sở Nội vụ", notation: "15/SNV-VP", received: "5/1/2021", type: "CV")
        )
        // Stored decomposed (NFD), as some PDF extractors give it.
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming(
                "Triển khai Kế hoạch 432-KH/BTGTW về tuyên truyền".decomposedStringWithCanonicalMapping,
                issuer: "Tỉnh ủy Kon Tum", notation: "88-CV/TU", received: "10/3/2021", type: "CV"))
        return registry
    }

    func subjects(_ registry: Registry, _ text: String, _ adjust: (inout SearchQuery) -> Void = { _ in }) throws -> [String] {
        var query = SearchQuery(text: text)
        adjust(&query)
        return try SearchService(registry).search(query).hits.map { VietnameseText.composed($0.document.subject) }
    }

    @Test func diacriticsCaseAndĐAreIgnored() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        #expect(try subjects(registry, "tuyen truyen mieng") == ["Kết quả 5 năm thực hiện công tác tuyên truyền miệng"])
        #expect(try subjects(registry, "TUYÊN TRUYỀN MIỆNG").count == 1)
        #expect(try subjects(registry, "dang uy") == ["Tổ chức học tập nghị quyết cho cán bộ Đảng ủy xã"])
        // "dang" folds Đảng, đang and dạng together; "Đăk" folds to "dak".
        #expect(try Set(subjects(registry, "dang")).count == 2)
        #expect(try subjects(registry, "dak ha").count == 1)
        // NFD query, and the NFD-stored document.
        #expect(try subjects(registry, "Triển khai".decomposedStringWithCanonicalMapping).count == 1)
        #expect(try subjects(registry, "trien khai") == ["Triển khai Kế hoạch 432-KH/BTGTW về tuyên truyền"])
        #expect(try subjects(registry, "tuyen truy*").count == 2)
        #expect(try subjects(registry, "khong co chu nay").isEmpty)
        // The filter words kept in the index are never matched by what a clerk types.
        #expect(try subjects(registry, "incoming").isEmpty && subjects(registry, "2021").isEmpty && subjects(registry, "kincoming").isEmpty)
    }

    @Test func aNotationIsFoundHoweverItWasTyped() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        for typed in ["432-KH/BTGTW", "Số: 432 - KH/BTGTW", "so 432-kh/btgtw", "432 KH / BTGTW", "Số 432-KH/BTGTW"] {
            let found = try subjects(registry, typed)
            // The document itself first, then the one that cites it in its summary.
            #expect(found.first == "Tổ chức học tập nghị quyết cho cán bộ Đảng ủy xã", "\(typed)")
            #expect(found.count == 2, "\(typed)")
        }
        #expect(try subjects(registry, "15/SNV-VP").count == 1)
        #expect(try subjects(registry, "433-KH/BTGTW").isEmpty)
    }

    @Test func filtersCombineWithTheWords() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        _ = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing())
        _ = try HandlingService(registry).route(
            reference: "den/2021/1", RoutingDraft(lead: "Phòng Tuyên truyền", due: "15/9/2021", date: "24/8/2021"))
        _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "Văn phòng Sở", due: "20/1/2022", date: "2/3/2021"))
        #expect(
            try subjects(registry, "tuyen truyen") {
                $0.typeCode = "bc"
                $0.direction = .incoming
            } == ["Kết quả 5 năm thực hiện công tác tuyên truyền miệng"])
        #expect(
            try subjects(registry, "tuyen truyen") {
                $0.from = LocalDate.parse("2021-03-01")
                $0.to = LocalDate.parse("2021-06-30")
            }.count == 1)
        #expect(try subjects(registry, "") { $0.handler = "phong tuyen truyen" } == ["Kết quả 5 năm thực hiện công tác tuyên truyền miệng"])
        #expect(try subjects(registry, "mieng") { $0.handler = "Văn phòng Sở" }.isEmpty)
        #expect(try subjects(registry, "tuyen") { $0.handler = "Văn phòng Sở" } == ["Tổ chức học tập nghị quyết cho cán bộ Đảng ủy xã"])
        // Today is 31/12/2021: the first is overdue, the second not yet; "den/2021/3" was never routed.
        #expect(
            try Set(subjects(registry, "") { $0.status = .overdue }) == [
                "Kết quả 5 năm thực hiện công tác tuyên truyền miệng", "Văn bản đang xử lý về dạng tài liệu",
                "Triển khai Kế hoạch 432-KH/BTGTW về tuyên truyền",
            ])
        // Recipients and the signer of an outgoing document are searched too.
        #expect(try subjects(registry, "phong tuyen truyen") { $0.direction = .outgoing } == ["Báo cáo kết quả"])
        #expect(try subjects(registry, "nguyen van a") { $0.direction = .outgoing }.count == 1)
        #expect(try subjects(registry, "phong tuyen truyen") { $0.direction = .incoming }.count == 1)
        #expect(try subjects(registry, "tuyen truyen") { $0.year = 2020 }.isEmpty)
        #expect(throws: RegistryError.self) { try subjects(registry, "tuyen") { $0.typeCode = "XYZ" } }
        #expect(throws: RegistryError.emptyField(.searchText)) { try subjects(registry, "  ") }
    }

    @Test func theMoreTellingFieldRanksFirst() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        var noted = try Fixtures.incoming("Kế hoạch công tác năm", notation: "1-KH/A")
        noted.note = "liên quan chuyển đổi số"
        _ = try RegistrationService(registry).registerIncoming(noted)
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Chuyển đổi số trong cơ quan", notation: "2-KH/A"))
        let results = try SearchService(registry).search(SearchQuery(text: "chuyen doi so"))
        #expect(results.total == 2)
        #expect(results.hits.map(\.document.subject) == ["Chuyển đổi số trong cơ quan", "Kế hoạch công tác năm"])
        #expect(results.hits.allSatisfy { $0.score != nil })
    }

    /// Past its ranking window a search ranks only the newest matches, says so, and still counts
    /// them all; within it, the ranking is the full one. With and without a filter on the documents.
    @Test func aVeryBroadSearchIsRankedAmongItsNewestMatches() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        // The best match is the oldest; 29 weaker ones (the words only in the note) come after it.
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Chuyển đổi số trong cơ quan", notation: "1-KH/A"))
        for index in 2...30 {
            var weak = try Fixtures.incoming("Kế hoạch công tác năm \(index)", notation: "\(index)-KH/A")
            weak.note = "liên quan chuyển đổi số"
            _ = try RegistrationService(registry).registerIncoming(weak)
        }
        for filtered in [false, true] {
            func search(window: Int?) throws -> SearchResults {
                var query = SearchQuery(text: "chuyen doi so")
                query.rankingWindow = window
                if filtered { query.from = LocalDate(year: 2021, month: 1, day: 1) }
                return try SearchService(registry).search(query)
            }
            let all = try search(window: nil)
            #expect(all.total == 30 && all.rankedAmongNewest == nil)
            #expect(all.hits.first?.document.number == 1)
            let windowed = try search(window: 10)
            #expect(windowed.total == 30 && windowed.rankedAmongNewest == 10)
            #expect(windowed.hits.map(\.document.number).sorted() == Array(21...30))
            let wide = try search(window: 30)
            #expect(wide.rankedAmongNewest == nil)
            #expect(wide.hits.map(\.document.id) == all.hits.map(\.document.id))
        }
    }

    @Test func theIndexFollowsEditsVoidsAndText() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        _ = try RegistrationService(registry).edit(reference: "den/2021/1", changes: DocumentChanges(summary: "Báo cáo sơ kết chuyển đổi số"))
        #expect(try subjects(registry, "tuyen truyen mieng").isEmpty)
        #expect(try subjects(registry, "chuyen doi so").count == 1)
        _ = try RegistrationService(registry).void(reference: "den/2021/3", reason: "Vào sổ nhầm bản photo")
        #expect(try subjects(registry, "ban photo") == ["Văn bản đang xử lý về dạng tài liệu"])
        #expect(try subjects(registry, "") { $0.status = .voided }.count == 1)
        #expect(try SearchService(registry).searchIndexProblem() == nil)
    }

    /// A batch is indexed in one statement at its end (v12): every document and its text are
    /// found, the index checks clean, nothing of the deferral is left, and the triggers still
    /// follow a later change made with the sqlite3 shell. A refused batch leaves nothing.
    @Test func aBatchIsIndexedAtItsEndAndTheTriggersStillFollowTheShell() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        let triggers = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        let triggersBefore = try registry.store.read { db in try String.fetchAll(db, sql: triggers) }
        #expect(triggersBefore.count > 10)
        var drafts = try (1...3).map {
            try Fixtures.incoming("Lô văn bản số \($0) về phòng cháy", notation: "\(700 + $0)-BC/TU", received: "1/9/2021")
        }
        drafts[1].text = "Nội dung có từ khóa riêng: hỏa hoạn rừng phòng hộ"
        _ = try RegistrationService(registry).registerIncoming(batch: drafts)
        #expect(try subjects(registry, "lo van ban phong chay").count == 3)
        #expect(try subjects(registry, "hoa hoan rung") == ["Lô văn bản số 2 về phòng cháy"])
        #expect(try subjects(registry, "tuyen truyen mieng").count == 1)
        #expect(try SearchService(registry).searchIndexProblem() == nil)

        var refused = try (4...5).map { try Fixtures.incoming("Lô bị từ chối \($0)", notation: "\(800 + $0)-BC/TU", received: "1/9/2021") }
        refused[1].notation = drafts[0].notation  // a duplicate, refused inside the transaction
        #expect(throws: RegistryError.self) { try RegistrationService(registry).registerIncoming(batch: refused) }
        #expect(try subjects(registry, "bi tu choi").isEmpty)
        // The triggers a batch sets aside are back, word for word, after it and after a refused one.
        #expect(try registry.store.read { db in try String.fetchAll(db, sql: triggers) } == triggersBefore)

        let other = try DatabaseQueue(path: registry.path)
        let deferred = try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM searchIndexDeferral") }
        #expect(deferred == 0)
        try other.write { db in
            try db.execute(sql: "UPDATE document SET subject = 'Đổi bằng sqlite3' WHERE subject = 'Lô văn bản số 3 về phòng cháy'")
        }
        try other.close()
        #expect(try subjects(registry, "doi bang sqlite3").count == 1)
        #expect(try subjects(registry, "lo van ban phong chay").count == 2)
        #expect(try SearchService(registry).searchIndexProblem() == nil)
    }

    /// A bulk write adds Nơi nhận and texts only to the documents it appends (the triggers that
    /// would index one of an older document are set aside): one that tried is refused whole.
    @Test func aBulkWriteThatTouchesAnOlderDocumentIsRefusedWhole() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        let count = "SELECT (SELECT count(*) FROM recipient) || ' ' || (SELECT count(*) FROM documentText) || ' ' || (SELECT count(*) FROM journal)"
        let before = try registry.store.read { db in try String.fetchOne(db, sql: count) }
        for insert in [
            "INSERT INTO recipient (documentId, position, name) VALUES (1, 1, 'UBND huyện')",
            "INSERT INTO documentText (documentId, text) VALUES (1, 'nội dung mới')",
        ] {
            let error = #expect(throws: RegistryError.self) {
                try registry.store.write(bulk: true) { db in
                    try registry.store.appendJournal(db, action: "test", entity: "document", entityId: 1)
                    try db.execute(sql: insert)
                }
            }
            guard case .storage(let detail) = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
            #expect(detail.contains("a bulk write adds only to the documents it appends"), "\(detail)")
        }
        #expect(try registry.store.read { db in try String.fetchOne(db, sql: count) } == before)
        #expect(try SearchService(registry).searchIndexProblem() == nil)
    }

    /// An account that sees no document (the quản trị, a disabled one, an officer with neither
    /// a name nor a unit) gets empty lists, never SQLite's "no query solution" from the open
    /// documents' index: the web inbox lists open and overdue documents through it.
    @Test func anAccountThatSeesNothingGetsEmptyListsNotAnError() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        let nobody = [
            Account(id: 9, name: "quantri", fullName: nil, role: .administrator, unit: nil, disabled: false, createdAt: ""),
            Account(id: 10, name: "nghi", fullName: "Lê Văn Nghỉ", role: .clerk, unit: nil, disabled: true, createdAt: ""),
            Account(id: 11, name: "cv", fullName: nil, role: .officer, unit: nil, disabled: false, createdAt: ""),
        ]
        for account in nobody {
            for status in [SearchQuery.Status.open, .overdue, .unrouted] {
                var query = SearchQuery(text: "")
                query.status = status
                let results = try SearchService(registry.acting(as: account)).search(query)
                #expect(results.total == 0 && results.hits.isEmpty, "\(account.name) \(status)")
            }
        }
        var open = SearchQuery(text: "")
        open.status = .open
        #expect(try SearchService(registry).search(open).total == 4)
    }

    @Test func checkFindsAnIndexChangedBehindItsBackAndRebuildMendsIt() throws {
        let registry = try Self.sample()
        defer { registry.close() }
        #expect(try SearchService(registry).searchIndexProblem() == nil)
        // Someone edits the file with the sqlite3 shell, triggers removed first.
        let other = try DatabaseQueue(path: registry.path)
        try other.write { db in
            try db.execute(sql: "DROP TRIGGER documentSearch_before_update; DROP TRIGGER documentSearch_after_update")
            try db.execute(sql: "UPDATE document SET subject = 'Nội dung thay lén' WHERE number = 1")
        }
        try other.close()
        let problem = try SearchService(registry).searchIndexProblem()
        #expect(problem != nil)
        #expect(try subjects(registry, "thay len").isEmpty)
        // `check` has a second connection find it, beside its other checks: the same words.
        let beside = try #require(registry.store.readBeside(ownTransaction: true) { try SearchService.searchIndexProblem($0) })
        #expect(beside.wait()?.problem == problem)
        let report = try JournalService(registry).verify()
        #expect(report.searchIndex == problem && report.isClean == false)
        // The two vocabularies are walked side by side; SQL's EXCEPT both ways finds the same
        // words, among them those of the old summary left only in the index ("ket", "qua").
        let queue = try DatabaseQueue(path: registry.path)
        defer { try? queue.close() }
        let bySQL = try queue.writeWithoutTransaction { try SearchService.searchIndexProblem($0, bySQL: true).problem }
        #expect(bySQL == problem)
        #expect(problem?.hasPrefix("5, cong, dung, hien, ket") == true)
        try SearchService(registry).rebuildSearchIndex()
        #expect(try SearchService(registry).searchIndexProblem() == nil)
        #expect(try subjects(registry, "thay len").count == 1)
        #expect(try JournalService(registry).entries().last?.action == "rebuild-search-index")
    }

    @Test func thePatternReadsWordsPrefixesPhrasesAndNotations() {
        #expect(SearchPattern("Tuyên truyền  miệng").expression == "\"tuyen\" \"truyen\" \"mieng\"")
        #expect(SearchPattern("tuy* \"Đảng ủy\"").expression == "\"dang uy\" \"tuy\"*")
        #expect(SearchPattern("Số: 432 - KH/BTGTW").expression == "\"432 kh btgtw\"")
        #expect(SearchPattern("15/QĐ-UBND").expression == "\"15 qd ubnd\"")
        #expect(SearchPattern("kế hoạch 432-KH/BTGTW").expression == "\"ke\" \"hoach\" \"432\" \"kh\" \"btgtw\"")
        #expect(SearchPattern("a \"b").expression == "\"a\" \"b\"")
        #expect(SearchPattern(" - / ").expression == nil)
        // FTS5 syntax typed by a clerk is only words.
        #expect(SearchPattern("NOT OR AND (x)").expression == "\"not\" \"or\" \"and\" \"x\"")
    }

    @Test func highlightsMatchTheWordsWhateverTheirMarks() {
        let text = "Về việc tuyên truyền Đảng ủy, đang xử lý"
        let marked = SearchPattern("tuyen dang").matches(in: text).map { String(text[$0]) }
        #expect(marked == ["tuyên", "Đảng", "đang"])
        #expect(SearchPattern("tuy*").matches(in: text).map { String(text[$0]) } == ["tuyên"])
    }
}
