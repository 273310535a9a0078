public import Foundation
public import VanThuCore
public import VanThuIntake
public import VanThuReaders
public import VanThuXLSX

/// A document's file read for registration: its bytes, what intake found in it, and what its
/// format says (pages, OCR, signatures). Read before the registry is opened for writing, so a
/// damaged file stores nothing.
public struct ReadDocument: Sendable {
    public var name: String
    public var data: Data
    public var result: IntakeResult
    public var content: DocumentContent

    /// Reads a PDF, a Word file or a text by its content; signatures are checked against
    /// `trustedRoots` (DER).
    public init(data: Data, name: String, trustedRoots: [Data]) throws {
        self.name = name
        self.data = data
        content = try DocumentFile.content(of: data, path: name, trustedRoots: trustedRoots)
        guard let text = content.text else {
            result = DocumentReader.read(data: data)
            return
        }
        var result = DocumentReader.read(text)
        result.file = IntakeFile(
            format: content.format.rawValue, pages: content.pages, ocrPages: content.ocrPages, unreadPages: content.unreadPages,
            signatures: content.signatures)
        self.result = result
    }

    /// The text intake read (for the clerk to check what OCR saw).
    public var text: String { content.text ?? DocumentReader.text(of: data) }

    /// What checking the PDF's signatures found (none for other files).
    public var signatures: [SignatureCheck] { isPDF ? content.signatures : [] }

    /// Whether the file is a PDF, which takes the ĐẾN stamp and carries signatures.
    public var isPDF: Bool { content.format == .pdf }

    /// `draft` filled from the file where the clerk left a field empty, with the file itself as
    /// the original to store (and, for a PDF, its signatures' results).
    public func filling(_ draft: IncomingDraft, source: String, receivingOrganization: String) throws -> IncomingDraft {
        var draft = try result.filling(draft, source: source, text: text, receivingOrganization: receivingOrganization)
        draft.originals = [OriginalFile(data: data, name: name, signatures: isPDF ? content.signatures : nil)]
        return draft
    }
}

/// Registering an incoming document from its file, as both front ends do it: the registration
/// (with the original, in one transaction), then the working copy with the ĐẾN stamp.
public struct FileRegistration {
    let registry: Registry

    public init(_ registry: Registry) { self.registry = registry }

    /// What registering from a file did.
    public struct Outcome {
        public var document: Document
        public var original: Attachment?
        /// The rendition with the ĐẾN stamp; nil when the file is not a PDF or cannot take it.
        public var stampedCopy: Attachment?
        /// Why there is no stamped copy of a PDF (the registration stands).
        public var stampProblem: Bilingual?
    }

    public func registerIncoming(_ draft: IncomingDraft, from file: ReadDocument) throws -> Outcome {
        let document = try RegistrationService(registry).registerIncoming(draft)
        let original = try AttachmentService(registry).attachments(reference: document.reference).first(where: { $0.role == .original })
        var outcome = Outcome(document: document, original: original)
        guard let original, file.isPDF else { return outcome }
        do {
            outcome.stampedCopy = try keepStampedCopy(file.data, original: original, document: document)
        } catch let error as any ClerkFacingError {
            outcome.stampProblem = error.text
        } catch {
            outcome.stampProblem = Bilingual(vi: "không đóng được dấu lên bản PDF", en: "the PDF could not take the stamp")
        }
        return outcome
    }

    /// The working copy with the ĐẾN stamp, kept beside the original. The registration has
    /// happened whatever becomes of it: a PDF that cannot take the stamp is said so, not refused.
    public func keepStampedCopy(_ data: Data, original: Attachment, document: Document) throws -> Attachment {
        let copy = try stamped(data, name: original.name, document: document)
        let stem = (original.name as NSString).deletingPathExtension
        return try AttachmentService(registry).keepRendition(reference: document.reference, data: copy.pdf, name: "\(stem) (dấu ĐẾN).pdf")
    }

    /// The original with the stamp of `document`, placed clear of page 1's text.
    public func stamped(
        _ data: Data, name: String, document: Document, position: StampedCopy.Position = .auto
    ) throws -> (pdf: Data, at: StampedCopy.Box) {
        guard data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else { throw ExportError.notAPDF(name: name) }
        let text = try DocumentFile.firstPageText(of: data, path: name).map {
            StampedCopy.Box(minX: $0.minX, minY: $0.minY, maxX: $0.maxX, maxY: $0.maxY)
        }
        return try StampedCopy.make(
            original: data, document: document, organization: try SetupService(registry).organization(), text: text, position: position)
    }
}

/// The web front's "Xuất Excel danh sách này": the documents a filter found, as a workbook.
public enum ListExport {
    public static func workbook(_ documents: [Document], registry: Registry) throws -> Data {
        try RegisterService(registry).checkMayExport()
        return try DocumentListWriter.workbook(documents, title: "DANH SÁCH VĂN BẢN")
    }
}
