public import Foundation

/// An edXML envelope (QCVN 102:2016/BTTTT) as read: a document sent through the Trục liên thông,
/// or a status message about one. Fields the envelope lacks are nil.
public struct EdXMLEnvelope: Sendable, Equatable {
    /// An agency of the exchange: its mã định danh (QĐ 20/2020/QĐ-TTg) and name.
    public struct Organ: Sendable, Equatable, Codable {
        public var organId: String?
        public var name: String?
        public var inCharge: String?
        public var address: String?
        public var email: String?
        public var telephone: String?

        public init(
            organId: String?, name: String?, inCharge: String? = nil, address: String? = nil, email: String? = nil, telephone: String? = nil
        ) {
            self.organId = organId
            self.name = name
            self.inCharge = inCharge
            self.address = address
            self.email = email
            self.telephone = telephone
        }
    }

    /// Who at an agency acted (the clerk), as a status message names them.
    public struct Staff: Sendable, Equatable, Codable {
        public var department: String?
        public var name: String?
        public var email: String?
        public var mobile: String?

        public init(department: String?, name: String?, email: String?, mobile: String?) {
            self.department = department
            self.name = name
            self.email = email
            self.mobile = mobile
        }
    }

    /// The document a status message or a reply is about.
    public struct Response: Sendable, Equatable {
        public var organId: String?
        public var code: String?
        public var promulgationDate: String?
        public var documentId: String?

        public init(organId: String?, code: String?, promulgationDate: String?, documentId: String?) {
            self.organId = organId
            self.code = code
            self.promulgationDate = promulgationDate
            self.documentId = documentId
        }
    }

    /// The Bussiness block (so spelled by the standard): what the envelope does to a document.
    public struct Business: Sendable, Equatable {
        /// 0 new, 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế).
        public var type: Int
        public var reason: String?
        /// A paper copy follows.
        public var paper: Bool
        /// For a replacement: the national identifiers of the documents it replaces.
        public var replaces: [String]
        /// The document the business is about, when the block names it.
        public var documentId: String?

        public init(type: Int, reason: String?, paper: Bool, replaces: [String], documentId: String?) {
            self.type = type
            self.reason = reason
            self.paper = paper
            self.replaces = replaces
            self.documentId = documentId
        }
    }

    /// A file carried by the envelope, decoded (base64, then its zip).
    public struct Attachment: Sendable, Equatable {
        public var name: String
        public var contentId: String?
        public var data: Data

        public init(name: String, contentId: String?, data: Data) {
            self.name = name
            self.contentId = contentId
            self.data = data
        }
    }

    public var from: Organ?
    public var to: [Organ] = []
    /// The national identifier: `OrganId,yyyy/MM/dd,Số/Ký hiệu`.
    public var documentId: String?
    public var codeNumber: String?
    public var codeNotation: String?
    public var place: String?
    public var promulgationDate: LocalDate?
    public var type: String?
    public var typeName: String?
    public var subject: String?
    public var content: String?
    public var signer: Signer?
    public var dueDate: LocalDate?
    /// 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ.
    public var priority: Int?
    public var pageAmount: Int?
    public var promulgationAmount: Int?
    public var appendixes: [String] = []
    public var toPlaces: [String] = []
    public var responseFor: Response?
    public var statusCode: String?
    public var statusDescription: String?
    public var timestamp: String?
    public var staff: Staff?
    public var business: Business?
    /// The envelope carries an XMLDSig `Signature`.
    public var hasSignature = false
    /// Its certificate (DER), when it decodes.
    public var signatureCertificate: Data?
    /// The signer as the signature names it (`X509SubjectName`, else the certificate's subject).
    public var signatureSubject: String?
    /// What checking the XMLDSig signature found; nil without one.
    public var signatureCheck: SignatureCheck?
    public var attachments: [Attachment] = []

    public init() {}

    /// The outcome of checking an envelope's XMLDSig signature (enveloped, over the whole
    /// envelope): never "valid" unless both the digest of the content and the signature over it
    /// were recomputed and matched.
    public enum SignatureCheck: Sendable, Equatable {
        /// The content is what was signed, and the signature matches the certificate's key;
        /// `trusted` when that certificate chains to one the agency trusts (`vanthu trust`).
        case valid(trusted: Bool)
        /// Checked, and it does not match.
        case invalid(SignatureProblem)
        /// Not checked: nothing is said either way.
        case unchecked(SignatureProblem)
    }

    public enum SignatureProblem: String, Sendable, Equatable {
        /// The envelope's content differs from what was signed (its digest).
        case contentChanged
        /// The signature does not match the signed information and the certificate's key.
        case signatureMismatch
        /// No certificate to check it with, or one that does not decode.
        case noCertificate
        /// An algorithm, transform or reference vanthu does not check.
        case unsupported
        /// The XML library (libxml2) cannot be opened or cannot read the envelope.
        case unreadable
    }

    /// A status message (no document of its own, a StatusCode about another).
    public var isStatus: Bool { statusCode != nil && codeNotation == nil }

    /// The độ khẩn the priority stands for (one vendor's table; 0 and unknown values are thường).
    public var urgency: Urgency? {
        switch priority {
        case 1: .khan
        case 2: .thuongKhan
        case 3, 4: .hoaToc
        default: nil
        }
    }
}
