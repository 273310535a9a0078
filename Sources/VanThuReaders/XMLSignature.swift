import CLibXML2
import Crypto
import Foundation
import VanThuCore

/// Checks an edXML envelope's XMLDSig signature (W3C XML Signature, as the Trục liên thông
/// signs: enveloped, over the whole envelope, RSA with SHA-1 or SHA-256): the one file of vanthu
/// that talks to libxml2, for canonical XML (C14N 1.0 and exclusive C14N), which vanthu's own
/// scanner does not do. The RSA check itself is libcrypto's (``PDFSignatures/verifyRSA``).
///
/// The envelope was already read by ``EdXMLReader`` (no DOCTYPE, no entity, within the size
/// limit) before libxml2 sees it, and libxml2 reads it without the network and without
/// printing anything.
enum XMLSignature {
    /// What the `Signature` element says, read by ``EdXMLReader``.
    struct Info {
        var canonicalization: String?
        var signatureMethod: String?
        var references: [(uri: String?, transforms: [String], digestMethod: String?, digestValue: Data?)]
        var signatureValue: Data?
        var certificate: Data?
    }

    static let c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    static let c14nWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"
    static let exclusive = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let exclusiveWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
    static let enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

    /// libxml2's, opened once.
    nonisolated(unsafe) static let library: VTLibXML2? = vt_libxml2_open()?.pointee

    /// A canonicalization algorithm: libxml2's mode and whether comments are kept; nil for one
    /// vanthu does not know. Real builders write exc-c14n as `…/TR/xml-exc-c14n#` too.
    static func mode(_ algorithm: String?) -> (mode: Int32, comments: Bool)? {
        switch algorithm ?? c14n {
        case c14n: (Int32(VT_XML_C14N_1_0), false)
        case c14nWithComments: (Int32(VT_XML_C14N_1_0), true)
        case exclusive, "http://www.w3.org/TR/xml-exc-c14n#": (Int32(VT_XML_C14N_EXCLUSIVE_1_0), false)
        case exclusiveWithComments: (Int32(VT_XML_C14N_EXCLUSIVE_1_0), true)
        default: nil
        }
    }

    static func check(_ data: Data, _ info: Info, trustedRoots: [Data]) -> EdXMLEnvelope.SignatureCheck {
        // One reference to the whole envelope, with the enveloped-signature transform: what
        // the exchange signs. Anything else is not checked rather than half checked.
        guard info.references.count == 1, let reference = info.references.first, reference.uri == nil || reference.uri == "",
            reference.transforms.contains(enveloped),
            reference.transforms.allSatisfy({ $0 == enveloped || mode($0) != nil }),
            let digest = reference.digestMethod.flatMap(Digest.init(uri:)), let expected = reference.digestValue,
            let signatureDigest = info.signatureMethod.flatMap(Digest.init(rsaURI:)), let signedInfoMode = mode(info.canonicalization)
        else { return .unchecked(.unsupported) }
        // The content's transform is the last canonicalization named (C14N 1.0 when none is).
        let contentMode = mode(reference.transforms.last { $0 != enveloped }) ?? (Int32(VT_XML_C14N_1_0), false)
        guard let library else { return .unchecked(.unreadable) }
        let options = Int32(VT_XML_PARSE_NONET | VT_XML_PARSE_NOERROR | VT_XML_PARSE_NOWARNING | VT_XML_PARSE_HUGE)
        let document = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { library.xmlReadMemory($0.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), nil, nil, options) }
        }
        guard let document, data.count <= Int(Int32.max) else { return .unchecked(.unreadable) }
        defer { library.xmlFreeDoc(document) }
        // The SignedInfo as a node set (its elements, attributes and namespace nodes, written as
        // XPath over local names: the exchange's Signature sometimes lacks its namespace),
        // canonicalized where it stands; then the envelope without its Signature (the
        // enveloped-signature transform), canonicalized whole. Selecting that second set by XPath
        // (every node, each tested for a Signature ancestor) took 5 ms of a 100 kB envelope.
        let signaturePath = "(//*[local-name()='Signature'][*[local-name()='SignedInfo']])[1]"
        let signedInfo = "\(signaturePath)/*[local-name()='SignedInfo']"
        let signedInfoSet =
            "(\(signedInfo)/descendant-or-self::node() | \(signedInfo)/descendant-or-self::*/@* | \(signedInfo)/descendant-or-self::*/namespace::*)"
        guard let signedInfoBytes = canonical(document, signedInfoSet, signedInfoMode, library),
            let signatureNode = select(document, signaturePath, library, { $0.pointee.nodeTab?[0] })
        else { return .unchecked(.unreadable) }
        library.xmlUnlinkNode(signatureNode)
        defer { library.xmlFreeNode(signatureNode) }
        guard let contentBytes = canonical(document, nil, contentMode, library) else { return .unchecked(.unreadable) }
        guard digest.hash(contentBytes) == [UInt8](expected) else { return .invalid(.contentChanged) }
        guard let certificate = info.certificate, let signature = info.signatureValue else { return .unchecked(.noCertificate) }
        switch PDFSignatures.verifyRSA(signature: signature, over: signedInfoBytes, certificate: certificate, sha256: signatureDigest == .sha256) {
        case nil: return .unchecked(.noCertificate)
        case false?: return .invalid(.signatureMismatch)
        case true?: return .valid(trusted: PDFSignatures.isTrusted(certificate, roots: trustedRoots))
        }
    }

    /// What `body` makes of the nodes `xpath` selects (at least one), while they exist.
    private static func select<T>(
        _ document: OpaquePointer, _ xpath: String, _ library: VTLibXML2, _ body: (UnsafeMutablePointer<vt_xmlNodeSet>) -> T?
    ) -> T? {
        guard let context = library.xmlXPathNewContext(document) else { return nil }
        defer { library.xmlXPathFreeContext(context) }
        let selected = xpath.withCString { library.xmlXPathEvalExpression(UnsafeRawPointer($0).assumingMemoryBound(to: vt_xmlChar.self), context) }
        guard let selected else { return nil }
        defer { library.xmlXPathFreeObject(selected) }
        guard let nodes = selected.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return nil }
        return body(nodes)
    }

    /// The canonical form of the nodes `xpath` selects, or of the whole document.
    private static func canonical(
        _ document: OpaquePointer, _ xpath: String?, _ mode: (mode: Int32, comments: Bool), _ library: VTLibXML2
    ) -> [UInt8]? {
        func dump(_ nodes: UnsafeMutablePointer<vt_xmlNodeSet>?) -> [UInt8]? {
            var out: UnsafeMutablePointer<vt_xmlChar>?
            let length = library.xmlC14NDocDumpMemory(document, nodes, mode.mode, nil, mode.comments ? 1 : 0, &out)
            guard length >= 0, let out else { return nil }
            defer { library.free(out) }
            return [UInt8](UnsafeBufferPointer(start: out, count: Int(length)))
        }
        guard let xpath else { return dump(nil) }
        return select(document, xpath, library, dump)
    }

    enum Digest {
        case sha1, sha256

        init?(uri: String) {
            switch uri {
            case "http://www.w3.org/2000/09/xmldsig#sha1": self = .sha1
            case "http://www.w3.org/2001/04/xmlenc#sha256": self = .sha256
            default: return nil
            }
        }

        init?(rsaURI: String) {
            switch rsaURI {
            case "http://www.w3.org/2000/09/xmldsig#rsa-sha1": self = .sha1
            case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": self = .sha256
            default: return nil
            }
        }

        func hash(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .sha1: Array(Insecure.SHA1.hash(data: bytes))
            case .sha256: Array(SHA256.hash(data: bytes))
            }
        }
    }
}
