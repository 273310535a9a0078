/// How far long work has got (an import, an export, a journal check, a backup), for the front end
/// to show: "Đang nhập: 12.345 / 100.000 dòng". Reported through ``RegistryContext/progress``.
///
/// The observer may throw to stop the work (the command line does on Ctrl-C, with
/// ``RegistryError/interrupted``): the work then unwinds as for any other error, its transaction
/// rolled back and its partial files removed, so nothing is left half-written.
public struct WorkProgress: Sendable, Equatable {
    public enum Work: String, Sendable, CaseIterable {
        case importing, exporting, verifying, backingUp
    }

    public enum Unit: String, Sendable {
        case rows, documents, entries, pages
    }

    public var work: Work
    public var unit: Unit
    public var done: Int
    /// Nil when the end is not known in advance.
    public var total: Int?

    public init(work: Work, unit: Unit, done: Int, total: Int?) {
        (self.work, self.unit, self.done, self.total) = (work, unit, done, total)
    }
}

/// Told of progress; throws to stop the work.
public typealias ProgressObserver = @Sendable (WorkProgress) throws -> Void

extension RegistryContext {
    /// Tells the observer, if any; long work calls this every few hundred items.
    func report(_ work: WorkProgress.Work, _ unit: WorkProgress.Unit, done: Int, total: Int?) throws {
        try progress?(WorkProgress(work: work, unit: unit, done: done, total: total))
    }
}
