import Testing
import VanThuCore

/// The handling state machine on its own, without SQLite: every status against every step.
@Suite struct HandlingStatusTests {
    /// The status each step leaves, per status before it (nil: refused), in the order of
    /// `HandlingStep.Action.allCases`: route, receipt (by the lead unit), progress, done, return, reopen.
    static let table: [HandlingStatus: [HandlingStatus?]] = [
        .registered: [.routed, nil, nil, nil, .returned, nil],
        .routed: [.routed, .inProgress, .inProgress, .done, .returned, nil],
        .inProgress: [.routed, .inProgress, .inProgress, .done, .returned, nil],
        .done: [nil, nil, nil, nil, nil, .registered],
        .returned: [nil, nil, nil, nil, nil, .registered],
        .untracked: [.routed, nil, nil, nil, nil, .registered],
    ]

    @Test(arguments: HandlingStatus.allCases)
    func everyStepFromEveryStatus(status: HandlingStatus) throws {
        let expected = try #require(Self.table[status])
        for (action, next) in zip(HandlingStep.Action.allCases, expected) {
            #expect(status.after(action) == next, "\(status) → \(action)")
            #expect(status.allows(action) == (next != nil), "\(status) allows \(action)")
        }
    }

    @Test func aCoUnitsReceiptLeavesTheStatusAndAReopenedRoutedDocumentIsRoutedAgain() {
        #expect(HandlingStatus.routed.after(.receipt, byLeadUnit: false) == .routed)
        #expect(HandlingStatus.inProgress.after(.receipt, byLeadUnit: false) == .inProgress)
        #expect(HandlingStatus.done.after(.reopen, routed: true) == .routed)
        #expect(HandlingStatus.returned.after(.reopen, routed: false) == .registered)
    }

    /// Open documents are exactly those a later step can still close.
    @Test(arguments: HandlingStatus.allCases)
    func openMeansItCanStillBeReturned(status: HandlingStatus) {
        #expect(status.isOpen == status.allows(.return))
    }
}
