public import Foundation
import GRDB

/// A root the agency trusts, as listed: the certificate's SHA-256 fingerprint and subject.
public struct TrustedCertificate: Equatable, Sendable, Encodable {
    public var sha256: String
    public var subject: String
    public var notAfter: String?
    public var addedAt: String
    public var addedBy: String
}

/// The agency's trusted roots for checking signatures (ND30 Phụ lục VI II.8: “kiểm tra, xác
/// thực chữ ký số”). vanthu ships none: the agency adds the roots it has verified (the
/// Ban Cơ yếu Chính phủ's for state bodies, a provider's for others). Every change is journaled.
public struct TrustService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }

    /// Trusts a certificate (DER), read and described by the caller. Trusting one already
    /// trusted changes nothing and says so (`isNew` false).
    public func add(certificate: Data, subject: String, notAfter: String?) throws -> (certificate: TrustedCertificate, isNew: Bool) {
        try requirePermission(.setup)
        guard !certificate.isEmpty, let subject = VietnameseText.nonEmpty(subject) else { throw TrustError.emptyCertificate }
        let fingerprint = SHA256.hex(of: certificate)
        return try write { db in
            if let existing = try TrustedCertificateRecord.fetchOne(db, key: fingerprint) { return (existing.entry, false) }
            let record = TrustedCertificateRecord(
                sha256: fingerprint, subject: subject, notAfter: notAfter, certificate: certificate, addedAt: try timestamp(db),
                addedBy: context.user)
            try record.insert(db)
            let after: [String: String?] = ["sha256": fingerprint, "subject": subject, "notAfter": notAfter]
            try appendJournal(
                db, action: "trust-add", entity: "trustedCertificate", entityId: nil, after: try JSONOutput.encode(after, pretty: false))
            return (record.entry, true)
        }
    }

    /// The trusted roots, by subject.
    public func list() throws -> [TrustedCertificate] {
        try read { db in
            guard try db.tableExists("trustedCertificate") else { return [] }
            return try TrustedCertificateRecord.order(TrustedCertificateRecord.Columns.subject).fetchAll(db).map(\.entry)
        }
    }

    /// The certificates (DER) signatures are checked against.
    public func roots() throws -> [Data] {
        // An older file read without upgrading has no trusted roots yet.
        try read { db in try db.tableExists("trustedCertificate") ? TrustedCertificateRecord.fetchAll(db).map(\.certificate) : [] }
    }

    /// Stops trusting the certificate named by its fingerprint (at least 8 hex digits of its
    /// start) or its exact subject.
    public func remove(_ key: String) throws -> TrustedCertificate {
        try requirePermission(.setup)
        let key = key.trimmingCharacters(in: .whitespaces)
        let hex = key.lowercased().replacingOccurrences(of: ":", with: "")
        return try write { db in
            let all = try TrustedCertificateRecord.fetchAll(db)
            let byFingerprint = hex.count >= 8 && hex.allSatisfy(\.isHexDigit) ? all.filter { $0.sha256.hasPrefix(hex) } : []
            let matches = byFingerprint.isEmpty ? all.filter { $0.subject == key } : byFingerprint
            guard let record = matches.first else { throw TrustError.notFound(key) }
            guard matches.count == 1 else { throw TrustError.ambiguous(key, count: matches.count) }
            try record.delete(db)
            let before: [String: String?] = ["sha256": record.sha256, "subject": record.subject, "notAfter": record.notAfter]
            try appendJournal(
                db, action: "trust-remove", entity: "trustedCertificate", entityId: nil, before: try JSONOutput.encode(before, pretty: false))
            return record.entry
        }
    }
}

/// Why a change to the trusted roots was refused. Nothing changed.
public enum TrustError: Error, Equatable, Sendable {
    case emptyCertificate
    case notFound(String)
    case ambiguous(String, count: Int)
}

extension TrustError: ClerkFacingError {
    public static var domain: String { "trust" }

    public var exitCode: Int32 {
        switch self {
        case .emptyCertificate, .ambiguous: 65
        case .notFound: 66
        }
    }

    public var text: Bilingual {
        switch self {
        case .emptyCertificate:
            Bilingual(
                vi: "Chứng thư số rỗng hoặc không có chủ thể. Kiểm tra lại tệp chứng thư.",
                en: "The certificate is empty or has no subject. Check the certificate file.")
        case .notFound(let key):
            Bilingual(
                vi: "Không có chứng thư tin cậy nào là “\(key)”. Xem danh sách: vanthu trust list.",
                en: "No trusted certificate is “\(key)”. See the list: vanthu trust list.")
        case .ambiguous(let key, let count):
            Bilingual(
                vi: "“\(key)” khớp \(count) chứng thư. Hãy ghi thêm chữ số của mã SHA-256 (vanthu trust list).",
                en: "“\(key)” matches \(count) certificates. Give more digits of the SHA-256 fingerprint (vanthu trust list).")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case emptyCertificate, notFound, ambiguous
    }

    public var kind: Kind {
        switch self {
        case .emptyCertificate: .emptyCertificate
        case .notFound: .notFound
        case .ambiguous: .ambiguous
        }
    }
}
