import Foundation
import VanThuCore

/// Set by the SIGINT handler; read by the progress observer, which stops the work.
nonisolated(unsafe) private var interruptRequests: sig_atomic_t = 0

/// The line long work draws on standard error while it runs: count, rate and time left, redrawn
/// at most ten times a second, and only when standard error is a terminal (a script or a test
/// that reads it sees nothing). Ctrl-C during the work stops it cleanly: the next report throws
/// ``RegistryError/interrupted``, so the transaction rolls back and partial files are removed;
/// a second Ctrl-C stops at once.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let drawing = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private var started: UInt64 = 0
    private var lastDrawn: UInt64 = 0
    private var drawn = false
    private var work: WorkProgress.Work?

    /// Runs `body` with Ctrl-C stopping the work at its next report, and the line cleared after.
    static func during<T>(_ body: (ProgressLine) throws -> T) throws -> T {
        let line = ProgressLine()
        interruptRequests = 0
        // A parent may have started vanthu with SIGINT blocked (a test runner does): Ctrl-C
        // must reach the handler below.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        let previous = signal(SIGINT) { _ in
            if interruptRequests > 0 { _exit(130) }
            interruptRequests = 1
        }
        defer {
            signal(SIGINT, previous)
            line.finish()
        }
        return try body(line)
    }

    func observe(_ progress: WorkProgress) throws {
        if interruptRequests > 0 { throw RegistryError.interrupted }
        guard drawing else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        if work != progress.work {
            (work, started, lastDrawn) = (progress.work, now, 0)
        }
        // The first report draws at once; then ten times a second.
        guard lastDrawn == 0 || now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.text(progress, seconds: Double(now - started) / 1e9)).utf8))
    }

    private func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// "Đang nhập: 12.345 / 100.000 dòng (12 %) · 4.100 dòng/giây · còn khoảng 21 giây".
    static func text(_ progress: WorkProgress, seconds: Double) -> String {
        let verb: String =
            switch progress.work {
            case .importing: tr("Đang nhập", en: "Importing")
            case .exporting: tr("Đang xuất sổ", en: "Exporting")
            case .verifying: tr("Đang kiểm tra nhật ký", en: "Checking the journal")
            case .backingUp: tr("Đang sao lưu", en: "Backing up")
            }
        let unit: String =
            switch progress.unit {
            case .rows: tr("dòng", en: "rows")
            case .documents: tr("văn bản", en: "documents")
            case .entries: tr("dòng nhật ký", en: "entries")
            case .pages: tr("trang dữ liệu", en: "pages")
            }
        var text = "\(verb): \(number(progress.done))"
        if let total = progress.total, total > 0 {
            text += " / \(number(total)) \(unit) (\(min(100, progress.done * 100 / total)) %)"
        } else {
            text += " \(unit)"
        }
        if seconds >= 0.5, progress.done > 0 {
            let rate = Double(progress.done) / seconds
            text += " · \(number(Int(rate))) \(unit)/" + tr("giây", en: "s")
            if let total = progress.total, total > progress.done, rate > 0 {
                let left = Int((Double(total - progress.done) / rate).rounded(.up))
                text += " · " + tr("còn khoảng \(duration(left))", en: "about \(duration(left)) left")
            }
        }
        return text
    }

    /// 12.345 in Vietnamese, 12,345 in English.
    static func number(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += tr(".", en: ",") }
            out.append(digit)
        }
        return out
    }

    static func duration(_ seconds: Int) -> String {
        seconds < 60
            ? tr("\(seconds) giây", en: "\(seconds) s") : tr("\(seconds / 60) phút \(seconds % 60) giây", en: "\(seconds / 60) min \(seconds % 60) s")
    }
}
