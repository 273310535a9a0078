/// Where an incoming document stands (trạng thái xử lý): registered → routed → in progress →
/// done, or returned to its sender. Reopening sends a done or returned document back.
/// Documents imported from an old register are `untracked` (their handling was on paper)
/// until someone routes them.
public enum HandlingStatus: String, Sendable, CaseIterable {
    case registered, routed, inProgress, done, returned, untracked

    /// Still to be handled: counted by `overdue` and the processing report as pending.
    public var isOpen: Bool { self == .registered || self == .routed || self == .inProgress }

    public var vietnamese: String {
        switch self {
        case .registered: "Đã vào sổ, chưa chuyển"
        case .routed: "Đã chuyển"
        case .inProgress: "Đang giải quyết"
        case .done: "Đã giải quyết"
        case .returned: "Đã trả lại"
        case .untracked: "Nhập từ sổ cũ, không theo dõi"
        }
    }

    public var english: String {
        switch self {
        case .registered: "registered, not routed"
        case .routed: "routed"
        case .inProgress: "in progress"
        case .done: "done"
        case .returned: "returned"
        case .untracked: "imported, not followed up"
        }
    }

    public func name(in lang: Language) -> String { lang == .vi ? vietnamese : english }
}

/// One step of a document's handling (TraceHeaderList, ND30 Phụ lục VI): append-only.
public struct HandlingStep: Equatable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        /// Trình and chuyển: the leader's direction, lead and co-operating units, deadline.
        case route
        /// Ký nhận: a unit signed for the document.
        case receipt
        /// Tiến độ: a progress note.
        case progress
        /// Giải quyết xong, with the reply.
        case done
        /// Trả lại.
        case `return`
        /// Mở lại a done or returned document.
        case reopen

        public func name(in lang: Language) -> String {
            switch (self, lang) {
            case (.route, .vi): "Chuyển"
            case (.route, .en): "Routed"
            case (.receipt, .vi): "Ký nhận"
            case (.receipt, .en): "Received"
            case (.progress, .vi): "Tiến độ"
            case (.progress, .en): "Progress"
            case (.done, .vi): "Giải quyết xong"
            case (.done, .en): "Done"
            case (.return, .vi): "Trả lại"
            case (.return, .en): "Returned"
            case (.reopen, .vi): "Mở lại"
            case (.reopen, .en): "Reopened"
            }
        }
    }

    public var id: Int64
    public var action: Action
    /// The day it happened (today, or `--date`).
    public var day: LocalDate
    /// When it was recorded, ISO 8601.
    public var at: String
    /// The clerk who recorded it.
    public var user: String
    /// Who directed (route) or who signed (receipt).
    public var person: String?
    /// The lead unit (route) or the unit that signed (receipt).
    public var unit: String?
    /// Co-operating units (route).
    public var coUnits: [String]
    public var dueDate: LocalDate?
    /// The direction, progress note or reason.
    public var text: String?
    /// The reply (done): its số, ký hiệu.
    public var reply: String?
}

/// A leader's direction for an incoming document (ý kiến chỉ đạo, ND30 Điều 23.2), as typed.
public struct RoutingDraft: Sendable {
    /// Đơn vị, cá nhân chủ trì.
    public var lead: String
    /// Đơn vị, cá nhân phối hợp.
    public var coUnits: [String]
    /// `10wd`, `7d` or a date, counted from the routing day.
    public var due: Deadline?
    /// Ý kiến chỉ đạo.
    public var direction: String?
    /// The leader who directed.
    public var directedBy: String?
    /// The routing day; today when absent.
    public var date: LocalDate?

    public init(
        lead: String, coUnits: [String] = [], due: Deadline? = nil, direction: String? = nil, directedBy: String? = nil, date: LocalDate? = nil
    ) {
        self.lead = lead
        self.coUnits = coUnits
        self.due = due
        self.direction = direction
        self.directedBy = directedBy
        self.date = date
    }
}

/// The handling of an incoming document as a state machine (ND30 Điều 23–24): which step may
/// follow which status, and where each step leaves the document. Pure: `HandlingService`
/// applies it and refuses a step it does not allow with ``RegistryError/statusForbids(_:status:action:)``.
extension HandlingStatus {
    /// True when `action` may be recorded on a document in this status.
    public func allows(_ action: HandlingStep.Action) -> Bool {
        switch action {
        // Imported documents (handled on paper) may be routed again.
        case .route: isOpen || self == .untracked
        case .receipt, .progress, .done: self == .routed || self == .inProgress
        case .return: isOpen
        case .reopen: !isOpen
        }
    }

    /// The status after `action`, or nil when it may not follow this one. A receipt starts the
    /// handling only when the lead unit signs (`byLeadUnit`); a reopened document goes back to
    /// routed when it had been routed (`routed`), else to registered.
    public func after(_ action: HandlingStep.Action, byLeadUnit: Bool = true, routed: Bool = false) -> HandlingStatus? {
        guard allows(action) else { return nil }
        switch action {
        case .route: return .routed
        case .receipt: return byLeadUnit ? .inProgress : self
        case .progress: return .inProgress
        case .done: return .done
        case .return: return .returned
        case .reopen: return routed ? .routed : .registered
        }
    }
}
