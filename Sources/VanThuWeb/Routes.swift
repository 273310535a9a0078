import Foundation
import HTTPTypes
import Hummingbird
import VanThuCore

extension WebServer {
    /// Every route. Pages answer HTML; the same routes under `/api/` answer the JSON of
    /// `--json`. A POST is refused (403) unless its CSRF token is the session's.
    func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SessionLookup(server: self))

        router.get("/") { _, context in Pages.redirect(context.session == nil ? "/login" : "/inbox") }
        router.get("/login") { request, context in loginPage(request, context) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in
            try await posted(request, context) { _, session in
                await sessions.close(session.token)
                var response = Pages.redirect("/login")
                response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
                return response
            }
        }

        router.get("/inbox") { request, context in try await page(context) { session in try await inbox(session) } }
        router.get("/documents") { request, context in try await page(context) { session in try await documents(request, session) } }
        router.get("/documents/**") { request, context in try await page(context) { session in try await documentPage(request, context, session) } }
        router.post("/documents/**") { request, context in
            try await posted(request, context) { form, session in try await documentAction(request, context, form, session, json: false) }
        }
        router.get("/register") { request, context in try await page(context) { session in try await registerPage(session) } }
        router.post("/register/upload") { request, context in
            try await posted(request, context) { form, session in try await upload(form, session) }
        }
        router.post("/register") { request, context in
            try await posted(request, context) { form, session in try await confirmRegistration(form, session) }
        }
        router.get("/overdue") { request, context in try await page(context) { session in try await overduePage(session) } }
        router.get("/users") { request, context in try await page(context) { session in try await usersPage(session) } }
        router.post("/users") { request, context in try await posted(request, context) { form, session in try await addUser(form, session) } }
        router.post("/users/:name/:action") { request, context in
            try await posted(request, context) { form, session in try await changeUser(context, form, session) }
        }

        router.get("/api/documents") { request, context in try await api(context) { session in try await apiSearch(request, session) } }
        router.get("/api/documents/**") { request, context in try await api(context) { session in try await apiDocument(context, session) } }
        router.post("/api/documents/**") { request, context in
            try await api(context) { session in
                let form = try await Form.read(request, context: context)
                let token = Self.csrfHeader.flatMap { request.headers[$0] } ?? form["csrf"] ?? ""
                guard Secrets.same(token, session.csrf) else {
                    return WebError.json(["code": "web.csrf", "message": Self.csrfMessage], status: .forbidden)
                }
                return try await documentAction(request, context, form, session, json: true)
            }
        }
        return router
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")
    static let csrfMessage = "Biểu mẫu đã hết hạn hoặc không gửi từ trang của vanthu. Tải lại trang rồi làm lại."

    // MARK: Wrappers

    /// A page for a logged-in account; a refusal becomes an error page with its status.
    func page(_ context: WebRequestContext, _ body: (Session) async throws -> Response) async throws -> Response {
        guard let session = context.session else { return Pages.redirect("/login") }
        do {
            return try await body(session)
        } catch let error as any ClerkFacingError {
            return errorPage(error, session: session, back: "/inbox")
        }
    }

    /// A form posted by a logged-in account, with its CSRF token checked before anything else.
    func posted(
        _ request: Request, _ context: WebRequestContext, _ body: (Form, Session) async throws -> Response
    ) async throws -> Response {
        guard let session = context.session else { return Pages.redirect("/login") }
        let form = try await Form.read(request, context: context)
        guard Secrets.same(form["csrf"] ?? "", session.csrf) else {
            return pages.page(
                "error", title: "Lỗi", ["heading": "Không thực hiện được", "message": Self.csrfMessage, "back": "/inbox"], session: session,
                status: .forbidden)
        }
        do {
            return try await body(form, session)
        } catch let error as any ClerkFacingError {
            return errorPage(error, session: session, back: request.headers[.referer].flatMap(Self.samePath) ?? "/inbox")
        }
    }

    /// A JSON route for a logged-in account (401 without one).
    func api(_ context: WebRequestContext, _ body: (Session) async throws -> Response) async throws -> Response {
        guard let session = context.session else {
            return WebError.json(["code": "web.login", "message": "Chưa đăng nhập. Đăng nhập tại /login."], status: .unauthorized)
        }
        do {
            return try await body(session)
        } catch let error as any ClerkFacingError {
            return WebError.json(error)
        }
    }

    /// A page with the session's pending message shown above it.
    func show(_ name: String, title: String, _ values: [String: Any], session: Session, status: HTTPResponse.Status = .ok) async -> Response {
        let notice = await sessions.takeFlash(session.token)
        return pages.page(name, title: title, values, session: session, notice: notice, status: status)
    }

    func errorPage(_ error: any ClerkFacingError, session: Session, back: String) -> Response {
        pages.page(
            "error", title: "Lỗi", ["heading": "Không thực hiện được", "message": error.message(in: .vi), "back": back], session: session,
            status: WebError.status(for: error))
    }

    /// A Referer's path when it points into this site (never another host).
    static func samePath(_ referer: String) -> String? {
        guard let url = URL(string: referer) else { return nil }
        let path = url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        return path + (url.query.map { "?" + $0 } ?? "")
    }

    // MARK: Login

    func loginPage(
        _ request: Request, _ context: WebRequestContext, problem: String? = nil, username: String = "", status: HTTPResponse.Status = .ok
    ) -> Response {
        if context.session != nil, problem == nil { return Pages.redirect("/inbox") }
        let token = Secrets.token()
        var response = pages.page(
            "login", title: "Đăng nhập", ["csrf": token, "problem": problem as Any, "username": username], session: nil, status: status)
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600))
        return response
    }

    func login(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await Form.read(request, context: context)
        guard let expected = request.cookies[Self.loginCookie]?.value, Secrets.same(form["csrf"] ?? "", expected) else {
            return loginPage(request, context, problem: Self.csrfMessage, status: .forbidden)
        }
        let name = form.text("username") ?? ""
        let password = form["password"] ?? ""
        if let wait = await throttle.wait(for: name) {
            var response = loginPage(
                request, context, problem: "Đã nhập sai mật khẩu \(LoginThrottle.limit) lần liên tiếp. Thử lại sau \(wait / 60 + 1) phút.",
                username: name, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let registry = registry
        do {
            let account = try await blocking { try AccountService(registry).authenticate(name: name, password: password) }
            await throttle.succeeded(name)
            let session = await sessions.open(for: account)
            var response = Pages.redirect("/inbox")
            response.setCookie(cookie(Self.sessionCookie, session.token))
            response.setCookie(cookie(Self.loginCookie, "", maxAge: 0))
            return response
        } catch let error as AccountError {
            if error == .badCredentials { await throttle.failed(name) }
            return loginPage(request, context, problem: error.message(in: .vi), username: name, status: .unauthorized)
        }
    }
}
