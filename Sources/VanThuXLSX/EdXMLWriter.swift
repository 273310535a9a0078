public import Foundation
public import VanThuCore
import ZIPFoundation

/// Writes edXML envelopes (QCVN 102:2016/BTTTT): the status replies a receiver owes (02–06), and
/// an outgoing document for each recipient agency, its files attached as the standard does
/// (base64 of a zip). Every text is escaped; the element order is that of the national samples.
public enum EdXMLWriter {
    /// The sender of a reply or an envelope: this agency, and the clerk acting.
    public struct Sender: Sendable {
        public var organId: String?
        public var name: String
        public var address: String?
        public var staff: EdXMLEnvelope.Staff

        public init(organId: String?, name: String, address: String?, staff: EdXMLEnvelope.Staff) {
            self.organId = organId
            self.name = name
            self.address = address
            self.staff = staff
        }
    }

    /// A status reply, as in `status-03-accepted.edxml`.
    public static func status(_ reply: ExchangeService.Reply, from sender: Sender) -> Data {
        var x = Builder()
        x.open()
        x.start("MessageHeader", 4)
        organ("From", organId: sender.organId, name: sender.name, address: sender.address, &x)
        x.start("ResponseFor", 5)
        x.element("OrganId", reply.senderOrganId, 6)
        x.element("Code", reply.code, 6)
        x.element("PromulgationDate", reply.promulgationDate.map(date), 6)
        x.element("DocumentId", reply.nationalId, 6)
        x.end("ResponseFor", 5)
        staff(sender.staff, &x, 5)
        x.element("StatusCode", reply.status.rawValue, 5)
        x.element("Description", reply.description, 5)
        x.element("Timestamp", reply.timestamp, 5)
        x.end("MessageHeader", 4)
        x.close(body: nil)
        return Data(x.text.utf8)
    }

    /// The file a reply is written to: the sequence first, so a connector sending the outbox in
    /// name order sends replies in the order they happened.
    public static func replyName(_ reply: ExchangeService.Reply) -> String {
        let id = reply.nationalId.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return String(format: "%012lld", reply.sequence) + "-\(reply.status.rawValue)-\(id.prefix(80)).edxml"
    }

    /// A file sent with a document.
    public struct File: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// An outgoing document as an envelope to one agency.
    public static func document(
        _ document: Document, from sender: Sender, to recipient: EdXMLEnvelope.Organ, place: String?, files: [File], timestamp: String
    ) throws -> Data {
        var x = Builder()
        x.open()
        x.start("MessageHeader", 4)
        organ("From", organId: sender.organId, name: sender.name, address: sender.address, &x)
        organ("To", organId: recipient.organId, name: recipient.name, address: recipient.address, &x)
        let issued = document.issuedDate ?? document.registerDate
        let code = document.notation?.full ?? "\(document.displayNumber)"
        x.element("DocumentId", "\(sender.organId ?? ""),\(date(issued)),\(code)", 5)
        x.start("Code", 5)
        x.element("CodeNumber", document.notation?.number ?? document.displayNumber, 6)
        x.element("CodeNotation", document.notation?.notation, 6)
        x.end("Code", 5)
        x.start("PromulgationInfo", 5)
        x.element("Place", place, 6)
        x.element("PromulgationDate", date(issued), 6)
        x.end("PromulgationInfo", 5)
        x.start("DocumentType", 5)
        x.element("Type", "1", 6)
        x.element("TypeName", document.typeName, 6)
        x.end("DocumentType", 5)
        x.element("Subject", document.subject, 5)
        x.element("Content", document.subject, 5)
        x.start("SignerInfo", 5)
        x.element("Competence", document.signer?.capacity, 6)
        x.element("Position", document.signer?.position, 6)
        x.element("FullName", document.signer?.fullName, 6)
        x.end("SignerInfo", 5)
        if let due = document.dueDate { x.element("DueDate", date(due), 5) }
        x.start("OtherInfo", 5)
        x.element("Priority", priority(document.urgency), 6)
        x.element("PromulgationAmount", document.issuedAmount.map(String.init), 6)
        x.element("PageAmount", document.pageAmount.map(String.init), 6)
        x.end("OtherInfo", 5)
        x.start("ToPlaces", 5)
        for recipient in document.recipients { x.element("Place", recipient, 6) }
        x.end("ToPlaces", 5)
        x.end("MessageHeader", 4)
        x.start("TraceHeaderList", 4)
        x.start("TraceHeader", 5)
        x.element("OrganId", sender.organId, 6)
        x.element("Timestamp", timestamp, 6)
        x.end("TraceHeader", 5)
        x.start("Bussiness", 5)
        x.element("BussinessDocType", "0", 6)
        x.element("BussinessDocReason", "Văn bản điện tử mới", 6)
        x.element("Paper", "0", 6)
        staff(sender.staff, &x, 6)
        x.end("Bussiness", 5)
        x.end("TraceHeaderList", 4)
        var body = Builder()
        body.start("edXMLManifest version=\"1.0\"", 4)
        for (index, file) in files.enumerated() {
            body.start("Reference", 5)
            body.element("ContentId", "cid:\(index + 1)", 6)
            body.element("ContentType", "application/zip", 6)
            body.element("Description", file.name, 6)
            body.element("AttachmentName", file.name, 6)
            body.end("Reference", 5)
        }
        body.end("edXMLManifest", 4)
        var attachments = "  <AttachmentEncoded>\n"
        for (index, file) in files.enumerated() {
            attachments += "    <Attachment>\n"
            attachments += "      <ContentId>cid:\(index + 1)</ContentId>\n"
            attachments += "      <AttachmentName>\(escape(file.name))</AttachmentName>\n"
            attachments += "      <Description>\(escape(file.name))</Description>\n"
            attachments += "      <ContentType>application/zip</ContentType>\n"
            attachments += "      <edXML:ContentTransferEncoded xmlns:edXML=\"\(EdXMLWriter.namespace)\">"
            attachments += try zipped(file).base64EncodedString()
            attachments += "</edXML:ContentTransferEncoded>\n    </Attachment>\n"
        }
        attachments += "  </AttachmentEncoded>\n"
        x.close(body: body.text, attachments: files.isEmpty ? nil : attachments)
        return Data(x.text.utf8)
    }

    static let namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016"

    /// The file in a zip of its own, as the standard carries attachments.
    private static func zipped(_ file: File) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-edxml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("a.zip")
        do {
            let archive = try Archive(url: zip, accessMode: .create)
            let name = file.name.replacingOccurrences(of: "/", with: "_")
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(file.data.count), compressionMethod: .deflate) { position, size in
                file.data.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw ExportError.cannotWrite(path: zip.path, reason: Bilingual(vi: "không nén được tệp đính kèm", en: "cannot zip the attachment"))
        }
        guard let data = FileManager.default.contents(atPath: zip.path) else {
            throw ExportError.cannotWrite(path: zip.path, reason: Bilingual(vi: "không đọc lại được tệp nén", en: "cannot read the zip back"))
        }
        return data
    }

    private static func organ(_ name: String, organId: String?, name organName: String?, address: String?, _ x: inout Builder) {
        x.start(name, 5)
        x.element("OrganId", organId, 6)
        x.element("OrganizationInCharge", organName, 6)
        x.element("OrganName", organName, 6)
        x.element("OrganAdd", address, 6)
        x.end(name, 5)
    }

    private static func staff(_ staff: EdXMLEnvelope.Staff, _ x: inout Builder, _ depth: Int) {
        x.start("StaffInfo", depth)
        x.element("Department", staff.department, depth + 1)
        x.element("Staff", staff.name, depth + 1)
        x.element("Mobile", staff.mobile, depth + 1)
        x.element("Email", staff.email, depth + 1)
        x.end("StaffInfo", depth)
    }

    static func date(_ date: LocalDate) -> String { String(format: "%04d/%02d/%02d", date.year, date.month, date.day) }

    private static func priority(_ urgency: Urgency?) -> String {
        switch urgency {
        case nil: "0"
        case .khan: "1"
        case .thuongKhan: "2"
        case .hoaToc: "3"
        }
    }

    /// XML text: `& < > " '` escaped, control characters (not allowed in XML 1.0) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The envelope's text, indented as the national samples are.
    struct Builder {
        var text = ""

        mutating func open() {
            text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            text += "<edXML xmlns=\"\(EdXMLWriter.namespace)\">\n"
            text += "  <edXML:edXMLEnvelope xmlns:edXML=\"\(EdXMLWriter.namespace)\">\n"
            text += "    <edXML:edXMLHeader>\n"
        }

        mutating func close(body: String?, attachments: String? = nil) {
            text += "    </edXML:edXMLHeader>\n"
            if let body {
                text += "    <edXML:edXMLBody>\n" + body + "    </edXML:edXMLBody>\n"
            }
            text += "  </edXML:edXMLEnvelope>\n"
            if let attachments { text += attachments }
            text += "</edXML>\n"
        }

        mutating func start(_ name: String, _ depth: Int) {
            text += String(repeating: "  ", count: depth - 1) + "<edXML:\(name)>\n"
        }

        mutating func end(_ name: String, _ depth: Int) {
            text += String(repeating: "  ", count: depth - 1) + "</edXML:\(name)>\n"
        }

        /// An element with its text; nothing for nil (the standard's optional elements).
        mutating func element(_ name: String, _ value: String?, _ depth: Int) {
            guard let value else { return }
            text += String(repeating: "  ", count: depth - 1) + "<edXML:\(name)>\(EdXMLWriter.escape(value))</edXML:\(name)>\n"
        }
    }
}
