/// Puts a page's text runs back in the order a clerk copying the document would type them.
///
/// Vietnamese administrative documents set the header and the signature block in two columns
/// (issuer and số on the left, Quốc hiệu and place/date on the right; Nơi nhận left, signer
/// right). Poppler's reading order interleaves those columns line by line; text intake reads a
/// column at a time. So: runs are grouped into visual rows; a stretch of rows where no run
/// crosses the middle of the page, and some run sits right of it, is a two-column zone, written
/// left column first, then the right one; every other row is written as it stands.
enum PageLayout {
    struct Run {
        var text: String
        var minX: Double, maxX: Double, minY: Double, maxY: Double
        var midY: Double { (minY + maxY) / 2 }
        var height: Double { max(1, maxY - minY) }
    }

    static func text(of runs: [Run], pageWidth: Double) -> String {
        let rows = Self.rows(runs)
        guard !rows.isEmpty else { return "" }
        let middle = pageWidth / 2
        var lines: [String] = []
        var zone: [[Run]] = []
        var previous: [Run]?

        func isLeft(_ run: Run) -> Bool { (run.minX + run.maxX) / 2 < middle }
        // A row that is one line of the page, not a column: a single run across the middle (a
        // body line) or centred on it (a title).
        func isWholeLine(_ row: [Run]) -> Bool {
            guard row.count == 1, let run = row.first else { return false }
            let spans = run.minX < middle - 0.1 * pageWidth && run.maxX > middle + 0.1 * pageWidth
            return spans || abs((run.minX + run.maxX) / 2 - middle) < 0.06 * pageWidth
        }
        func flush() {
            guard !zone.isEmpty else { return }
            if zone.contains(where: { $0.contains { !isLeft($0) } }) {
                var left: [String] = [], right: [String] = []
                for row in zone {
                    let l = row.filter(isLeft).map(\.text).joined(separator: " ")
                    let r = row.filter { !isLeft($0) }.map(\.text).joined(separator: " ")
                    if !l.isEmpty { left.append(l) }
                    if !r.isEmpty { right.append(r) }
                }
                lines.append(contentsOf: left)
                lines.append("")
                lines.append(contentsOf: right)
            } else {
                lines.append(contentsOf: zone.map { $0.map(\.text).joined(separator: " ") })
            }
            zone = []
        }

        for row in rows {
            // A gap of more than a line and a half between rows is a blank line in the text.
            if let previous, let last = previous.first, let first = row.first,
                first.minY - last.maxY > 1.5 * max(last.height, first.height)
            {
                flush()
                if lines.last != "" { lines.append("") }
            }
            if isWholeLine(row) {
                flush()
                lines.append(row.map(\.text).joined(separator: " "))
            } else {
                zone.append(row)
            }
            previous = row
        }
        flush()
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs whose vertical middles are within half a line of each other make one row, left to right.
    static func rows(_ runs: [Run]) -> [[Run]] {
        var rows: [[Run]] = []
        for run in runs.sorted(by: { $0.midY < $1.midY }) {
            if let last = rows.last?.last, abs(run.midY - last.midY) < 0.5 * min(run.height, last.height) {
                rows[rows.count - 1].append(run)
            } else {
                rows.append([run])
            }
        }
        return rows.map { $0.sorted { $0.minX < $1.minX } }
    }
}
