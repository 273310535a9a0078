import Foundation
import GRDB

/// What checking documents against their seals found over some range of ids.
struct DocumentFindings: Sendable {
    var documents = 0
    /// The first ``JournalVerification/listLimit``, in id order.
    var altered: [JournalVerification.AlteredDocument] = []
    var alteredCount = 0

    /// The findings of the next range of ids.
    mutating func add(_ next: DocumentFindings) {
        documents += next.documents
        alteredCount += next.alteredCount
        altered += next.altered.prefix(JournalVerification.listLimit - altered.count)
    }
}

/// The ids of every document and every sealed document, cut in chunks that `journal verify`'s
/// connections take in turn, each when it is free: the connection checking the chain joins the
/// others when it is done, so no core waits for another (the chain is 40 % of the work on a
/// register of 200,000 documents, but the share depends on the register).
final class DocumentChunks: @unchecked Sendable {
    // @unchecked: `next` is only touched with `lock` held; the rest is constant.
    static let size: Int64 = 8192
    let first: Int64
    let size: Int64
    let count: Int
    private let lock = NSLock()
    private var next = 0

    init(_ db: Database, size: Int64) throws {
        let bounds = try Row.fetchOne(
            db,
            sql: """
                SELECT min(lo), max(hi) FROM (SELECT min(id) AS lo, max(id) AS hi FROM document
                    UNION ALL SELECT min(documentId), max(documentId) FROM journalSeal)
                """)
        let first: Int64? = bounds?[0]
        let last: Int64? = bounds?[1]
        self.size = max(1, size)
        self.first = first ?? 0
        if let first, let last, last >= first {
            let (span, overflow) = last.subtractingReportingOverflow(first)
            count = overflow ? Self.most : Int(min(span / self.size + 1, Int64(Self.most)))
        } else {
            count = 0
        }
    }

    /// At most this many chunks, the last one running to the largest id: ids edited by hand
    /// far apart make one long chunk, not billions of empty ones.
    static let most = 4096

    /// How many other connections to open: one per core beyond the first, at most three (the
    /// disk is shared), none when there is too little to share.
    static func helpers(for chunks: DocumentChunks) -> Int {
        chunks.count < 2 ? 0 : min(3, max(0, ProcessInfo.processInfo.activeProcessorCount - 1))
    }

    /// The next chunk nobody has taken; nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// The ids of chunk `k`; the last one runs to the largest id there can be.
    func range(_ k: Int) -> ClosedRange<Int64> {
        // k < most and size is a chunk size: k * size cannot overflow; first + k * size is at
        // most the largest id, as `count` was cut to the span.
        let lower = first &+ Int64(k) &* size
        return lower...(k == count - 1 ? Int64.max : lower &+ (size - 1))
    }
}
