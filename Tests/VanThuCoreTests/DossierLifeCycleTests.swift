import Testing
import VanThuCore

/// The hồ sơ life cycle on its own, without SQLite: every status against every event.
@Suite struct DossierLifeCycleTests {
    enum Outcome: Equatable {
        case status(Dossier.Status)
        case refused(ArchiveError)
    }

    static func expected(_ status: Dossier.Status, _ event: Dossier.Status.Event) -> Outcome {
        let r = "2021/01.TCCB"
        switch (status, event) {
        case (.planned, .file), (.open, .file), (.open, .unfile), (.closed, .reopen): return .status(.open)
        case (.open, .close): return .status(.closed)
        case (.closed, .transfer): return .status(.archived)
        case (.planned, .close): return .refused(.dossierEmpty(r))
        case (.archived, .reopen), (.archived, .transfer): return .refused(.dossierArchived(r))
        case (_, .reopen), (_, .transfer): return .refused(.dossierNotClosed(r, status: status))
        case (_, .file), (_, .unfile), (_, .close): return .refused(.dossierNotOpen(r, status: status))
        }
    }

    @Test(arguments: Dossier.Status.allCases)
    func everyEventFromEveryStatus(status: Dossier.Status) {
        for event in Dossier.Status.Event.allCases {
            let outcome: Outcome
            do {
                outcome = .status(try status.after(event, reference: "2021/01.TCCB"))
            } catch let error as ArchiveError {
                outcome = .refused(error)
            } catch {
                Issue.record("\(error)")
                continue
            }
            #expect(outcome == Self.expected(status, event), "\(status) on \(event)")
        }
    }

    /// Only a transfer archives, and nothing leaves the archive.
    @Test func theArchiveIsForGood() {
        for event in Dossier.Status.Event.allCases {
            #expect((try? Dossier.Status.archived.after(event, reference: "x")) == nil)
            let reached = Dossier.Status.allCases.compactMap { try? $0.after(event, reference: "x") }
            #expect(reached.contains(.archived) == (event == .transfer))
        }
    }
}
