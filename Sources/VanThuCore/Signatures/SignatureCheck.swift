/// What checking one digital signature of a PDF found (ND30 Điều 21.2: verify an electronic
/// document's authenticity and integrity before receiving it).
public struct SignatureCheck: Equatable, Sendable, Codable {
    /// The certificate's common name: the person (or the body) who signed.
    public var signer: String?
    /// The certificate's organisation (O).
    public var organization: String?
    /// The signing time the signature carries, ISO 8601 in UTC (`2026-03-12T08:30:00Z`).
    public var signedAt: String?
    /// The signed bytes still hash to the digest the signature signed: nothing in them changed.
    public var intact: Bool
    /// The signature verifies against its certificate's public key.
    public var valid: Bool
    /// The signature covers the whole file: no revision was added after it.
    public var coversWholeDocument: Bool
    /// The certificate chains to a root the agency trusts (`vanthu trust add`).
    public var trusted: Bool

    public init(
        signer: String?, organization: String?, signedAt: String?, intact: Bool, valid: Bool, coversWholeDocument: Bool, trusted: Bool
    ) {
        self.signer = signer
        self.organization = organization
        self.signedAt = signedAt
        self.intact = intact
        self.valid = valid
        self.coversWholeDocument = coversWholeDocument
        self.trusted = trusted
    }

    /// The plain sentence the clerk reads for this signature.
    public var verdict: Bilingual {
        let who = [signer, organization].compactMap { $0 }.joined(separator: ", ")
        let when = signedAt.map(Self.displayTime) ?? ""
        if !intact || !valid {
            return Bilingual(
                vi: "Tài liệu đã bị sửa sau khi ký (chữ ký của \(who.isEmpty ? "người ký không rõ" : who) không còn khớp)",
                en: "The document was changed after it was signed (the signature of \(who.isEmpty ? "an unknown signer" : who) no longer matches)")
        }
        if !trusted {
            return Bilingual(
                vi: "Chữ ký không thuộc cơ quan tin cậy — \(who) • \(when)", en: "The signature is not from a trusted authority — \(who) • \(when)")
        }
        if !coversWholeDocument {
            return Bilingual(
                vi: "Chữ ký hợp lệ — \(who) • \(when); tệp có phần được thêm sau khi ký",
                en: "Valid signature — \(who) • \(when); the file has content added after signing")
        }
        return Bilingual(vi: "Chữ ký hợp lệ — \(who) • \(when)", en: "Valid signature — \(who) • \(when)")
    }

    /// `2026-03-12T08:30:00Z` as `12/03/2026 08:30 UTC`.
    static func displayTime(_ iso: String) -> String {
        let parts = Array(iso.utf8)
        guard parts.count >= 16 else { return iso }
        let s = Array(iso)
        return "\(String(s[8..<10]))/\(String(s[5..<7]))/\(String(s[0..<4])) \(String(s[11..<16])) UTC"
    }

    /// As the journal keeps it.
    var json: JSONValue {
        .fields([
            ("signer", signer.map(JSONValue.string) ?? .null), ("organization", organization.map(JSONValue.string) ?? .null),
            ("signedAt", signedAt.map(JSONValue.string) ?? .null), ("intact", .bool(intact)), ("valid", .bool(valid)),
            ("coversWholeDocument", .bool(coversWholeDocument)), ("trusted", .bool(trusted)),
        ])
    }

    /// The line for a PDF with no signature.
    public static let unsigned = Bilingual(vi: "Chưa ký số", en: "Not digitally signed")
}
