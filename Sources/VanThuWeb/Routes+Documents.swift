import Foundation
import Hummingbird
import VanThuCore
import VanThuOffice

extension WebServer {
    /// `/documents/den/2021/5[/action]`: the reference and what follows it.
    static func reference(in context: WebRequestContext) -> (reference: String, rest: [String]) {
        let parts = context.parameters.getCatchAll().map(String.init)
        // den/2021/5, di/2021/5, di/2021/CV/5: a reference has 3 parts, or 4 when its third is a type code.
        let count = parts.count >= 4 && Int(parts[2]) == nil && parts[3].first?.isNumber == true ? 4 : min(3, parts.count)
        return (parts.prefix(count).joined(separator: "/"), Array(parts.dropFirst(count)))
    }

    // MARK: Inbox

    func inbox(_ session: Session) async throws -> Response {
        let registry = registry(for: session)
        let account = session.account
        let today = today
        let sections: [(String, [Document])] = try await blocking {
            var query = SearchQuery(text: "")
            query.direction = .incoming
            query.limit = 50
            query.countLimit = 50  // the page shows "50+", never the total
            func find(_ status: SearchQuery.Status) throws -> [Document] {
                var q = query
                q.status = status
                return try SearchService(registry).search(q).hits.map(\.document)
            }
            let urgentFirst: ([Document]) -> [Document] = { documents in
                documents.sorted {
                    ($0.urgency != nil ? 0 : 1, $0.dueDate ?? .lastDay(of: 9999)) < ($1.urgency != nil ? 0 : 1, $1.dueDate ?? .lastDay(of: 9999))
                }
            }
            let unrouted = urgentFirst(try find(.unrouted))
            let overdue = urgentFirst(try find(.overdue))
            let late = Set(overdue.map(\.id))
            let open = urgentFirst(try find(.open)).filter { !late.contains($0.id) && $0.status != .registered }
            switch account.role {
            case .clerk:
                return [("Chưa chuyển xử lý", unrouted.filter { !late.contains($0.id) }), ("Quá hạn", overdue), ("Đang xử lý", open)]
            case .leader:
                return [("Chờ ý kiến chỉ đạo", unrouted.filter { !late.contains($0.id) }), ("Quá hạn", overdue), ("Đang xử lý", open)]
            case .officer:
                return [("Quá hạn", overdue), ("Chờ xử lý", open + unrouted.filter { !late.contains($0.id) })]
            case .administrator:
                return []
            }
        }
        let values: [String: Any] = [
            "sections": sections.map {
                ["heading": $0.0, "count": $0.1.count >= 50 ? "50+" : "\($0.1.count)", "table": pages.table($0.1, today: today)] as [String: Any]
            }
        ]
        return await show("inbox", title: "Gửi cho tôi", values, session: session)
    }

    // MARK: Registers

    /// The register filters of a request, as a query and as the form shows them back.
    struct ListFilters {
        var book = "den"
        var text = ""
        var from: String?
        var to: String?
        var type: String?
        var issuer: String?
        var unit: String?
        var status: String?
        var urgency: String?

        init(_ request: Request) {
            let q = request.uri.queryParameters
            func value(_ name: String) -> String? {
                q[Substring(name)].map(String.init).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            book = value("so") ?? "den"
            text = value("q") ?? ""
            from = value("tu")
            to = value("den")
            type = value("loai")
            issuer = value("tac-gia")
            unit = value("don-vi")
            status = value("trang-thai")
            urgency = value("do-khan")
        }

        func query(today: LocalDate) throws -> SearchQuery {
            do {  // a scope: the query is built whole or not at all
                let words = text
                var query = SearchQuery(text: words)
                query.issuer = issuer
                query.direction = book.hasPrefix("di") ? .outgoing : .incoming
                query.secret = book.hasSuffix("mat")
                query.from = try from.map(LocalDate.init(parsing:))
                query.to = try to.map(LocalDate.init(parsing:))
                query.typeCode = type
                query.handler = unit
                query.status = status.flatMap(SearchQuery.Status.init(rawValue:))
                query.urgency = urgency.flatMap(Urgency.init(rawValue:))
                query.limit = 50
                // A register's list: newest first, counted up to 1,000 (“hơn 1.000 văn bản”).
                query.newestFirst = true
                query.countLimit = 1000
                // With no filter at all, the current year's register.
                if words.isEmpty, issuer == nil, from == nil, to == nil, type == nil, unit == nil, status == nil, urgency == nil {
                    query.year = today.year
                }
                return query
            }
        }

        var queryString: String {
            let pairs: [(String, String?)] = [
                ("so", book), ("q", text), ("tu", from), ("den", to), ("loai", type), ("tac-gia", issuer), ("don-vi", unit),
                ("trang-thai", status), ("do-khan", urgency),
            ]
            return pairs.compactMap { name, value in
                value.flatMap {
                    $0.isEmpty
                        ? nil : "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? "")"
                }
            }.joined(separator: "&")
        }
    }

    static let books = [("den", "Sổ văn bản đến"), ("di", "Sổ văn bản đi"), ("den-mat", "Sổ văn bản mật đến"), ("di-mat", "Sổ văn bản mật đi")]
    static let statuses: [(String, String)] = [
        ("", "Tất cả"), ("unrouted", "Chưa chuyển"), ("open", "Đang xử lý"), ("overdue", "Quá hạn"), ("done", "Đã xong"), ("returned", "Trả lại"),
        ("voided", "Đã hủy"),
    ]

    static func choices(_ options: [(String, String)], selected: String?) -> [[String: Any]] {
        options.map { ["value": $0.0, "name": $0.1, "selected": $0.0 == (selected ?? "")] }
    }

    /// The độ khẩn choices: `blank` names the empty one ("Tất cả" in a filter, "Thường" in a form).
    static func urgencyChoices(blank: String) -> [(String, String)] {
        [("", blank)] + Urgency.allCases.map { ($0.rawValue, $0.label.capitalized) }
    }

    func documents(_ request: Request, _ session: Session) async throws -> Response {
        let filters = ListFilters(request)
        let registry = registry(for: session)
        let query = try filters.query(today: today)
        let (results, units) = try await blocking { (try SearchService(registry).search(query), try AccountService(registry).units()) }
        if request.uri.queryParameters["xuat"] == "xlsx" {
            return try await exportList(results.hits.map(\.document), session: session)
        }
        let shown = results.hits.count
        let values: [String: Any] = [
            "books": Self.choices(Self.books, selected: filters.book), "q": filters.text, "from": filters.from ?? "", "to": filters.to ?? "",
            "type": filters.type ?? "", "issuer": filters.issuer ?? "", "unit": filters.unit ?? "", "units": units,
            "statuses": Self.choices(Self.statuses, selected: filters.status),
            "urgencies": Self.choices(Self.urgencyChoices(blank: "Tất cả"), selected: filters.urgency),
            "mayExport": AccessRules.may(session.account, .registers), "exportHref": "/documents?" + filters.queryString + "&xuat=xlsx",
            "summary": results.totalIsAtLeast
                ? "Tìm thấy hơn \(results.total) văn bản; hiện \(shown) văn bản mới nhất (lọc thêm để thu hẹp)."
                : results.total > shown ? "Tìm thấy \(results.total) văn bản; hiện \(shown) văn bản mới nhất." : "Tìm thấy \(results.total) văn bản.",
            "table": pages.table(results.hits.map(\.document), today: today),
        ]
        return await show("documents", title: "Sổ văn bản", values, session: session)
    }

    func exportList(_ documents: [Document], session: Session) async throws -> Response {
        let registry = registry(for: session)
        let data = try await blocking { try ListExport.workbook(documents, registry: registry) }
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"danh-sach-van-ban.xlsx\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: One document

    func documentPage(_ request: Request, _ context: WebRequestContext, _ session: Session, problem: String? = nil) async throws -> Response {
        let (reference, rest) = Self.reference(in: context)
        let registry = registry(for: session)
        if rest.count == 2, rest[0] == "files", let id = Int64(rest[1]) {
            return try await file(id, of: reference, registry: registry)
        }
        guard rest.isEmpty else { throw HTTPError(.notFound) }
        let details = try await blocking { try DocumentDetails(reference: reference, registry: registry) }
        var values = details.values(for: session.account, today: today)
        values["problem"] = problem
        values["base"] = "/documents/" + details.document.reference
        return await show("document", title: details.title, values, session: session)
    }

    /// A stored file, shown in the browser: a PDF inline, in a sandbox (no script, no form).
    func file(_ id: Int64, of reference: String, registry: Registry) async throws -> Response {
        let (attachment, data) = try await blocking { () throws -> (Attachment, Data) in
            let service = AttachmentService(registry)
            guard let attachment = try service.attachments(reference: reference).first(where: { $0.id == id }) else {
                throw RegistryError.documentNotFound("\(reference)/files/\(id)")
            }
            return (attachment, try service.bytes(of: attachment))
        }
        var headers = HTTPFields()
        let inline = attachment.mediaType == "application/pdf" || attachment.mediaType.hasPrefix("image/") || attachment.mediaType == "text/plain"
        headers[.contentType] = inline ? attachment.mediaType : "application/octet-stream"
        let ascii = attachment.name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? String($0) : "_" }.joined()
        let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; object-src 'self'; plugin-types application/pdf"
        headers[.cacheControl] = "private, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: Actions on a document

    func documentAction(
        _ request: Request, _ context: WebRequestContext, _ form: Form, _ session: Session, json: Bool
    ) async throws -> Response {
        let (reference, rest) = Self.reference(in: context)
        guard rest.count == 1 else { throw HTTPError(.notFound) }
        let registry = registry(for: session)
        let action = rest[0]
        let message: String
        let document: Document
        switch action {
        case "void":
            let reason = form["reason"] ?? ""
            document = try await blocking { try RegistrationService(registry).void(reference: reference, reason: reason) }
            message = "Đã hủy số \(document.displayNumber). Số vẫn giữ trong sổ, kèm lý do."
        case "route":
            let draft = RoutingDraft(
                lead: form["lead"] ?? "", coUnits: (form["co"] ?? "").split(whereSeparator: \.isNewline).map(String.init) + form.all("co-unit"),
                due: try form.text("due").map(Deadline.init(parsing:)), direction: form.text("direction"),
                directedBy: session.account.displayName)
            document = try await blocking { try HandlingService(registry).route(reference: reference, draft).document }
            message = "Đã chuyển cho \(document.handler ?? "")" + (document.dueDate.map { ", hạn \($0.vietnamese)" } ?? "") + "."
        case "progress":
            let note = form["note"] ?? ""
            document = try await blocking { try HandlingService(registry).progress(reference: reference, note: note).document }
            message = "Đã ghi tiến độ."
        case "done":
            let reply = form.text("reply")
            let note = form.text("note")
            document = try await blocking { try HandlingService(registry).done(reference: reference, reply: reply, note: note).document }
            message = "Đã ghi hoàn thành."
        case "return":
            let reason = form["reason"] ?? ""
            guard reason.trimmingCharacters(in: .whitespacesAndNewlines).count >= 10 else {
                throw WebRefusal.reasonTooShort(minimum: 10)
            }
            document = try await blocking { try HandlingService(registry).returnDocument(reference: reference, reason: reason).document }
            message = "Đã trả lại văn bản."
        default:
            throw HTTPError(.notFound)
        }
        if json { return WebError.jsonResponse(try JSONOutput.encode(document)) }
        await sessions.flash(session.token, message)
        return Pages.redirect("/documents/\(document.reference)")
    }
}

/// A refusal of the web front itself (the services have their own): nothing changed.
enum WebRefusal: Error, Equatable {
    case reasonTooShort(minimum: Int)
    case uploadExpired
}

extension WebRefusal: ClerkFacingError {
    static var domain: String { "web" }
    var exitCode: Int32 { 65 }
    var text: Bilingual {
        switch self {
        case .reasonTooShort(let minimum):
            Bilingual(
                vi: "Lý do trả lại phải có ít nhất \(minimum) ký tự. Ghi rõ vì sao văn bản được trả lại.",
                en: "A return's reason must have at least \(minimum) characters. Say why the document goes back.")
        case .uploadExpired:
            Bilingual(
                vi: "Tệp đã tải lên không còn (quá một giờ, hoặc máy chủ đã khởi động lại). Tải tệp lên lại.",
                en: "The uploaded file is gone (over an hour, or the server restarted). Upload it again.")
        }
    }
    enum Kind: String, CaseIterable { case reasonTooShort, uploadExpired }
    var kind: Kind {
        switch self {
        case .reasonTooShort: .reasonTooShort
        case .uploadExpired: .uploadExpired
        }
    }
}
