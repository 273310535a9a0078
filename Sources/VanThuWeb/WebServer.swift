public import Foundation
public import Hummingbird
public import Logging
public import VanThuCore
import VanThuOffice

/// `vanthu serve`: the office's web front over one registry file, for the văn thư, the leaders and
/// the chuyên viên. Pages are rendered on the server (Mustache, escaped), every form carries a
/// CSRF token, and every action goes through the same services as the command line, as the
/// logged-in account: the services check its role, and the journal names it.
///
/// ```swift
/// let server = try WebServer(registry: registry)
/// try await server.application(host: "127.0.0.1", port: 8080).runService()
/// ```
public struct WebServer: Sendable {
    let registry: Registry
    let pages: Pages
    let sessions = SessionStore()
    let throttle = LoginThrottle()
    let uploads = UploadStore()
    /// Whether cookies carry `Secure` (sent only over HTTPS, or to a loopback address).
    let secureCookies: Bool
    /// "Today": fixed by `VANTHU_TODAY`, else the real date, read per request.
    let fixedToday: LocalDate?

    static let sessionCookie = "vanthu_session"
    static let loginCookie = "vanthu_login"

    public init(registry: Registry, secureCookies: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.registry = registry
        self.secureCookies = secureCookies
        fixedToday = environment["VANTHU_TODAY"] != nil ? LocalDate.today(environment: environment) : nil
        pages = try Pages(organization: try SetupService(registry).organization().name)
    }

    var today: LocalDate { fixedToday ?? LocalDate.today() }

    /// The server listening on `host:port` (0: a free port); `runService()` runs it until
    /// SIGINT or SIGTERM. `listening` is told the address once the server listens.
    public func application(
        host: String, port: Int, logger: Logger? = nil, listening: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "vanthu"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                listening("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            }, logger: logger ?? Logger(label: "vanthu.serve"))
    }

    /// Serves on `host:port` until SIGINT or SIGTERM.
    public func run(host: String, port: Int, listening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try await application(host: host, port: port, listening: listening).runService()
    }

    /// The registry as `session`'s account works it today.
    func registry(for session: Session) -> Registry {
        registry.acting(as: session.account, today: today)
    }

    /// Runs registry work off the server's event loops (SQLite and bcrypt block). (Letting only
    /// one piece per core run at a time made the load test slower, 1.1 s p95 against 0.7 s:
    /// a registration then waited behind the pages.)
    func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    // MARK: Cookies

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }
}

/// Uploaded files waiting for the clerk to confirm their registration: kept in memory, by a
/// random token, for an hour at most; at most 32 at once (the oldest goes first).
actor UploadStore {
    struct Pending {
        var file: ReadDocument
        var at: Date
        var owner: String
    }

    private var pending: [String: Pending] = [:]

    func keep(_ file: ReadDocument, owner: String) -> String {
        let now = Date()
        pending = pending.filter { now.timeIntervalSince($0.value.at) < 3600 }
        if pending.count >= 32, let oldest = pending.min(by: { $0.value.at < $1.value.at }) { pending[oldest.key] = nil }
        let token = Secrets.token()
        pending[token] = Pending(file: file, at: now, owner: owner)
        return token
    }

    func file(_ token: String, owner: String) -> ReadDocument? {
        guard let entry = pending[token], entry.owner == owner else { return nil }
        return entry.file
    }

    func remove(_ token: String) { pending[token] = nil }
}
