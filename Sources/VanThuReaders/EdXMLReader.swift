public import Foundation
public import VanThuCore

/// Reads an edXML envelope (QCVN 102:2016/BTTTT), the format of the Trục liên thông văn bản quốc
/// gia: a new document, an update, a revocation or a replacement, or a status message. Elements
/// are found by name wherever they are (senders order them differently); the namespace must be
/// the standard's. A DOCTYPE or an entity declaration is refused outright: nothing is expanded
/// and nothing is fetched. Attachments (base64 of a zip) are decoded within the zip reader's bounds.
public enum EdXMLReader {
    public static let namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
    /// A larger envelope is refused before it is parsed (the attachments travel inside it).
    public static let maximumBytes = 64 << 20
    /// Attachments in one envelope.
    public static let maximumAttachments = 100

    /// `trustedRoots` (DER, `vanthu trust`) decide whether a valid XMLDSig signature's
    /// certificate is trusted.
    public static func read(_ data: Data, path: String, trustedRoots: [Data] = []) throws -> EdXMLEnvelope {
        guard data.count <= maximumBytes else {
            throw EdXMLError.tooLarge(path: path, megabytes: maximumBytes >> 20)
        }
        let bytes = [UInt8](data)
        // A DTD is where entity bombs and external fetches live; an envelope never needs one.
        let head = bytes.prefix(4096)
        if contains(head, "<!DOCTYPE") || contains(bytes[...], "<!ENTITY") {
            throw EdXMLError.doctype(path: path)
        }
        let root = try tree(bytes, path: path)
        guard root.name == "edXML" else { throw EdXMLError.notEdXML(path: path) }
        let namespaces = [root.attributes["xmlns"]] + root.children.map { $0.attributes["edXML"] ?? $0.attributes["xmlns"] }
        guard namespaces.contains(namespace) else {
            throw EdXMLError.wrongNamespace(path: path, found: namespaces.compactMap { $0 }.first ?? "")
        }
        guard let header = root.first("MessageHeader") else { throw EdXMLError.missing(path: path, element: "MessageHeader") }
        var envelope = EdXMLEnvelope()
        envelope.from = header.first("From").map(organ)
        envelope.to = header.all("To").map(organ)
        envelope.documentId = header.child("DocumentId")?.text
        if let code = header.child("Code") {
            envelope.codeNumber = code.child("CodeNumber")?.text
            envelope.codeNotation = code.child("CodeNotation")?.text
        }
        if let info = header.child("PromulgationInfo") {
            envelope.place = info.child("Place")?.text
            envelope.promulgationDate = try date(info.child("PromulgationDate")?.text, element: "PromulgationDate", path: path)
        }
        if let type = header.child("DocumentType") {
            envelope.typeName = type.child("TypeName")?.text
            envelope.type = type.child("Type")?.text
        }
        envelope.subject = header.child("Subject")?.text
        envelope.content = header.child("Content")?.text
        if let signer = header.child("SignerInfo") {
            envelope.signer = Signer(
                capacity: signer.child("Competence")?.text, position: signer.child("Position")?.text, fullName: signer.child("FullName")?.text)
        }
        envelope.dueDate = try date(header.child("DueDate")?.text, element: "DueDate", path: path)
        if let other = header.child("OtherInfo") {
            envelope.priority = other.child("Priority")?.text.flatMap { Int($0) }
            envelope.pageAmount = other.child("PageAmount")?.text.flatMap { Int($0) }
            envelope.promulgationAmount = other.child("PromulgationAmount")?.text.flatMap { Int($0) }
            envelope.appendixes = other.first("Appendixes")?.all("Appendix").compactMap(\.text) ?? []
        }
        envelope.toPlaces = header.child("ToPlaces")?.all("Place").compactMap(\.text) ?? []
        if let response = header.child("ResponseFor") {
            envelope.responseFor = EdXMLEnvelope.Response(
                organId: response.child("OrganId")?.text, code: response.child("Code")?.text,
                promulgationDate: response.child("PromulgationDate")?.text, documentId: response.child("DocumentId")?.text)
        }
        envelope.statusCode = header.child("StatusCode")?.text
        envelope.statusDescription = header.child("Description")?.text
        envelope.timestamp = header.child("Timestamp")?.text
        envelope.staff = (header.child("StaffInfo") ?? root.first("Bussiness")?.child("StaffInfo")).map(staff)
        if let business = root.first("Bussiness") {
            envelope.business = EdXMLEnvelope.Business(
                type: business.child("BussinessDocType")?.text.flatMap { Int($0) } ?? 0, reason: business.child("BussinessDocReason")?.text,
                paper: business.child("Paper")?.text == "1",
                replaces: business.first("ReplacementInfoList")?.all("ReplacementInfo").compactMap { $0.child("DocumentId")?.text } ?? [],
                documentId: business.child("DocumentId")?.text)
        }
        if let signature = root.first("Signature") {
            envelope.hasSignature = true
            envelope.signatureCertificate = signature.first("X509Certificate")?.text.flatMap(Self.base64)
            envelope.signatureSubject =
                signature.first("X509SubjectName")?.text
                ?? envelope.signatureCertificate.flatMap { try? CertificateFile.read($0, path: path).first?.subject }
            envelope.signatureCheck = XMLSignature.check(
                data, signatureInfo(signature, certificate: envelope.signatureCertificate), trustedRoots: trustedRoots)
        }
        envelope.attachments = try attachments(root, path: path)
        return envelope
    }

    /// The algorithms, references and values of a `Signature` element.
    static func signatureInfo(_ signature: Element, certificate: Data?) -> XMLSignature.Info {
        let signedInfo = signature.child("SignedInfo")
        return XMLSignature.Info(
            canonicalization: signedInfo?.child("CanonicalizationMethod")?.attributes["Algorithm"],
            signatureMethod: signedInfo?.child("SignatureMethod")?.attributes["Algorithm"],
            references: signedInfo?.all("Reference").map { reference in
                (
                    uri: reference.attributes["URI"],
                    transforms: reference.child("Transforms")?.all("Transform").compactMap { $0.attributes["Algorithm"] } ?? [],
                    digestMethod: reference.child("DigestMethod")?.attributes["Algorithm"],
                    digestValue: reference.child("DigestValue")?.text.flatMap(base64)
                )
            } ?? [],
            signatureValue: signature.child("SignatureValue")?.text.flatMap(base64), certificate: certificate)
    }

    // MARK: The tree

    /// An element with its attributes, children and text (trimmed).
    final class Element {
        let name: String
        let attributes: XMLScanner.Attributes
        var children: [Element] = []
        var rawText = ""
        init(name: String, attributes: XMLScanner.Attributes) {
            self.name = name
            self.attributes = attributes
        }

        /// The text, trimmed and NFC; nil when empty.
        var text: String? {
            let trimmed = rawText.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            return trimmed.isEmpty ? nil : trimmed
        }

        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        /// The first element of that name at any depth, in document order.
        func first(_ name: String) -> Element? {
            for child in children {
                if child.name == name { return child }
                if let found = child.first(name) { return found }
            }
            return nil
        }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
    }

    static let maximumDepth = 64
    static let maximumElements = 200_000

    static func tree(_ bytes: [UInt8], path: String) throws -> Element {
        var scanner = XMLScanner(bytes)
        var stack: [Element] = []
        var root: Element?
        var count = 0
        while let event = scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                count += 1
                guard count <= maximumElements, stack.count < maximumDepth else { throw EdXMLError.notEdXML(path: path) }
                let element = Element(name: name, attributes: attributes)
                if let parent = stack.last {
                    parent.children.append(element)
                } else if root == nil {
                    root = element
                } else {
                    throw EdXMLError.notEdXML(path: path)
                }
                if !selfClosing { stack.append(element) }
            case .end(let name):
                guard let last = stack.last, last.name == name else { throw EdXMLError.notEdXML(path: path) }
                stack.removeLast()
            case .text(let text):
                stack.last?.rawText += text
            }
        }
        guard let root, stack.isEmpty else { throw EdXMLError.notEdXML(path: path) }
        return root
    }

    /// Whether `needle` occurs in `bytes` (searched in place: an envelope is up to 64 MB).
    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        var i = bytes.startIndex
        while i + n.count <= bytes.endIndex {
            if bytes[i] == n[0], bytes[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    // MARK: Fields

    private static func organ(_ e: Element) -> EdXMLEnvelope.Organ {
        EdXMLEnvelope.Organ(
            organId: e.child("OrganId")?.text, name: e.child("OrganName")?.text, inCharge: e.child("OrganizationInCharge")?.text,
            address: e.child("OrganAdd")?.text, email: e.child("Email")?.text, telephone: e.child("Telephone")?.text)
    }

    private static func staff(_ e: Element) -> EdXMLEnvelope.Staff {
        EdXMLEnvelope.Staff(
            department: e.child("Department")?.text, name: e.child("Staff")?.text, email: e.child("Email")?.text, mobile: e.child("Mobile")?.text)
    }

    /// `yyyy/MM/dd` (the standard) or `dd/MM/yyyy` (some senders); a time after it is ignored.
    static func date(_ text: String?, element: String, path: String) throws -> LocalDate? {
        guard let text else { return nil }
        let day = text.split(separator: " ").first.map(String.init) ?? text
        let parts = day.split(separator: "/").map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw EdXMLError.badDate(path: path, element: element, value: text)
        }
        let (year, month, dayOfMonth) = parts[0].count == 4 ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard year.count == 4,
            let date = try? LocalDate(
                parsing: "\(year)-\(month.count == 1 ? "0" + month : month)-\(dayOfMonth.count == 1 ? "0" + dayOfMonth : dayOfMonth)")
        else { throw EdXMLError.badDate(path: path, element: element, value: text) }
        return date
    }

    /// Base64 with its line breaks and indentation: the bytes filtered, not the characters (a
    /// character's Unicode properties cost a third of receiving a 100 kB envelope, measured with
    /// perf on 200 envelopes).
    static func base64(_ text: String) -> Data? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { bytes.append(byte) }
        return Data(base64Encoded: Data(bytes))
    }

    /// Each attachment: base64 of a zip holding one file, kept under its `AttachmentName`.
    private static func attachments(_ root: Element, path: String) throws -> [EdXMLEnvelope.Attachment] {
        guard let encoded = root.first("AttachmentEncoded") else { return [] }
        let items = encoded.all("Attachment")
        guard items.count <= maximumAttachments else { throw EdXMLError.badAttachment(path: path, name: "", reason: .tooMany) }
        return try items.map { item in
            let name = item.child("AttachmentName")?.text ?? item.child("ContentId")?.text ?? "dinh-kem"
            guard let base64 = item.child("ContentTransferEncoded")?.rawText, let zipped = Self.base64(base64) else {
                throw EdXMLError.badAttachment(path: path, name: name, reason: .base64)
            }
            let contentType = item.child("ContentType")?.text ?? "application/zip"
            guard contentType.lowercased().contains("zip") || zipped.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
                return EdXMLEnvelope.Attachment(name: name, contentId: item.child("ContentId")?.text, data: zipped)
            }
            do {
                let archive = try ZipArchive(bytes: [UInt8](zipped), path: name)
                guard let member = archive.memberNames.first, let data = try archive.data(member) else {
                    throw EdXMLError.badAttachment(path: path, name: name, reason: .zip)
                }
                return EdXMLEnvelope.Attachment(name: name, contentId: item.child("ContentId")?.text, data: Data(data))
            } catch is ImportError {
                throw EdXMLError.badAttachment(path: path, name: name, reason: .zip)
            }
        }
    }
}
