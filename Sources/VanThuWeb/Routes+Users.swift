import Foundation
import Hummingbird
import VanThuCore

extension WebServer {
    func usersPage(_ session: Session, problem: String? = nil) async throws -> Response {
        let registry = registry(for: session)
        let (accounts, units) = try await blocking { (try AccountService(registry).list(), try AccountService(registry).units()) }
        let values: [String: Any] = [
            "problem": problem as Any, "units": units,
            "roles": AccountRole.allCases.map { ["value": $0.rawValue, "name": $0.name.vi] },
            "accounts": accounts.map { a -> [String: Any] in
                [
                    "name": a.name, "fullName": a.fullName ?? "", "role": a.role.name.vi, "unit": a.unit ?? "",
                    "state": a.disabled ? "Đã khóa" : "Đang dùng", "toggle": a.disabled ? "enable" : "disable",
                    "toggleName": a.disabled ? "Mở khóa" : "Khóa",
                ]
            },
        ]
        return await show("users", title: "Tài khoản", values, session: session, status: problem == nil ? .ok : .unprocessableContent)
    }

    func addUser(_ form: Form, _ session: Session) async throws -> Response {
        let registry = registry(for: session)
        guard let role = form.text("role").flatMap(AccountRole.init(rawValue:)) else {
            return try await usersPage(session, problem: "Chọn vai trò của tài khoản.")
        }
        let (name, fullName, unit, password) = (form["name"] ?? "", form.text("fullName"), form.text("unit"), form["password"] ?? "")
        do {
            let account = try await blocking {
                try AccountService(registry).add(name: name, fullName: fullName, role: role, unit: unit, password: password)
            }
            await sessions.flash(session.token, "Đã thêm tài khoản \(account.name) (\(account.role.name.vi)).")
            return Pages.redirect("/users")
        } catch let error as AccountError where error.exitCode == 65 {
            return try await usersPage(session, problem: error.message(in: .vi))
        }
    }

    func changeUser(_ context: WebRequestContext, _ form: Form, _ session: Session) async throws -> Response {
        let registry = registry(for: session)
        let name = context.parameters.get("name") ?? ""
        let action = context.parameters.get("action") ?? ""
        let password = form["password"] ?? ""
        let account: Account
        switch action {
        case "disable": account = try await blocking { try AccountService(registry).setDisabled(true, name: name) }
        case "enable": account = try await blocking { try AccountService(registry).setDisabled(false, name: name) }
        case "passwd": account = try await blocking { try AccountService(registry).setPassword(name: name, password: password) }
        default: throw HTTPError(.notFound)
        }
        await sessions.flash(session.token, "Đã cập nhật tài khoản \(account.name).")
        return Pages.redirect("/users")
    }
}
