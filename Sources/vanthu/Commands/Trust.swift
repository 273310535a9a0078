import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake
import VanThuReaders

extension VanThu {
    struct Trust: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "trust",
                abstract: tr(
                    "Quản lý chứng thư gốc tin cậy dùng để kiểm tra chữ ký số.",
                    en: "Manage the trusted root certificates signatures are checked against."),
                discussion: tr(
                    """
                    vanthu không kèm sẵn chứng thư nào: cơ quan tự thêm chứng thư gốc đã kiểm tra (ví dụ của Ban Cơ yếu Chính phủ).
                    vanthu trust add root-ca.pem
                    vanthu trust list
                    vanthu trust remove 3f2a9c1b
                    """,
                    en: """
                        vanthu ships no certificate: the agency adds the roots it has verified (for example the Ban Cơ yếu Chính phủ's).
                        vanthu trust add root-ca.pem
                        vanthu trust list
                        vanthu trust remove 3f2a9c1b
                        """),
                subcommands: [Add.self, ListTrusted.self, Remove.self],
                defaultSubcommand: ListTrusted.self,
                aliases: ["tin-cay"])
    }
}

extension VanThu.Trust {
    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr("Tin cậy chứng thư gốc trong tệp (PEM hoặc DER).", en: "Trust the root certificate(s) in a file (PEM or DER)."),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Tệp chứng thư (.pem, .cer, .crt).", en: "The certificate file (.pem, .cer, .crt)."), valueName: tr("tệp", en: "file")))
        var file: String

        func run() throws {
            let certificates = try CertificateFile.read(try IntakeSource.bytes(file), path: file)
            try global.withRegistry { registry in
                let added = try certificates.map { try TrustService(registry).add(certificate: $0.der, subject: $0.subject, notAfter: $0.notAfter) }
                if global.json { return try Terminal.json(added.map(\.certificate)) }
                for (certificate, isNew) in added {
                    Terminal.print(
                        isNew
                            ? Terminal.label(
                                "Đã tin cậy: \(certificate.subject) (SHA-256 \(certificate.sha256.prefix(16))…)",
                                "Trusted: \(certificate.subject) (SHA-256 \(certificate.sha256.prefix(16))…)")
                            : Terminal.label("Đã tin cậy từ trước: \(certificate.subject)", "Already trusted: \(certificate.subject)"))
                }
            }
        }
    }

    struct ListTrusted: ParsableCommand {
        static let configuration =
            CommandConfiguration(commandName: "list", abstract: tr("Liệt kê chứng thư gốc tin cậy.", en: "List the trusted root certificates."))

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let list = try global.withRegistry(.read) { try TrustService($0).list() }
            if global.json { return try Terminal.json(list) }
            if list.isEmpty {
                return Terminal.print(
                    Terminal.label(
                        "Chưa có chứng thư tin cậy nào: mọi chữ ký sẽ là “không thuộc cơ quan tin cậy”. Thêm: vanthu trust add TỆP",
                        "No trusted certificate yet: every signature will be “not from a trusted authority”. Add one: vanthu trust add FILE"))
            }
            let rows = list.map {
                [String($0.sha256.prefix(16)), $0.subject, $0.notAfter.flatMap { (try? LocalDate(parsing: $0))?.vietnamese } ?? "", $0.addedBy]
            }
            Terminal.print(
                Terminal.table(
                    headings: [
                        Terminal.label("SHA-256", "SHA-256"), Terminal.label("Chủ thể", "Subject"), Terminal.label("Hết hạn", "Expires"),
                        Terminal.label("Người thêm", "Added by"),
                    ], rows: rows))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "remove", abstract: tr("Thôi tin cậy một chứng thư.", en: "Stop trusting a certificate."), aliases: ["xoa"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr(
                    "Mã SHA-256 (ít nhất 8 chữ số đầu) hoặc chủ thể của chứng thư.",
                    en: "The SHA-256 fingerprint (at least its first 8 digits) or the subject."),
                valueName: tr("mã", en: "key")))
        var key: String

        func run() throws {
            try global.withRegistry { registry in
                let removed = try TrustService(registry).remove(key)
                if global.json { return try Terminal.json(removed) }
                Terminal.print(Terminal.label("Đã thôi tin cậy: \(removed.subject)", "No longer trusted: \(removed.subject)"))
            }
        }
    }
}
