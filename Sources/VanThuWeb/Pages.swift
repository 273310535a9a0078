import Foundation
import Hummingbird
import Mustache
import VanThuCore

/// Renders the templates into pages: a page's body, then the layout around it.
struct Pages: Sendable {
    let library: MustacheLibrary
    let organization: String

    init(organization: String) throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(text, named: name) }
        self.library = library
        self.organization = organization
    }

    func render(_ name: String, _ values: [String: Any]) -> String {
        library.render(Self.present(values) ?? [:], withTemplate: name) ?? ""
    }

    /// The values with every optional opened: an absent one is dropped (a section that does not
    /// show), a present one is its value. Mustache would print an optional as “nil” or
    /// “Optional(…)”.
    static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return present(wrapped)
        }
        if let dictionary = value as? [String: Any] { return dictionary.compactMapValues { present($0) } }
        if let array = value as? [[String: Any]] { return array.compactMap { present($0) } }
        return value
    }

    /// A whole page: `name` rendered with `values`, inside the layout with the account's menu.
    func page(
        _ name: String, title: String, _ values: [String: Any], session: Session?, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var values = values
        values["csrf"] = values["csrf"] ?? session?.csrf
        let body = render(name, values)
        var layout: [String: Any] = ["title": title, "organization": organization, "body": body]
        if let notice { layout["notice"] = notice }
        if let session {
            let account = session.account
            layout["account"] =
                [
                    "displayName": account.displayName, "roleName": account.role.name.vi, "unit": account.unit as Any,
                    "csrf": session.csrf, "mayRegister": AccessRules.may(account, .register),
                    "mayFollowUp": AccessRules.may(account, .followUp), "mayAccounts": AccessRules.may(account, .accounts),
                ] as [String: Any]
        }
        return Self.html(render("layout", layout), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A table of documents as the templates show them.
    func table(_ documents: [Document], today: LocalDate) -> String {
        render("rows", ["rows": documents.map { Self.row($0, today: today) }])
    }

    static func row(_ d: Document, today: LocalDate) -> [String: Any] {
        let open = d.voided == nil && d.status.isOpen
        var row: [String: Any] = [
            "href": "/documents/" + d.reference, "number": d.displayNumber, "date": d.registerDate.vietnamese,
            "notation": d.notation?.full ?? "", "party": d.direction == .incoming ? d.organName : d.recipients.joined(separator: "; "),
            "typeName": d.typeName, "summary": d.subject, "handler": d.handler ?? "", "due": d.dueDate?.vietnamese ?? "",
            "status": d.voided != nil ? "Đã hủy" : d.direction == .incoming ? d.status.name(in: .vi) : "",
            "late": open && (d.dueDate.map { $0 < today } ?? false),
        ]
        if let urgency = d.urgency { row["urgency"] = urgency.label }
        if let secrecy = d.secrecy { row["secrecy"] = secrecy.label }
        if let voided = d.voided { row["voided"] = voided.reason }
        return row
    }
}
