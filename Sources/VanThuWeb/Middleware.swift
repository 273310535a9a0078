import HTTPTypes
import Hummingbird
import VanThuCore

/// Headers every response carries: no framing, no sniffing, scripts from nowhere.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WebRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if let frame = HTTPField.Name("X-Frame-Options") { response.headers[frame] = "DENY" }
        if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "same-origin" }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        }
        return response
    }
}

/// Finds the request's session from its cookie and refreshes its account from the database:
/// a disabled or removed account ends its sessions at once.
struct SessionLookup: RouterMiddleware {
    typealias Context = WebRequestContext
    let server: WebServer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[WebServer.sessionCookie]?.value, let session = await server.sessions.session(token) {
            let name = session.account.name
            let registry = server.registry
            let current = try? await server.blocking { try AccountService(registry).account(named: name) }
            if let current, !current.disabled {
                await server.sessions.update(token, account: current)
                var refreshed = session
                refreshed.account = current
                context.session = refreshed
            } else {
                await server.sessions.close(token)
            }
        }
        return try await next(request, context)
    }
}
