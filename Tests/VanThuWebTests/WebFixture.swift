import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuWeb

/// A registry file with one account per role and a few documents, and the server over it.
struct WebFixture {
    static let password = "mat-khau-kiem-thu"
    let path: String
    let registry: Registry
    let server: WebServer

    static func make(today: String = "2026-12-01") throws -> WebFixture {
        let folder = try TemporaryFolder.make("web")
        let path = folder.appendingPathComponent("vanthu.sqlite").path
        let environment = ["VANTHU_TODAY": today, "VANTHU_USER": "test"]
        let context = RegistryContext(environment: environment)
        let registry = try Registry.create(
            at: path, organization: Organization(name: "SỞ TÀI CHÍNH", code: "STC", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state),
            context: context)
        let accounts = AccountService(registry)
        _ = try accounts.add(name: "vanthu", fullName: "Nguyễn Thị Lan", role: .clerk, unit: "Văn phòng", password: password)
        _ = try accounts.add(name: "giamdoc", fullName: "Trần Văn Bình", role: .leader, unit: nil, password: password)
        _ = try accounts.add(name: "cv.tochuc", fullName: "Lê Văn Cường", role: .officer, unit: "Phòng Tổ chức", password: password)
        _ = try accounts.add(name: "cv.taichinh", fullName: "Phạm Thị Dung", role: .officer, unit: "Phòng Tài chính", password: password)
        _ = try accounts.add(name: "quantri", fullName: nil, role: .administrator, unit: nil, password: password)
        let server = try WebServer(registry: registry, secureCookies: true, environment: environment)
        return WebFixture(path: path, registry: registry, server: server)
    }

    /// Registers an incoming document at the terminal (no account).
    @discardableResult
    func incoming(
        _ summary: String, issuer: String = "UBND tỉnh Kon Tum", secrecy: Secrecy? = nil, urgency: Urgency? = nil,
        received: LocalDate? = nil
    ) throws -> Document {
        try RegistrationService(registry).registerIncoming(
            IncomingDraft(
                issuer: issuer, notation: try DocumentNotation(parsing: "\(Int.random(in: 1...9999))/UBND-VP"),
                issuedDate: LocalDate(parsing: "02/11/2026"), summary: summary, received: received, urgency: urgency, secrecy: secrecy))
    }

    func route(_ reference: String, to lead: String, co: [String] = []) throws {
        _ = try HandlingService(registry).route(reference: reference, RoutingDraft(lead: lead, coUnits: co, due: try Deadline(parsing: "10wd")))
    }

    /// The database's bytes, to show a refused request changed nothing.
    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func journalCount() throws -> Int { try JournalService(registry).entries().count }

    /// Runs `body` with a browser against the server (in process, through Hummingbird's router).
    func withBrowser<T: Sendable>(_ body: @Sendable (Browser) async throws -> T) async throws -> T {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in try await body(Browser(client: client)) }
    }
}

/// A browser for the tests: keeps the cookies it is given, posts forms with the page's CSRF token.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        /// The body's bytes (a file: XLSX, PDF).
        var data: Data
        var location: String? { headers[.location] }
    }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: extra, body: nil)
    }

    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], withCSRF: Bool = true) async throws -> Page {
        let all = (withCSRF ? [("csrf", csrf)] : []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A multipart upload of one file with the form's other fields.
    @discardableResult
    func upload(_ uri: String, file: Data, name: String, fields: [(String, String)] = []) async throws -> Page {
        let boundary = "vanthu-test-\(UUID().uuidString)"
        var body = Data()
        for (key, value) in [("csrf", csrf)] + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        )
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        let text = String(buffer: response.body)
        if let token = Self.hiddenCSRF(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text, data: Data(response.body.readableBytesView))
    }

    /// Logs in through the login form; the session's CSRF token is read from the next page.
    @discardableResult
    func login(_ name: String, password: String = WebFixture.password) async throws -> Page {
        cookies = [:]  // a fresh browser: a logged-in one is sent from /login to its inbox
        try await get("/login")
        let page = try await post("/login", [("username", name), ("password", password)])
        if page.status == .seeOther { try await get("/inbox") }
        return page
    }

    static func hiddenCSRF(in html: String) -> String? {
        guard let match = html.firstMatch(of: #/name="csrf" value="([0-9a-f]{64})"/#) else { return nil }
        return String(match.1)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
