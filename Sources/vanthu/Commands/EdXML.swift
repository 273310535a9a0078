import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders
import VanThuXLSX

extension VanThu {
    struct EdXML: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "edxml",
                abstract: tr(
                    "Liên thông văn bản: nhận, từ chối và gửi gói tin edXML (QCVN 102:2016).",
                    en: "Document exchange: receive, refuse and send edXML envelopes (QCVN 102:2016)."),
                discussion: tr(
                    """
                    Phần kết nối với trục liên thông (tải gói tin về thư mục, gửi thư mục outbox đi) do bộ kết nối của đơn vị đảm nhận.
                    vanthu edxml receive den/*.edxml --outbox outbox/
                    vanthu edxml refuse goi-tin.edxml --reason "Văn bản gửi nhầm đơn vị" --outbox outbox/
                    vanthu edxml send di/2026/15 --to-dir gui/
                    """,
                    en: """
                        The connector of the agency moves envelopes (downloads them into a folder, sends the outbox folder).
                        vanthu edxml receive den/*.edxml --outbox outbox/
                        vanthu edxml refuse envelope.edxml --reason "Sent to the wrong agency" --outbox outbox/
                        vanthu edxml send di/2026/15 --to-dir gui/
                        """),
                subcommands: [Receive.self, Refuse.self, Send.self],
                aliases: ["lien-thong"])
    }

    struct Agencies: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "co-quan",
                abstract: tr(
                    "Danh bạ cơ quan liên thông: mã định danh (QĐ 20/2020/QĐ-TTg) và tên.",
                    en: "The exchange's agency directory: mã định danh (QĐ 20/2020/QĐ-TTg) and name."),
                subcommands: [AddAgency.self, ListAgencies.self],
                defaultSubcommand: ListAgencies.self,
                aliases: ["agency"])
    }
}

/// The replies owed after an action, written to the outbox of the document's exchange.
enum ExchangeReplies {
    static func sender(_ registry: Registry) throws -> EdXMLWriter.Sender {
        let organization = try SetupService(registry).organization()
        let settings = ProcessSettings.settings
        return EdXMLWriter.Sender(
            organId: organization.organId ?? settings.organId, name: organization.name, address: organization.place,
            staff: EdXMLEnvelope.Staff(
                department: settings.staffDepartment, name: registry.context.user, email: settings.staffEmail, mobile: settings.staffMobile))
    }

    /// Writes `reply` to its outbox, atomically, under its ordered name.
    static func write(_ reply: ExchangeService.Reply, registry: Registry) throws -> String {
        let path = (reply.outbox as NSString).appendingPathComponent(EdXMLWriter.replyName(reply))
        try OutputFile.write(EdXMLWriter.status(reply, from: try sender(registry)), to: path, overwrite: true, protecting: registry.protectedPaths)
        return path
    }

    /// After a handling action: the reply it owes (04, 05 the first time, 06), when the document
    /// came through the exchange. The action has happened whatever becomes of the reply: a reply
    /// that cannot be written is said so.
    static func owe(_ status: ExchangeService.Reply.Status, for reference: String, registry: Registry, quiet: Bool) {
        do {
            guard let reply = try ExchangeService(registry).reply(status, for: reference) else { return }
            let path = try write(reply, registry: registry)
            if !quiet {
                Terminal.print(
                    Terminal.label(
                        "Đã ghi trạng thái \(status.rawValue) gửi nơi gửi: \(path)", "Wrote status \(status.rawValue) for the sender: \(path)"))
            }
        } catch let error as any ClerkFacingError {
            Terminal.print(
                Terminal.label("Chưa ghi được trạng thái gửi nơi gửi: ", "The status for the sender was not written: ")
                    + error.message(in: .fromEnvironment()))
        } catch {
            Terminal.print(Terminal.label("Chưa ghi được trạng thái gửi nơi gửi.", "The status for the sender was not written."))
        }
    }

    /// The envelope files named: each file, and every `.edxml`/`.xml` of each folder, in name order.
    static func files(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw ArchiveError.fileUnreadable(path: argument, reason: FileReading.reason(path: argument))
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.filter { $0.lowercased().hasSuffix(".edxml") || $0.lowercased().hasSuffix(".xml") }.sorted().map {
                    (argument as NSString).appendingPathComponent($0)
                }
            } else {
                files.append(argument)
            }
        }
        return files
    }

    /// Reads the envelopes at `paths` a few at a time on every core (reading, decoding and
    /// checking a signature is most of receiving one, and envelopes are independent), the next
    /// few while `body` registers these, and gives each to `body` in order, on this thread:
    /// registering stays one at a time. At most two chunks of 8 envelopes or 32 MB are held.
    static func envelopes(
        _ paths: [String], trustedRoots: [Data], _ body: (String, Result<EdXMLEnvelope, any Error>) throws -> Void
    ) throws {
        var chunks: [[String]] = []
        var bytes = 0
        for path in paths {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if let last = chunks.last, last.count < 8, bytes + size <= 32 << 20 {
                chunks[chunks.count - 1].append(path)
                bytes += size
            } else {
                chunks.append([path])
                bytes = size
            }
        }
        func start(_ chunk: [String]) -> (DispatchGroup, ReadResults) {
            let results = ReadResults(count: chunk.count)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
                    results.set(index, Result { try envelope(chunk[index], trustedRoots: trustedRoots) })
                }
            }
            return (group, results)
        }
        var next = chunks.first.map(start)
        for (index, chunk) in chunks.enumerated() {
            guard let (group, results) = next else { break }
            group.wait()
            next = index + 1 < chunks.count ? start(chunks[index + 1]) : nil
            for (offset, path) in chunk.enumerated() { try body(path, results.get(offset)) }
        }
    }

    /// The envelopes of one chunk, filled from several threads.
    private final class ReadResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<EdXMLEnvelope, any Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<EdXMLEnvelope, any Error>) {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
        }

        func get(_ index: Int) -> Result<EdXMLEnvelope, any Error> {
            lock.lock()
            defer { lock.unlock() }
            return results[index] ?? .failure(RegistryError.nothingToChange)
        }
    }

    static func envelope(_ path: String, trustedRoots: [Data] = []) throws -> EdXMLEnvelope {
        guard ContentStore.isRegularFile(path), let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError.fileUnreadable(path: path, reason: FileReading.reason(path: path))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: EdXMLReader.maximumBytes + 1)) ?? Data()
        return try EdXMLReader.read(data, path: path, trustedRoots: trustedRoots)
    }
}

extension VanThu.EdXML {
    struct Receive: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "receive",
                abstract: tr(
                    "Nhận gói tin edXML: vào sổ văn bản đến, lưu tệp đính kèm làm bản gốc, ghi trạng thái 03 vào outbox.",
                    en: "Receive edXML envelopes: register the documents, keep their attachments as originals, write status 03 to the outbox."),
                aliases: ["nhan"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Tệp hoặc thư mục gói tin.", en: "Envelope files or folders."), valueName: tr("tệp", en: "file")))
        var files: [String]

        @Option(
            help: ArgumentHelp(
                tr("Thư mục ghi các gói tin trạng thái gửi lại nơi gửi.", en: "The folder the status replies are written to."),
                valueName: tr("thư-mục", en: "folder")))
        var outbox: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Số văn bản đọc trên văn bản, khi CodeNumber của gói tin không phải là số (chỉ với một gói tin).",
                    en: "The số read off the document, when the envelope's CodeNumber is not a number (one envelope only)."),
                valueName: tr("số", en: "n")))
        var number: String?

        func run() throws {
            let paths = try ExchangeReplies.files(files)
            guard !paths.isEmpty else { throw RegistryError.nothingToChange }
            if number != nil, paths.count > 1 { throw ExchangeError.numberForOne }
            if let outbox { try OutputFile.requireFolder(outbox, option: "--outbox") }
            try global.withRegistry { registry in
                var results: [[String: String]] = []
                var failed: (any ClerkFacingError)?
                var refused = 0
                let roots = try TrustService(registry).roots()
                try ExchangeReplies.envelopes(paths, trustedRoots: roots) { path, read in
                    do {
                        // Read whole before anything is written: a broken envelope registers nothing.
                        let envelope = try read.get()
                        let received = try ExchangeService(registry).receive(envelope, source: path, outbox: outbox, number: number)
                        results.append(try report(received.outcome, reply: received.reply, path: path, envelope: envelope, registry: registry))
                    } catch let error as any ClerkFacingError {
                        // One bad envelope does not stop the others; it is named, and the exit says so.
                        if paths.count > 1 { Terminal.failure(error) }
                        failed = failed ?? error
                        refused += 1
                    }
                }
                if global.json { try Terminal.json(results) }
                if let failed { throw paths.count == 1 ? failed : ExchangeError.someRefused(refused: refused, total: paths.count) }
            }
        }

        private func report(
            _ outcome: ExchangeService.Outcome, reply: ExchangeService.Reply?, path: String, envelope: EdXMLEnvelope, registry: Registry
        ) throws -> [String: String] {
            let name = (path as NSString).lastPathComponent
            var row = ["file": path]
            func accepted(_ document: Document) throws {
                if let reply { row["reply"] = try ExchangeReplies.write(reply, registry: registry) }
            }
            func registered(_ document: Document) throws {
                row["reference"] = document.reference
                row["outcome"] = "registered"
                try accepted(document)
                say(
                    "\(name): đã vào sổ \(document.reference) — \(document.notation?.full ?? "") \(document.organName)",
                    "\(name): registered \(document.reference) — \(document.notation?.full ?? "") \(document.organName)")
                for attachment in envelope.attachments { say("  bản gốc: \(attachment.name)", "  original: \(attachment.name)") }
                if envelope.hasSignature {
                    let who = envelope.signatureSubject ?? "?"
                    let (state, vi, en) = Self.signatureLine(envelope.signatureCheck ?? .unchecked(.unsupported))
                    row["signature"] = state
                    say("  chữ ký số XML của gói tin (\(who)): \(vi)", "  the envelope's XML signature (\(who)): \(en)")
                }
            }
            switch outcome {
            case .registered(let document, let dropped):
                try registered(document)
                if let dropped {
                    say(
                        "  thời hạn \(dropped.vietnamese) trong gói tin đã qua trước ngày nhận nên không ghi; hãy đặt thời hạn khi chuyển",
                        "  the due date \(dropped.vietnamese) in the envelope had passed before it arrived and is not recorded; set one when routing")
                }
            case .replaced(let document, let old):
                try registered(document)
                row["outcome"] = "replaced"
                say(
                    "  thay thế cho \(old?.reference ?? "văn bản chưa nhận qua liên thông")",
                    "  replaces \(old?.reference ?? "a document not received through the exchange")")
            case .duplicate(let document):
                row["reference"] = document.reference
                row["outcome"] = "duplicate"
                try accepted(document)
                say(
                    "\(name): đã nhận trước đây (\(document.reference)), không vào sổ lại; gửi lại trạng thái 03",
                    "\(name): received before (\(document.reference)), not registered again; status 03 sent again")
            case .revoked(let document):
                row["reference"] = document.reference
                row["outcome"] = "revoked"
                say(
                    "\(name): nơi gửi thu hồi \(document.reference); văn bản vẫn trong sổ, dừng xử lý",
                    "\(name): the sender revoked \(document.reference); it stays in the register, its handling stops")
            case .updated(let document):
                row["reference"] = document.reference
                row["outcome"] = "updated"
                say("\(name): cập nhật thông tin của \(document.reference)", "\(name): updated the metadata of \(document.reference)")
            case .status(let code, let about):
                row["outcome"] = "status \(code)"
                say(
                    "\(name): trạng thái \(code) về \(about ?? "?") — \(envelope.statusDescription ?? "")",
                    "\(name): status \(code) about \(about ?? "?") — \(envelope.statusDescription ?? "")")
            }
            return row
        }

        private func say(_ vi: String, _ en: String) {
            if !global.json { Terminal.print(Terminal.label(vi, en)) }
        }
    }

    struct Refuse: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "refuse",
                abstract: tr(
                    "Từ chối tiếp nhận một gói tin (trạng thái 02, có lý do); không vào sổ.",
                    en: "Refuse an envelope (status 02, with the reason); nothing is registered."),
                aliases: ["tu-choi"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Tệp gói tin.", en: "The envelope file."), valueName: tr("tệp", en: "file")))
        var file: String

        @Option(help: ArgumentHelp(tr("Lý do, ít nhất 10 ký tự.", en: "The reason, at least 10 characters."), valueName: tr("lý-do", en: "reason")))
        var reason: String

        @Option(
            help: ArgumentHelp(tr("Thư mục ghi trạng thái 02.", en: "The folder status 02 is written to."), valueName: tr("thư-mục", en: "folder")))
        var outbox: String

        func run() throws {
            let envelope = try ExchangeReplies.envelope(file)
            try OutputFile.requireFolder(outbox, option: "--outbox")
            try global.withRegistry { registry in
                let reply = try ExchangeService(registry).refuse(envelope, source: file, reason: reason, outbox: outbox)
                let path = try ExchangeReplies.write(reply, registry: registry)
                if global.json { return try Terminal.json(["file": file, "reply": path]) }
                Terminal.print(Terminal.label("Đã từ chối \(file); trạng thái 02: \(path)", "Refused \(file); status 02: \(path)"))
            }
        }
    }

    struct Send: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "send",
                abstract: tr(
                    "Ghi gói tin edXML của một văn bản đi cho từng cơ quan nhận có mã định danh.",
                    en: "Write the edXML envelope of an outgoing document for each recipient agency with a mã định danh."),
                aliases: ["gui"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Văn bản đi.", en: "The outgoing document."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(
            name: .customLong("to-dir"),
            help: ArgumentHelp(tr("Thư mục ghi các gói tin.", en: "The folder the envelopes are written to."), valueName: tr("thư-mục", en: "folder"))
        )
        var toDirectory: String

        func run() throws {
            try OutputFile.requireFolder(toDirectory, option: "--to-dir")
            try global.withRegistry { registry in
                let document = try DocumentService(registry).document(reference: reference)
                guard document.direction == .outgoing else { throw RegistryError.wrongDirection(document.reference, expected: .outgoing) }
                let recipients = try ExchangeService(registry).agencies(for: document.recipients)
                guard !recipients.isEmpty else { throw ExchangeError.noAgencies(reference: document.reference) }
                let attachments = try AttachmentService(registry).attachments(reference: document.reference)
                let files = try attachments.map { attachment in
                    EdXMLWriter.File(name: attachment.name, data: try AttachmentService(registry).bytes(of: attachment))
                }
                let sender = try ExchangeReplies.sender(registry)
                let organization = try SetupService(registry).organization()
                var written: [String] = []
                for agency in recipients {
                    let data = try EdXMLWriter.document(
                        document, from: sender, to: EdXMLEnvelope.Organ(organId: agency.organId, name: agency.name), place: organization.place,
                        files: files, timestamp: ExchangeService.now())
                    let safe = agency.organId.map { $0.isLetter || $0.isNumber || $0 == "." ? String($0) : "_" }.joined()
                    let name = document.reference.replacingOccurrences(of: "/", with: "-") + "-\(safe).edxml"
                    let path = (toDirectory as NSString).appendingPathComponent(name)
                    try OutputFile.write(data, to: path, overwrite: true, protecting: registry.protectedPaths)
                    written.append(path)
                }
                try ExchangeService(registry).recordSent(reference: document.reference, to: recipients, files: written)
                if global.json { return try Terminal.json(written) }
                for (agency, path) in zip(recipients, written) {
                    Terminal.print(
                        Terminal.label(
                            "Gói tin gửi \(agency.name) (\(agency.organId)): \(path)", "Envelope for \(agency.name) (\(agency.organId)): \(path)"))
                }
            }
        }
    }
}

extension VanThu.Agencies {
    struct AddAgency: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add", abstract: tr("Thêm cơ quan vào danh bạ liên thông.", en: "Add an agency to the exchange directory."),
                discussion: tr(
                    "vanthu co-quan add 000.00.31.H41 \"Sở Nội vụ tỉnh Kon Tum\"", en: "vanthu co-quan add 000.00.31.H41 \"Sở Nội vụ tỉnh Kon Tum\""),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Mã định danh.", en: "The mã định danh."), valueName: tr("mã", en: "id")))
        var organId: String

        @Argument(
            help: ArgumentHelp(
                tr("Tên cơ quan, như ghi ở Nơi nhận.", en: "The agency's name, as written in Nơi nhận."), valueName: tr("tên", en: "name")))
        var name: String

        func run() throws {
            let agency = try global.withRegistry { try ExchangeService($0).addAgency(organId: organId, name: name) }
            if global.json { return try Terminal.json(["organId": agency.organId, "name": agency.name]) }
            Terminal.print(Terminal.label("Đã thêm \(agency.name) (\(agency.organId)).", "Added \(agency.name) (\(agency.organId))."))
        }
    }

    struct ListAgencies: ParsableCommand {
        static let configuration =
            CommandConfiguration(commandName: "list", abstract: tr("Liệt kê danh bạ liên thông.", en: "List the exchange directory."))

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let agencies = try global.withRegistry(.read) { try ExchangeService($0).agencies() }
            if global.json { return try Terminal.json(agencies.map { ["organId": $0.organId, "name": $0.name] }) }
            guard !agencies.isEmpty else { return Terminal.print(Terminal.label("Danh bạ liên thông trống.", "The exchange directory is empty.")) }
            Terminal.print(
                Terminal.table(
                    headings: [Terminal.label("Mã định danh", "Id"), Terminal.label("Tên", "Name")], rows: agencies.map { [$0.organId, $0.name] }))
        }
    }
}

extension VanThu.EdXML.Receive {
    /// What the clerk is told of an envelope's XMLDSig signature, and its `--json` state. Only a
    /// signature whose content digest and RSA value were both recomputed is called valid.
    static func signatureLine(_ check: EdXMLEnvelope.SignatureCheck) -> (state: String, vi: String, en: String) {
        switch check {
        case .valid(trusted: true):
            (
                "valid", "hợp lệ — nội dung gói tin đúng như khi ký, chứng thư số thuộc danh sách tin cậy",
                "valid — the envelope is as it was signed, by a trusted certificate"
            )
        case .valid(trusted: false):
            (
                "valid-untrusted", "hợp lệ — nội dung gói tin đúng như khi ký; chứng thư số chưa có trong danh sách tin cậy (vanthu trust add)",
                "valid — the envelope is as it was signed; its certificate is not in the trust list (vanthu trust add)"
            )
        case .invalid(.contentChanged):
            (
                "invalid", "KHÔNG HỢP LỆ — nội dung gói tin khác với nội dung đã ký; hãy liên hệ nơi gửi trước khi xử lý",
                "INVALID — the envelope differs from what was signed; ask the sender before handling it"
            )
        case .invalid:
            (
                "invalid", "KHÔNG HỢP LỆ — chữ ký không khớp với chứng thư số kèm theo; hãy liên hệ nơi gửi trước khi xử lý",
                "INVALID — the signature does not match the attached certificate; ask the sender before handling it"
            )
        case .unchecked(.noCertificate):
            (
                "unverified", "chưa xác minh — gói tin không kèm chứng thư số đọc được; hãy kiểm tra chữ ký trên tệp đính kèm",
                "not verified — the envelope carries no readable certificate; check the signature on the attached file"
            )
        case .unchecked(.unreadable):
            (
                "unverified", "chưa xác minh — không đọc được gói tin bằng libxml2 (gói libxml2); hãy kiểm tra chữ ký trên tệp đính kèm",
                "not verified — libxml2 could not read the envelope (Debian package libxml2); check the signature on the attached file"
            )
        case .unchecked:
            (
                "unverified", "chưa xác minh — vanthu chưa kiểm tra được kiểu chữ ký này; hãy kiểm tra chữ ký trên tệp đính kèm",
                "not verified — vanthu cannot check this kind of signature; check the signature on the attached file"
            )
        }
    }
}
