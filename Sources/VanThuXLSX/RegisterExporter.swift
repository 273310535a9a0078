import Foundation
import VanThuCore

/// The file format of an export.
public enum ExportFormat: String, CaseIterable, Sendable {
    case xlsx, csv, json
}

/// What to export, for which period, and where.
public struct ExportRequest: Sendable {
    /// `incoming`, `outgoing` or `tracking`: the layout in `exports/`.
    public var layout: String
    public var period: RegisterPeriod
    public var output: String
    public var format: ExportFormat
    public var overwrite: Bool
    /// The secret registers instead of the ordinary ones; they never mix.
    public var secret: Bool
    /// A page break before each new month.
    public var breakMonthly: Bool

    public init(layout: String, period: RegisterPeriod, output: String, format: ExportFormat = .xlsx, overwrite: Bool = false, secret: Bool = false, breakMonthly: Bool = false) {
        self.layout = layout
        self.period = period
        self.output = output
        self.format = format
        self.overwrite = overwrite
        self.secret = secret
        self.breakMonthly = breakMonthly
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    public var path: String
    public var rows: Int
    public var register: String
}

/// Writes a statutory register (ND30 Phụ lục IV) for a period: a cover sheet and the register
/// sheet with the legal columns, print-ready; or the same rows as CSV or JSON.
///
/// The file is written under a temporary name beside the output and renamed into place, so a
/// failure never leaves a half-written file.
public enum RegisterExporter {
    public static func export(_ request: ExportRequest, from registry: Registry) throws -> ExportSummary {
        let layout = try RegisterLayout.builtin(request.layout)
        let kinds: [RegisterKind] =
            switch (layout.register, request.secret) {
            case ("outgoing", false): [.outgoing]
            case ("outgoing", true): [.secretOutgoing]
            case (_, false): [.incoming]
            case (_, true): [.secretIncoming]
            }
        let title = request.secret ? layout.secretTitle : layout.title
        let registers = try registry.registers(kinds: kinds, overlapping: request.period)
        guard registers.count <= 1 else { throw ExportError.crossesSeries(registers: registers.map(\.title)) }
        let extent = try registry.extent(kinds: kinds, in: request.period)
        guard let register = registers.first, extent.count > 0 else {
            throw ExportError.emptyPeriod(register: title.capitalizedSentence, start: request.period.start, end: request.period.end)
        }
        let output = URL(fileURLWithPath: request.output)
        let folder = output.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError.folderMissing(path: folder.path)
        }
        if FileManager.default.fileExists(atPath: output.path) {
            guard request.overwrite else { throw ExportError.outputExists(path: output.path) }
        }
        let temporary = folder.appendingPathComponent(".\(output.lastPathComponent).partial-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let context = SheetContext(
            organization: try registry.organization(), layout: layout, title: title, register: register, extent: extent, request: request)
        switch request.format {
        case .xlsx: try XLSXRegisterWriter(context: context).write(to: temporary, from: registry, kinds: kinds)
        case .csv: try TextRegisterWriter.csv(context, to: temporary, from: registry, kinds: kinds)
        case .json: try TextRegisterWriter.json(context, to: temporary, from: registry, kinds: kinds)
        }
        guard rename(temporary, output.path) == 0 else {
            throw ExportError.cannotWrite(path: output.path, reason: String(cString: strerror(errno)))
        }
        return ExportSummary(path: output.path, rows: extent.count, register: "\(title) \(register.start.year)")
    }
}

/// Everything a writer needs besides the rows.
struct SheetContext {
    var organization: Organization
    var layout: RegisterLayout
    var title: String
    var register: Register
    var extent: RegisterExtent
    var request: ExportRequest
}

extension String {
    /// "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" → "Sổ đăng ký văn bản đến".
    var capitalizedSentence: String {
        let lower = lowercased()
        guard let first = lower.first else { return self }
        return String(first).uppercased() + lower.dropFirst()
    }
}
