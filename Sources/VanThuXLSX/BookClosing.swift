public import Foundation
public import VanThuCore

/// Đóng sổ (ND30 Điều 16.2.b, 22.3.b): prints a book to PDF with its closing block on the last
/// page, and records the closing with the PDF's SHA-256 and page count, in that order: the
/// file takes its place only once the closing is recorded, and nothing is recorded when the
/// file cannot be written or the book changed while it was printed.
public enum BookClosing {
    public struct Request: Sendable {
        public var kind: RegisterKind
        public var year: Int
        public var volume: Int?
        public var output: String
        public var overwrite: Bool
        public var bindingMargin: Double
        /// The name under "Người lập sổ" (default: the account's full name, else the user).
        public var closerName: String?

        public init(
            kind: RegisterKind, year: Int, volume: Int? = nil, output: String, overwrite: Bool = false, bindingMargin: Double = 25,
            closerName: String? = nil
        ) {
            self.kind = kind
            self.year = year
            self.volume = volume
            self.output = output
            self.overwrite = overwrite
            self.bindingMargin = bindingMargin
            self.closerName = closerName
        }
    }

    public static func close(_ request: Request, in registry: Registry) throws -> (closing: RegisterClosing, summary: ExportSummary) {
        let ext = (request.output as NSString).pathExtension.lowercased()
        guard ext.isEmpty || ext == "pdf" else { throw ExportError.unsupportedOutput(path: request.output, allowed: ["pdf"]) }
        guard request.kind != .copy else { throw BookError.noPrintedBook(request.kind) }
        let service = RegisterService(registry)
        let register = try service.book(kind: request.kind, year: request.year, volume: request.volume)
        let prepared = try service.prepareClosing(of: register, closerName: request.closerName)
        let layout =
            switch request.kind {
            case .incoming, .secretIncoming: "incoming"
            default: "outgoing"
            }
        var export = ExportRequest(
            layout: layout, period: try RegisterPeriod(start: register.start, end: register.end), output: request.output, format: .pdf,
            overwrite: request.overwrite, secret: request.kind.isSecret, bindingMargin: request.bindingMargin, volume: register.volume)
        export.closing = prepared.closing
        export.afterWriting = { path, pages in
            guard let pages, let data = FileManager.default.contents(atPath: path) else {
                throw ExportError.cannotWrite(
                    path: request.output, reason: Bilingual(vi: "không đọc lại được tệp PDF", en: "cannot read the PDF back"))
            }
            _ = try RegisterService(registry).close(prepared, pages: pages, pdfSHA256: SHA256.hex(of: data))
        }
        let summary = try RegisterExporter.export(export, from: registry)
        guard let closing = try service.closing(of: register) else { throw RegistryError.storage("closing of \(register.title) not recorded") }
        return (closing, summary)
    }
}
