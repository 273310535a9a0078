import Foundation
import Testing
import VanThuTestSupport

@testable import VanThuCore

/// Routing and follow-up on real SQLite files, with "today" fixed.
@Suite struct HandlingTests {
    /// Three incoming documents of Friday 20/8/2021 (the first urgent) and one reply.
    func registry(today: String = "2021-08-23") throws -> Registry {
        let registry = try Fixtures.makeRegistry(today: today)
        var urgent = try Fixtures.incoming("Cử công chức", issuer: "Sở Nội vụ", notation: "1432/SNV-CCVC", type: "CV")
        urgent.urgency = .khan
        _ = try RegistrationService(registry).registerIncoming(urgent)
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming("Tuyên truyền Quốc khánh", issuer: "UBND tỉnh", notation: "512/QĐ-UBND", type: "QĐ"))
        _ = try RegistrationService(registry).registerIncoming(
            try Fixtures.incoming("Kết quả tuyên truyền miệng", issuer: "Huyện ủy Đăk Hà", notation: "27-BC/HU"))
        _ = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing(date: "23/8/2021"))
        return registry
    }

    func steps(_ registry: Registry, _ reference: String) throws -> [HandlingStep.Action] {
        try HandlingService(registry).history(reference: reference).steps.map(\.action)
    }

    @Test func aDocumentMovesThroughEveryStatusAndEachStepIsJournaled() throws {
        let registry = try registry()
        #expect(try DocumentService(registry).document(reference: "den/2021/1").status == .registered)
        let routed = try HandlingService(registry).route(
            reference: "den/2021/1",
            RoutingDraft(
                lead: "Văn phòng Sở", coUnits: ["Phòng CNTT", "văn phòng sở"], due: "10wd", direction: "Giao VP tham mưu",
                directedBy: "PGĐ Nguyễn Văn B"))
        #expect(routed.document.status == .routed)
        #expect(routed.document.handler == "Văn phòng Sở" && routed.document.coHandlers == ["Phòng CNTT"])
        #expect(routed.document.transferDate?.iso == "2021-08-23")
        // Monday 23/8 + 10 working days skips Quốc khánh (Thursday 2/9, Friday 3/9): Wednesday 8/9.
        #expect(routed.document.dueDate?.iso == "2021-09-08")
        #expect(try HandlingService(registry).receipt(reference: "den/2021/1", unit: "Phòng CNTT", signedBy: "Lê D").document.status == .routed)
        #expect(
            try HandlingService(registry).receipt(reference: "den/2021/1", unit: "VĂN PHÒNG SỞ", signedBy: "Trần Thị C").document.status
                == .inProgress)
        #expect(try HandlingService(registry).progress(reference: "den/2021/1", note: "Đang dự thảo").document.progress == "Đang dự thảo")
        let done = try HandlingService(registry).done(reference: "den/2021/1", reply: "di/2021/BC/1")
        #expect(done.document.status == .done && done.document.reply == "01/BC-STTTT" && done.document.doneDate?.iso == "2021-08-23")
        let reopened = try HandlingService(registry).reopen(reference: "den/2021/1", reason: "Bổ sung số liệu")
        #expect(reopened.document.status == .routed && reopened.document.reply == "01/BC-STTTT" && reopened.document.doneDate == nil)
        #expect(try HandlingService(registry).done(reference: "den/2021/1", reply: nil).document.reply == "01/BC-STTTT")
        #expect(try steps(registry, "den/2021/1") == [.route, .receipt, .receipt, .progress, .done, .reopen, .done])
        let journal = try JournalService(registry).entries(reference: "den/2021/1").map(\.action)
        #expect(journal == ["register", "route", "receipt", "receipt", "progress", "done", "reopen", "done"])
        let routeEntry = try #require(try JournalService(registry).entries(reference: "den/2021/1").first { $0.action == "route" })
        #expect(routeEntry.before?.contains("\"status\":\"registered\"") == true)
        #expect(routeEntry.after?.contains("\"status\":\"routed\"") == true && routeEntry.after?.contains("\"dueDate\":\"2021-09-08\"") == true)
        #expect(routeEntry.user == "văn thư")
    }

    @Test func returningAndRegisteringWithAHandler() throws {
        let registry = try registry()
        let returned = try HandlingService(registry).returnDocument(reference: "den/2021/3", reason: "Gửi nhầm cơ quan")
        #expect(returned.document.status == .returned)
        #expect(throws: RegistryError.statusForbids("den/2021/3", status: .returned, action: .route)) {
            try HandlingService(registry).route(reference: "den/2021/3", RoutingDraft(lead: "Văn phòng"))
        }
        #expect(try HandlingService(registry).reopen(reference: "den/2021/3", reason: "Đúng cơ quan").document.status == .registered)
        var draft = try Fixtures.incoming("Có đơn vị nhận ngay", notation: "99/UBND-VP")
        draft.handler = "Phòng Tuyên truyền"
        draft.dueDate = try LocalDate(parsing: "30/8/2021")
        let document = try RegistrationService(registry).registerIncoming(draft)
        #expect(document.status == .routed)
        #expect(try steps(registry, document.reference) == [.route])
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let registry = try registry()
        let before = try snapshot(registry)
        let refusals: [(RegistryError, () throws -> Void)] = [
            (
                .statusForbids("den/2021/2", status: .registered, action: .receipt),
                { _ = try HandlingService(registry).receipt(reference: "den/2021/2", unit: "X", signedBy: nil) }
            ),
            (
                .statusForbids("den/2021/2", status: .registered, action: .done),
                { _ = try HandlingService(registry).done(reference: "den/2021/2", reply: nil) }
            ),
            (
                .statusForbids("den/2021/2", status: .registered, action: .reopen),
                { _ = try HandlingService(registry).reopen(reference: "den/2021/2", reason: "x") }
            ),
            (
                .dateOrder(earlier: .arrivalDate, later: .dueDate),
                { _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "VP", due: "19/8/2021")) }
            ),
            (
                .dateOrder(earlier: .arrivalDate, later: .transferDate),
                { _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "VP", date: "19/8/2021")) }
            ),
            (
                .dateInFuture(field: .transferDate, date: try LocalDate(parsing: "24/8/2021"), today: try LocalDate(parsing: "23/8/2021")),
                { _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "VP", date: "24/8/2021")) }
            ),
            (
                .invalidDeadline("mười ngày"),
                {
                    _ = try HandlingService(registry).route(
                        reference: "den/2021/2", RoutingDraft(lead: "VP", due: try Deadline(parsing: "mười ngày")))
                }
            ),
            (.emptyField(.lead), { _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "  ")) }),
            (.documentNotFound("den/2021/99"), { _ = try HandlingService(registry).route(reference: "den/2021/99", RoutingDraft(lead: "VP")) }),
            (
                .wrongDirection("di/2021/BC/1", expected: .incoming),
                { _ = try HandlingService(registry).route(reference: "di/2021/BC/1", RoutingDraft(lead: "VP")) }
            ),
            (.invalidReference("den/2021"), { _ = try HandlingService(registry).route(reference: "den/2021", RoutingDraft(lead: "VP")) }),
            (.emptyField(.progressNote), { _ = try HandlingService(registry).progress(reference: "den/2021/2", note: "") }),
        ]
        for (expected, attempt) in refusals {
            #expect(throws: expected) { try attempt() }
        }
        #expect(try snapshot(registry) == before)
        _ = try RegistrationService(registry).void(reference: "den/2021/2", reason: "Trùng")
        #expect(throws: RegistryError.voidedDocument("den/2021/2")) {
            try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "VP"))
        }
        _ = try HandlingService(registry).route(reference: "den/2021/1", RoutingDraft(lead: "Văn phòng"))
        #expect(throws: RegistryError.unitNotRouted(unit: "Phòng Kế toán", reference: "den/2021/1", units: ["Văn phòng"])) {
            try HandlingService(registry).receipt(reference: "den/2021/1", unit: "Phòng Kế toán", signedBy: nil)
        }
        #expect(throws: RegistryError.wrongDirection("den/2021/3", expected: .outgoing)) {
            try HandlingService(registry).done(reference: "den/2021/1", reply: "den/2021/3")
        }
        #expect(try DocumentService(registry).document(reference: "den/2021/1").status == .routed)
    }

    @Test func followUpOnAFixedDayPutsUrgentFirstThenUnits() throws {
        let registry = try registry(today: "2021-08-23")
        // Monday 23/8: the urgent one (20/8) is already late; the others are due to be presented today.
        var report = try HandlingService(registry).followUp()
        #expect(report.items.map(\.document.reference) == ["den/2021/1"])
        #expect(report.items.first?.state == .lateToPresent(days: 1))
        let later = try reopen(registry, today: "2021-08-25")
        _ = try HandlingService(later).route(reference: "den/2021/2", RoutingDraft(lead: "Phòng Tuyên truyền", due: "1wd", date: "23/8/2021"))
        _ = try HandlingService(later).route(reference: "den/2021/3", RoutingDraft(lead: "Phòng Tuyên truyền", due: "5wd", date: "24/8/2021"))
        report = try HandlingService(later).followUp(soon: "3wd")
        #expect(report.items.map(\.document.reference) == ["den/2021/1", "den/2021/2"])
        #expect(report.items.map(\.state) == [.lateToPresent(days: 3), .overdue(days: 1)])
        report = try HandlingService(later).followUp(soon: "5wd")
        #expect(report.items.map(\.state) == [.lateToPresent(days: 3), .overdue(days: 1), .dueSoon(days: 4)])
        #expect(report.byUnit.map(\.unit) == [nil, "Phòng Tuyên truyền"])
        #expect(try HandlingService(later).followUp(unit: "phòng tuyên truyền", soon: "5wd").items.count == 2)
        // "Due by 1/9" is the same window as 5 working days from Wednesday 25/8.
        #expect(
            try HandlingService(later).followUp(soon: "1/9/2021").items.map(\.state) == [
                .lateToPresent(days: 3), .overdue(days: 1), .dueSoon(days: 4),
            ])
        #expect(throws: RegistryError.invalidDeadline("mai")) { try HandlingService(later).followUp(soon: "mai") }
        let late = try reopen(registry, today: "2021-09-06")
        // Due 24/8 and 31/8; on Monday 6/9 (after Quốc khánh 2–3/9): 7 and 2 working days late.
        #expect(try HandlingService(late).followUp(unit: "Phòng Tuyên truyền").items.map(\.state) == [.overdue(days: 7), .overdue(days: 2)])
    }

    /// A register of many open documents, varied: urgent or not, routed to units with co-operating
    /// ones or not routed, deadlines before and after today. The list is in the documented order
    /// (checked here by an independent sort), and the terminal's lines are the same list.
    @Test func theFollowUpListIsOrderedAndItsLinesAreTheSameList() throws {
        let registry = try Fixtures.makeRegistry(today: "2021-09-06")
        let units = ["Phòng Tuyên truyền", "Văn phòng", "Đoàn thanh niên", "Ban Tổ chức", "Phòng Kế toán"]
        var random = SystemRandomNumberGenerator()
        var drafts: [IncomingDraft] = []
        for index in 0..<240 {
            var draft = try Fixtures.incoming("Văn bản \(index)", notation: "\(index + 1)/SNV-VP", received: "\(1 + index % 28)/8/2021", type: "CV")
            draft.urgency = [nil, nil, nil, .khan, .thuongKhan, .hoaToc][index % 6]
            draft.handler = index % 5 == 0 ? nil : units.randomElement(using: &random)
            draft.dueDate = draft.handler == nil ? nil : LocalDate(year: 2021, month: 9, day: Int.random(in: 1...20, using: &random))
            drafts.append(draft)
        }
        let documents = try RegistrationService(registry).registerIncoming(batch: drafts)
        // Half the unrouted ones routed now, with a co-operating unit.
        for (index, document) in documents.filter({ $0.handler == nil }).prefix(24).enumerated() {
            _ = try HandlingService(registry).route(
                reference: document.reference,
                RoutingDraft(lead: units[index % units.count], coUnits: ["Văn phòng"], due: try Deadline(parsing: "\(7 + index % 12)/9/2021")))
        }
        for unit: String? in [nil, "văn phòng"] {
            let report = try HandlingService(registry).followUp(unit: unit, soon: "5wd")
            let lines = try HandlingService(registry).followUpLines(unit: unit, soon: "5wd")
            #expect(report.items.count > 20)
            #expect(lines.lines.map(\.id) == report.items.map(\.document.id))
            #expect(lines.lines.map(\.state) == report.items.map(\.state))
            #expect(lines.lines.map(\.displayNumber) == report.items.map(\.document.displayNumber))
            #expect(lines.byUnit.map { "\($0.unit ?? "-") \($0.late) \($0.soon)" } == report.byUnit.map { "\($0.unit ?? "-") \($0.late) \($0.soon)" })
            let rank: [Urgency?: Int] = [.hoaToc: 0, .thuongKhan: 1, .khan: 2, nil: 3]
            let expected = report.items.sorted { a, b in
                func key(_ item: FollowUpItem) -> (Int, String, Int, Int, Int64) {
                    let d = item.document
                    let state =
                        switch item.state {
                        case .lateToPresent: 0
                        case .overdue: 1
                        case .dueSoon: 2
                        }
                    return (rank[d.urgency] ?? 3, d.handler ?? "", state, (d.dueDate ?? d.registerDate).dayNumber, d.id)
                }
                return key(a) < key(b)
            }
            #expect(report.items.map(\.document.id) == expected.map(\.document.id))
            if unit != nil {
                #expect(
                    report.items.allSatisfy { $0.document.handler == "Văn phòng" || $0.document.coHandlers.contains("Văn phòng") }
                )
            }
        }
    }

    @Test func theProcessingReportCountsPerUnit() throws {
        let registry = try registry(today: "2021-08-25")
        _ = try HandlingService(registry).route(reference: "den/2021/1", RoutingDraft(lead: "Văn phòng", due: "20/8/2021", date: "20/8/2021"))
        _ = try HandlingService(registry).done(reference: "den/2021/1", reply: nil, date: "24/8/2021")
        _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "Văn phòng", due: "30/8/2021"))
        _ = try HandlingService(registry).route(
            reference: "den/2021/3", RoutingDraft(lead: "Phòng Tuyên truyền", due: "24/8/2021", date: "23/8/2021"))
        let report = try HandlingService(registry).processingReport(
            period: try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil))
        #expect(report.rows.map(\.unit) == ["Phòng Tuyên truyền", "Văn phòng"])
        #expect(report.rows.map(\.counts) == [[1, 0, 0, 0, 1, 0], [2, 0, 1, 1, 0, 0]])
        #expect(report.total.counts == [3, 0, 1, 1, 1, 0])
        #expect(report.urgentOpen.isEmpty)
    }

    @Test func dispatchIsReconciledWithTheNoiNhan() throws {
        let registry = try registry()
        let reference = "di/2021/BC/1"
        #expect(try DispatchService(registry).unsent().map(\.recipient) == ["Phòng Tuyên truyền", "Sở Thông tin và Truyền thông"])
        let sent = try DispatchService(registry).dispatch(
            reference: reference, DispatchDraft(recipients: ["sở thông tin và truyền thông"], via: "buu-dien", envelopes: 2))
        #expect(sent.map(\.recipient) == ["Sở Thông tin và Truyền thông"] && sent.first?.via == .post && sent.first?.envelopes == 2)
        #expect(
            throws: RegistryError.alreadyDispatched(
                name: "Sở Thông tin và Truyền thông", reference: reference, on: try LocalDate(parsing: "23/8/2021"))
        ) {
            try DispatchService(registry).dispatch(reference: reference, DispatchDraft(recipients: ["Sở Thông tin và Truyền thông"], via: "post"))
        }
        #expect(
            throws: RegistryError.recipientNotListed(
                name: "Sở Nội vụ", reference: reference, recipients: ["Sở Thông tin và Truyền thông", "Phòng Tuyên truyền"])
        ) {
            try DispatchService(registry).dispatch(reference: reference, DispatchDraft(recipients: ["Sở Nội vụ"], via: "post"))
        }
        #expect(throws: RegistryError.invalidValue(field: .via, value: "pigeon", allowed: ["post", "email", "axis", "hand"])) {
            try DispatchService(registry).dispatch(
                reference: reference, DispatchDraft(recipients: ["Phòng Tuyên truyền"], via: try DispatchChannel(parsing: "pigeon")))
        }
        #expect(throws: RegistryError.wrongDirection("den/2021/1", expected: .outgoing)) {
            try DispatchService(registry).dispatch(reference: "den/2021/1", DispatchDraft(allUnsent: true, via: "post"))
        }
        let extra = try DispatchService(registry).dispatch(reference: reference, DispatchDraft(recipients: ["Sở Nội vụ"], via: "email", extra: true))
        #expect(extra.first?.extra == true)
        #expect(try DispatchService(registry).unsent().map(\.recipient) == ["Phòng Tuyên truyền"])
        #expect(
            try DispatchService(registry).dispatch(reference: reference, DispatchDraft(allUnsent: true, via: "hand")).map(\.recipient) == [
                "Phòng Tuyên truyền"
            ])
        #expect(try DispatchService(registry).unsent().isEmpty)
        #expect(throws: RegistryError.nothingToDispatch(reference)) {
            try DispatchService(registry).dispatch(reference: reference, DispatchDraft(allUnsent: true, via: "hand"))
        }
        #expect(
            try DispatchService(registry).dispatch(reference: reference, DispatchDraft(recipients: ["Phòng Tuyên truyền"], via: "hand", again: true))
                .count == 1)
        #expect(try DispatchService(registry).dispatches(of: reference).count == 4)
        #expect(try JournalService(registry).entries(reference: reference).filter { $0.action == "dispatch" }.count == 4)
    }

    @Test func holidaysAddedByTheClerkAreJournaledAndTheLawsCannotBeRemoved() throws {
        let registry = try registry()
        _ = try CalendarService(registry).addHoliday(date: "3/9/2021", name: "Làm bù", workday: true)
        #expect(try CalendarService(registry).workingCalendar().isWorkingDay(try LocalDate(parsing: "3/9/2021")))
        // 10wd from Monday 23/8 now counts Friday 3/9: Tuesday 7/9 instead of Wednesday 8/9.
        _ = try HandlingService(registry).route(reference: "den/2021/2", RoutingDraft(lead: "VP", due: "10wd"))
        #expect(try DocumentService(registry).document(reference: "den/2021/2").dueDate?.iso == "2021-09-07")
        #expect(throws: RegistryError.statutoryHoliday(try LocalDate(parsing: "2/9/2021"), name: "Quốc khánh (2/9)")) {
            try CalendarService(registry).removeHoliday(date: "2/9/2021")
        }
        #expect(throws: RegistryError.noAnnouncedDay(try LocalDate(parsing: "8/9/2021"))) {
            try CalendarService(registry).removeHoliday(date: "8/9/2021")
        }
        _ = try CalendarService(registry).removeHoliday(date: "3/9/2021")
        #expect(try JournalService(registry).entries().suffix(3).map(\.action) == ["add-holiday", "route", "remove-holiday"])
    }

    // MARK: Helpers

    func reopen(_ registry: Registry, today: String) throws -> Registry {
        try Registry.open(at: registry.path, context: RegistryContext(user: "văn thư", today: LocalDate.parse(today)))
    }

    /// Every document and journal line: a failed command must leave both as they were.
    func snapshot(_ registry: Registry) throws -> String {
        let documents = try DocumentService(registry).documents(direction: .incoming) + DocumentService(registry).documents(direction: .outgoing)
        return documents.map(\.compactJSON).joined(separator: "\n") + "\n\(try JournalService(registry).entries().count)"
    }
}
