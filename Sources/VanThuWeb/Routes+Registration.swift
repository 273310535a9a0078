import Foundation
import Hummingbird
import VanThuCore
import VanThuIntake
import VanThuOffice

extension WebServer {
    /// The next số đến the incoming register of today would give (what the clerk sees before
    /// confirming; the number itself is taken only when the registration commits).
    func nextIncomingNumber(_ registry: Registry) throws -> (book: String, next: Int) {
        let today = today
        let series = try RegisterService(registry).seriesSummaries().filter {
            $0.register.kind == .incoming && $0.register.start <= today && today <= $0.register.end
        }
        guard let current = series.first else { return ("sổ văn bản đến năm \(today.year)", 1) }
        return ("\(current.register.kind.vietnameseName.lowercased()) năm \(current.register.start.year)", current.nextNumber)
    }

    func registerPage(
        _ session: Session, upload: (token: String, file: ReadDocument)? = nil, problem: String? = nil, form: Form? = nil
    )
        async throws -> Response
    {
        let registry = registry(for: session)
        try RegistrationService(registry).checkMayRegister()
        let (book, next) = try await blocking { try nextIncomingNumber(registry) }
        var values: [String: Any] = [
            "book": book, "next": next, "problem": problem as Any,
            "urgencies": Self.choices(Self.urgencyChoices(blank: "Thường"), selected: form?["urgency"] ?? upload?.file.result.urgency?.rawValue),
            "secrecies": Self.choices(
                [("", "Thường")] + Secrecy.allCases.map { ($0.rawValue, $0.label.capitalized) },
                selected: form?["secrecy"] ?? upload?.file.result.secrecy?.rawValue),
        ]
        if let upload {
            let r = upload.file.result
            values["upload"] = upload.token
            values["uploadName"] = upload.file.name
            values["ocr"] = r.file?.ocrPages.isEmpty == false ? r.file?.ocrPages.map(String.init).joined(separator: ", ") : nil
            if upload.file.isPDF {
                let checks = upload.file.signatures
                values["signatures"] = checks.isEmpty ? [SignatureCheck.unsigned.vi] : checks.map(\.verdict.vi)
            }
            values["issuer"] = r.organName ?? ""
            values["notation"] = r.notation?.full ?? ""
            values["issued"] = r.issuedDate?.vietnamese ?? ""
            values["type"] = r.typeCode ?? ""
            values["summary"] = r.subject ?? ""
            values["signer"] = r.signer?.fullName ?? ""
            values["signerTitle"] = [r.signer?.capacity, r.signer?.position].compactMap { $0 }.joined(separator: " ")
            values["pages"] = r.file?.pages.map(String.init) ?? ""
        }
        if let form {
            for name in ["issuer", "notation", "issued", "type", "summary", "signer", "signerTitle", "pages", "due", "note"] {
                values[name] = form[name] ?? ""
            }
            values["upload"] = form["upload"] ?? values["upload"] as Any
        }
        return await show("register", title: "Vào sổ văn bản đến", values, session: session, status: problem == nil ? .ok : .unprocessableContent)
    }

    /// An uploaded file read by intake; the form comes back filled for the clerk to check.
    func upload(_ form: Form, _ session: Session) async throws -> Response {
        let registry = registry(for: session)
        try RegistrationService(registry).checkMayRegister()
        guard let file = form.files["file"], !file.data.isEmpty else {
            return try await registerPage(session, problem: "Chưa chọn tệp văn bản (PDF, bản quét, Word).")
        }
        let read = try await blocking {
            try ReadDocument(data: file.data, name: file.name, trustedRoots: try TrustService(registry).roots())
        }
        let token = await uploads.keep(read, owner: session.account.name)
        return try await registerPage(session, upload: (token, read))
    }

    /// Registers what the clerk confirmed: the number is taken now, in the registration's
    /// transaction, with the uploaded original when there is one.
    func confirmRegistration(_ form: Form, _ session: Session) async throws -> Response {
        let registry = registry(for: session)
        var file: ReadDocument?
        if let token = form.text("upload") {
            file = await uploads.file(token, owner: session.account.name)
            guard file != nil else { throw WebRefusal.uploadExpired }
        }
        do {
            let draft = IncomingDraft(
                issuer: form["issuer"] ?? "", notation: try form.text("notation").map(DocumentNotation.init(parsing:)),
                issuedDate: try form.text("issued").map(LocalDate.init(parsing:)), typeCode: form.text("type"), summary: form["summary"] ?? "",
                dueDate: try form.text("due").map(LocalDate.init(parsing:)), urgency: form.text("urgency").flatMap(Urgency.init(rawValue:)),
                secrecy: form.text("secrecy").flatMap(Secrecy.init(rawValue:)), pages: form.text("pages").flatMap { Int($0) },
                note: form.text("note"), signer: Signer(position: form.text("signerTitle"), fullName: form.text("signer")))
            let chosen = file
            let typed = draft
            let outcome = try await blocking { () throws -> (Document, String?) in
                guard let chosen else { return (try RegistrationService(registry).registerIncoming(typed), nil) }
                let filled = try chosen.filling(typed, source: chosen.name, receivingOrganization: try SetupService(registry).organization().name)
                let outcome = try FileRegistration(registry).registerIncoming(filled, from: chosen)
                return (outcome.document, outcome.stampProblem?.vi)
            }
            if let token = form.text("upload") { await uploads.remove(token) }
            let document = outcome.0
            await sessions.flash(
                session.token,
                "Đã vào sổ: số đến \(document.displayNumber), ngày \(document.registerDate.vietnamese)."
                    + (outcome.1.map { " Chưa có bản có dấu ĐẾN: \($0)." } ?? ""))
            return Pages.redirect("/documents/" + document.reference)
        } catch let error as any ClerkFacingError {
            // The form comes back as the clerk filled it, with what to correct.
            return try await registerPage(session, problem: error.message(in: .vi), form: form)
        }
    }
}
