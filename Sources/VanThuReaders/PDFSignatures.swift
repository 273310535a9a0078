import COpenSSL
public import Foundation
import VanThuCore

/// OpenSSL's libcrypto, opened on first use (nil when it is not installed: then no signature
/// verifies and no certificate is read).
private let libcrypto = vt_libcrypto_open()?.pointee

/// Checks the digital signatures of a PDF with OpenSSL's libcrypto. The only file that talks
/// to OpenSSL.
///
/// A PDF signature (ISO 32000 12.8) is a dictionary with `/ByteRange [a b c d]`: the signed bytes
/// are `a..<a+b` and `c..<c+d`, and the gap between them is exactly the `/Contents <hex>` string,
/// a detached CMS SignedData over those bytes. So the signatures are found by their byte ranges,
/// without parsing the PDF's objects, and each is checked in three steps: the digest of the
/// ranges against the signed `messageDigest` (`intact`), the signature over the signed attributes
/// against the certificate (`valid`), the certificate's chain against the agency's trusted roots
/// at the signing time (`trusted`).
enum PDFSignatures {
    /// More is not a document but an attack on the checker.
    static let maximumSignatures = 64
    static let maximumSignatureBytes = 1 << 20

    static func check(_ data: Data, trustedRoots: [Data]) -> [SignatureCheck] {
        let bytes = [UInt8](data)
        var checks: [SignatureCheck] = []
        var seen = Set<[Int]>()
        for range in byteRanges(bytes) where seen.insert(range).inserted {
            if checks.count == maximumSignatures { break }
            checks.append(check(bytes, range: range, trustedRoots: trustedRoots))
        }
        return checks
    }

    /// Every `/ByteRange [a b c d]` whose four numbers describe two ranges of this file around a
    /// hex string.
    static func byteRanges(_ bytes: [UInt8]) -> [[Int]] {
        let key = Array("/ByteRange".utf8)
        var ranges: [[Int]] = []
        var i = 0
        while i + key.count < bytes.count {
            guard bytes[i] == 0x2F, bytes[i..<(i + key.count)].elementsEqual(key) else {
                i += 1
                continue
            }
            i += key.count
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            guard i < bytes.count, bytes[i] == 0x5B else { continue }  // [
            i += 1
            var numbers: [Int] = []
            var current: Int?
            while i < bytes.count, bytes[i] != 0x5D, numbers.count <= 4 {
                let b = bytes[i]
                if b >= 0x30, b <= 0x39 {
                    let digit = Int(b - 0x30)
                    let (m, o1) = (current ?? 0).multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(digit)
                    if o1 || o2 { break }
                    current = s
                } else if let value = current {
                    numbers.append(value)
                    current = nil
                    if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) { break }
                } else if !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) {
                    break
                }
                i += 1
            }
            if let value = current { numbers.append(value) }
            guard numbers.count == 4 else { continue }
            let (a, b, c, d) = (numbers[0], numbers[1], numbers[2], numbers[3])
            guard a == 0, b > 1, c > a + b + 1, d >= 0, c + d <= bytes.count, c - (a + b) <= 2 * maximumSignatureBytes + 2,
                bytes[b] == 0x3C, bytes[c - 1] == 0x3E
            else { continue }
            ranges.append(numbers)
        }
        return ranges
    }

    private static func check(_ bytes: [UInt8], range: [Int], trustedRoots: [Data]) -> SignatureCheck {
        let (b, c, d) = (range[1], range[2], range[3])
        let covers = c + d == bytes.count || bytes[(c + d)...].allSatisfy { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0 }
        var result = SignatureCheck(
            signer: nil, organization: nil, signedAt: nil, intact: false, valid: false, coversWholeDocument: covers, trusted: false)
        // Without libcrypto nothing can be verified: the signature is listed, neither intact nor valid.
        guard let ssl = libcrypto else { return result }
        defer { ssl.ERR_clear_error() }
        guard let der = hexDecode(bytes[(b + 1)..<(c - 1)]), !der.isEmpty else { return result }
        var signed = Array(bytes[0..<b])
        signed.append(contentsOf: bytes[c..<(c + d)])

        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var pointer: UnsafePointer<UInt8>? = buffer.baseAddress
            return ssl.d2i_CMS_ContentInfo(nil, &pointer, buffer.count)
        }
        guard let cms = parsed else { return result }
        defer { ssl.CMS_ContentInfo_free(cms) }
        guard let certificates = ssl.CMS_get1_certs(cms) else { return result }
        defer { ssl.OPENSSL_sk_pop_free(certificates, { libcrypto?.X509_free(OpaquePointer($0)) }) }
        _ = ssl.CMS_set1_signers_certs(cms, nil, 0)
        guard let infos = ssl.CMS_get0_SignerInfos(cms), ssl.OPENSSL_sk_num(infos) >= 1,
            let info = OpaquePointer(ssl.OPENSSL_sk_value(infos, 0))
        else { return result }

        var key: OpaquePointer?, signer: OpaquePointer?
        var digestAlgorithm: UnsafeMutablePointer<X509_ALGOR>?, signatureAlgorithm: UnsafeMutablePointer<X509_ALGOR>?
        ssl.CMS_SignerInfo_get0_algs(info, &key, &signer, &digestAlgorithm, &signatureAlgorithm)
        if let signer {
            result.signer = nameEntry(ssl, signer, NID_commonName)
            result.organization = nameEntry(ssl, signer, NID_organizationName)
        }
        result.signedAt = signingTime(ssl, info) ?? dictionaryTime(bytes, near: b)

        // intact: the digest of the signed ranges is the messageDigest the signer signed.
        if let digestAlgorithm, let expected = messageDigest(ssl, info) {
            var object: OpaquePointer?
            ssl.X509_ALGOR_get0(&object, nil, nil, digestAlgorithm)
            if let object, let md = ssl.EVP_get_digestbyname(ssl.OBJ_nid2sn(ssl.OBJ_obj2nid(object))) {
                var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
                var length: UInt32 = 0
                if ssl.EVP_Digest(signed, signed.count, &out, &length, md, nil) == 1 {
                    result.intact = Array(out.prefix(Int(length))) == expected
                }
            }
        }
        // valid: the signature over the signed attributes verifies with the certificate's key.
        result.valid = signer != nil && ssl.CMS_SignerInfo_verify(info) == 1
        // trusted: the chain reaches a root the agency trusts, at the time of signing.
        if let signer, !trustedRoots.isEmpty {
            result.trusted = chainIsTrusted(ssl, signer, untrusted: certificates, roots: trustedRoots, at: result.signedAt)
        }
        return result
    }

    private static func messageDigest(_ ssl: VTLibCrypto, _ info: OpaquePointer) -> [UInt8]? {
        guard let object = ssl.OBJ_nid2obj(NID_pkcs9_messageDigest),
            let raw = ssl.CMS_signed_get0_data_by_OBJ(info, object, -3, V_ASN1_OCTET_STRING)
        else { return nil }
        let string = raw.assumingMemoryBound(to: ASN1_STRING.self)
        guard let data = ssl.ASN1_STRING_get0_data(string) else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ssl.ASN1_STRING_length(string))))
    }

    private static func signingTime(_ ssl: VTLibCrypto, _ info: OpaquePointer) -> String? {
        let index = ssl.CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1)
        guard index >= 0, let attribute = ssl.CMS_signed_get_attr(info, index), let type = ssl.X509_ATTRIBUTE_get0_type(attribute, 0) else {
            return nil
        }
        let kind = type.pointee.type
        guard kind == V_ASN1_UTCTIME || kind == V_ASN1_GENERALIZEDTIME, let time = type.pointee.value.utctime else { return nil }
        var tm = tm()
        guard ssl.ASN1_TIME_to_tm(time, &tm) == 1 else { return nil }
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday), Int(tm.tm_hour), Int(tm.tm_min),
            Int(tm.tm_sec))
    }

    /// The signature dictionary's `/M (D:20260312083000+07'00')`, in UTC, when the CMS carries no
    /// signing time: looked for in the 4 kB before the `/Contents` string.
    private static func dictionaryTime(_ bytes: [UInt8], near offset: Int) -> String? {
        let start = max(0, offset - 4096)
        let window = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let marker = window.range(of: "/M", options: .backwards) else { return nil }
        let rest = window[marker.upperBound...].drop { $0 == " " || $0 == "(" }
        guard rest.hasPrefix("D:") else { return nil }
        let digits = Array(rest.dropFirst(2).prefix(14))
        guard digits.count == 14, digits.allSatisfy(\.isNumber), let value = Int(String(digits)) else { return nil }
        var components = DateComponents()
        components.year = value / 10_000_000_000
        components.month = value / 100_000_000 % 100
        components.day = value / 1_000_000 % 100
        components.hour = value / 10_000 % 100
        components.minute = value / 100 % 100
        components.second = value % 100
        let zone = rest.dropFirst(16)
        var offsetSeconds = 0
        if let sign = zone.first, sign == "+" || sign == "-" {
            let hh = Int(String(zone.dropFirst().prefix(2))) ?? 0
            let mm = Int(String(zone.dropFirst(4).prefix(2))) ?? 0
            offsetSeconds = (hh * 3600 + mm * 60) * (sign == "+" ? 1 : -1)
        }
        components.timeZone = TimeZone(secondsFromGMT: offsetSeconds)
        guard let date = Calendar(identifier: .gregorian).date(from: components) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }

    private static func nameEntry(_ ssl: VTLibCrypto, _ certificate: OpaquePointer, _ nid: Int32) -> String? {
        guard let name = ssl.X509_get_subject_name(certificate) else { return nil }
        let index = ssl.X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = ssl.X509_NAME_get_entry(name, index), let data = ssl.X509_NAME_ENTRY_get_data(entry) else { return nil }
        var out: UnsafeMutablePointer<UInt8>?
        let length = ssl.ASN1_STRING_to_UTF8(&out, data)
        guard length >= 0, let out else { return nil }
        defer { ssl.CRYPTO_free(out, nil, 0) }
        let text = String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
        return text.isEmpty ? nil : text.precomposedStringWithCanonicalMapping
    }

    private static func chainIsTrusted(
        _ ssl: VTLibCrypto, _ certificate: OpaquePointer, untrusted: OpaquePointer, roots: [Data], at time: String?
    ) -> Bool {
        guard let store = ssl.X509_STORE_new() else { return false }
        defer { ssl.X509_STORE_free(store) }
        for root in roots {
            guard let x509 = x509(ssl, der: root) else { continue }
            _ = ssl.X509_STORE_add_cert(store, x509)
            ssl.X509_free(x509)
        }
        guard let context = ssl.X509_STORE_CTX_new() else { return false }
        defer { ssl.X509_STORE_CTX_free(context) }
        guard ssl.X509_STORE_CTX_init(context, store, certificate, untrusted) == 1 else { return false }
        if let time, let date = ISO8601DateFormatter().date(from: time) {
            ssl.X509_STORE_CTX_set_time(context, 0, time_t(date.timeIntervalSince1970))
        }
        return ssl.X509_verify_cert(context) == 1
    }

    /// Whether `signature` is the RSA signature (PKCS #1 v1.5) of `data` by the key of the
    /// certificate `der`, for XMLDSig; nil when the certificate or its key does not decode.
    static func verifyRSA(signature: Data, over data: [UInt8], certificate der: Data, sha256: Bool) -> Bool? {
        guard let ssl = libcrypto else { return nil }
        guard let certificate = x509(ssl, der: der) else { return nil }
        defer { ssl.X509_free(certificate) }
        guard let key = ssl.X509_get_pubkey(certificate) else { return nil }
        defer { ssl.EVP_PKEY_free(key) }
        guard let context = ssl.EVP_MD_CTX_new() else { return nil }
        defer { ssl.EVP_MD_CTX_free(context) }
        guard ssl.EVP_DigestVerifyInit(context, nil, sha256 ? ssl.EVP_sha256() : ssl.EVP_sha1(), nil, key) == 1 else { return nil }
        let verified = signature.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
            return data.withUnsafeBufferPointer { ssl.EVP_DigestVerify(context, base, raw.count, $0.baseAddress, $0.count) }
        }
        ssl.ERR_clear_error()
        return verified == 1
    }

    /// Whether the certificate `der` chains to one of `roots`, today.
    static func isTrusted(_ der: Data, roots: [Data]) -> Bool {
        guard let ssl = libcrypto else { return false }
        guard !roots.isEmpty, let certificate = x509(ssl, der: der), let untrusted = ssl.OPENSSL_sk_new_null() else { return false }
        defer {
            ssl.X509_free(certificate)
            ssl.OPENSSL_sk_free(untrusted)
        }
        return chainIsTrusted(ssl, certificate, untrusted: untrusted, roots: roots, at: nil)
    }

    static func x509(_ ssl: VTLibCrypto, der: Data) -> OpaquePointer? {
        return der.withUnsafeBytes { raw -> OpaquePointer? in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            var pointer: UnsafePointer<UInt8>? = base
            return ssl.d2i_X509(nil, &pointer, raw.count)
        }
    }

    private static func hexDecode(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for c in hex {
            let value: UInt8
            switch c {
            case 0x30...0x39: value = c - 0x30
            case 0x41...0x46: value = c - 0x37
            case 0x61...0x66: value = c - 0x57
            case 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        // Signers pad the space reserved for the signature with zeros after the DER.
        return out
    }
}

/// A certificate file an agency trusts (`vanthu trust add`): PEM (one or more certificates) or DER.
public enum CertificateFile {
    public struct Certificate: Sendable, Equatable {
        /// The DER bytes, what is stored and checked against.
        public var der: Data
        /// The subject as RFC 2253 text, UTF-8: `CN=Root CA,O=…,C=VN`.
        public var subject: String
        /// The last day it is valid, ISO 8601 (UTC).
        public var notAfter: String?
    }

    public static func read(_ data: Data, path: String) throws -> [Certificate] {
        guard let ssl = libcrypto else {
            throw DocumentFileError.damaged(
                path: path,
                reason: .libraryMissing("OpenSSL libcrypto", purpose: ("đọc chứng thư số", "certificate"), package: "libssl3"))
        }
        defer { ssl.ERR_clear_error() }
        var found: [OpaquePointer] = []
        defer { found.forEach { ssl.X509_free($0) } }
        if data.range(of: Data("-----BEGIN CERTIFICATE-----".utf8)) != nil {
            let bio = data.withUnsafeBytes { raw in ssl.BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) }
            guard let bio else { throw DocumentFileError.badCertificate(path: path) }
            // The memory BIO reads the bytes in place: `data` outlives it.
            defer { _ = ssl.BIO_free(bio) }
            while found.count < 64, let x509 = ssl.PEM_read_bio_X509(bio, nil, nil, nil) { found.append(x509) }
        } else if let x509 = PDFSignatures.x509(ssl, der: data) {
            found.append(x509)
        }
        guard !found.isEmpty else { throw DocumentFileError.badCertificate(path: path) }
        return try found.map { x509 in
            let length = ssl.i2d_X509(x509, nil)
            guard length > 0 else { throw DocumentFileError.badCertificate(path: path) }
            var der = [UInt8](repeating: 0, count: Int(length))
            der.withUnsafeMutableBufferPointer { buffer in
                var pointer: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
                _ = ssl.i2d_X509(x509, &pointer)
            }
            return Certificate(der: Data(der), subject: subject(ssl, x509) ?? "", notAfter: notAfter(ssl, x509))
        }
    }

    /// `CN=…,O=…,C=VN`: the entries most specific first, as RFC 2253 writes them, in UTF-8.
    private static func subject(_ ssl: VTLibCrypto, _ x509: OpaquePointer) -> String? {
        guard let name = ssl.X509_get_subject_name(x509) else { return nil }
        var parts: [String] = []
        for index in 0..<ssl.X509_NAME_entry_count(name) {
            guard let entry = ssl.X509_NAME_get_entry(name, index), let object = ssl.X509_NAME_ENTRY_get_object(entry),
                let data = ssl.X509_NAME_ENTRY_get_data(entry), let short = ssl.OBJ_nid2sn(ssl.OBJ_obj2nid(object))
            else { continue }
            var out: UnsafeMutablePointer<UInt8>?
            let length = ssl.ASN1_STRING_to_UTF8(&out, data)
            guard length >= 0, let out else { continue }
            parts.append(String(cString: short) + "=" + String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self))
            ssl.CRYPTO_free(out, nil, 0)
        }
        return parts.reversed().joined(separator: ",").precomposedStringWithCanonicalMapping
    }

    private static func notAfter(_ ssl: VTLibCrypto, _ x509: OpaquePointer) -> String? {
        guard let time = ssl.X509_get0_notAfter(x509) else { return nil }
        var tm = tm()
        guard ssl.ASN1_TIME_to_tm(time, &tm) == 1 else { return nil }
        return String(format: "%04d-%02d-%02d", Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday))
    }
}
