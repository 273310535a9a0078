import Foundation
import Hummingbird
import VanThuCore

extension WebServer {
    /// How many documents the overdue dashboard lists, in the list's order (urgent first); the
    /// counts per unit count them all.
    static let overdueRowsShown = 500

    /// The overdue dashboard: counts per unit, a bar chart of them, and the documents.
    func overduePage(_ session: Session) async throws -> Response {
        let registry = registry(for: session)
        let report = try await blocking { try HandlingService(registry).followUp(soon: "3wd") }
        let units = report.byUnit
        let most = max(1, units.map(\.late).max() ?? 1)
        let bars = units.enumerated().map { index, unit -> [String: Any] in
            let width = Int((Double(unit.late) / Double(most) * 360).rounded())
            return [
                "unit": unit.unit ?? "Chưa chuyển", "late": unit.late, "y": 6 + index * 24, "textY": 19 + index * 24, "width": width,
                "labelX": 236 + width,
            ]
        }
        let values: [String: Any] = [
            "today": report.today.vietnamese, "soonUntil": report.soonUntil.vietnamese,
            "units": units.map { ["unit": $0.unit ?? "Chưa chuyển xử lý", "late": $0.late, "soon": $0.soon] as [String: Any] },
            "hasUnits": !units.isEmpty, "bars": bars, "chartHeight": 12 + units.count * 24,
            // The first rows only: a backlog of 45,661 made a page of 17 MB that took 3.9 s.
            "table": pages.table(report.items.prefix(Self.overdueRowsShown).map(\.document), today: report.today),
            "more": max(0, report.items.count - Self.overdueRowsShown), "hasMore": report.items.count > Self.overdueRowsShown,
            "shown": Self.overdueRowsShown,
        ]
        return await show("overdue", title: "Theo dõi hạn", values, session: session)
    }
}
