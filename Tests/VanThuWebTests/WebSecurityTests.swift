import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanThuCore

@testable import VanThuWeb

/// The web front's security: the login contract, escaping, CSRF, roles checked in the services,
/// another unit's document, throttled guessing, sessions bound to one server.
@Suite("Web security")
struct WebSecurityTests {
    @Test func loginFormHasTheContractFieldsAndItsCookieIsLocked() async throws {
        let web = try WebFixture.make()
        try await web.withBrowser { browser in
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"name="username""#))
            #expect(page.body.contains(#"name="password""#))
            #expect(page.body.contains(#"type="hidden" name="csrf""#))
            let login = try await browser.post("/login", [("username", "vanthu"), ("password", WebFixture.password)])
            #expect(login.status == .seeOther)
            let cookie = login.headers[values: .setCookie].first { $0.hasPrefix("vanthu_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(login.headers[.contentSecurityPolicy]?.contains("script-src 'none'") == true)
            #expect(try await browser.get("/inbox").body.contains("Nguyễn Thị Lan"))
        }
    }

    @Test func htmlInATrichYeuIsEscapedEverywhere() async throws {
        let web = try WebFixture.make()
        let document = try web.incoming("V/v <script>alert('x')</script> & <img src=x onerror=alert(1)>")
        try await web.withBrowser { browser in
            try await browser.login("vanthu")
            for uri in ["/documents?q=alert", "/documents/\(document.reference)", "/inbox"] {
                let page = try await browser.get(uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(!page.body.contains("<script>alert"), "\(uri)")
                #expect(!page.body.contains("<img src=x"), "\(uri)")
                #expect(page.body.contains("&lt;script&gt;alert"), "\(uri)")
            }
        }
    }

    @Test func aPostWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        let web = try WebFixture.make()
        let document = try web.incoming("Báo cáo tình hình")
        let before = try web.journalCount()
        try await web.withBrowser { browser in
            try await browser.login("vanthu")
            let refused = try await browser.post("/documents/\(document.reference)/void", [("reason", "Vào sổ nhầm")], withCSRF: false)
            #expect(refused.status == .forbidden)
            browser.csrf = String(repeating: "0", count: 64)
            #expect(try await browser.post("/documents/\(document.reference)/void", [("reason", "Vào sổ nhầm")]).status == .forbidden)
            // The login form too: without the token from its own page, nothing is checked.
            let other = try WebFixture.make()
            let status = try await other.withBrowser { fresh in
                try await fresh.post("/login", [("username", "vanthu"), ("password", WebFixture.password)], withCSRF: false).status
            }
            #expect(status == .forbidden)
        }
        #expect(try web.journalCount() == before)
        #expect(try DocumentService(web.registry).document(reference: document.reference).voided == nil)
    }

    @Test func anOfficerVoidingANumberGets403AndNothingChanges() async throws {
        let web = try WebFixture.make()
        let document = try web.incoming("Công văn đề nghị")
        try web.route(document.reference, to: "Phòng Tổ chức")
        let before = try web.journalCount()
        try await web.withBrowser { browser in
            try await browser.login("cv.tochuc")
            #expect(try await browser.get("/documents/\(document.reference)").status == .ok)
            let refused = try await browser.post("/documents/\(document.reference)/void", [("reason", "Muốn hủy số này")])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("không được đăng ký, sửa, hủy số văn bản"))
            // A leader may not either, nor register; a clerk may not direct.
            try await browser.login("giamdoc")
            #expect(try await browser.post("/documents/\(document.reference)/void", [("reason", "Muốn hủy số này")]).status == .forbidden)
            #expect(try await browser.get("/register").status == .forbidden)
            try await browser.login("vanthu")
            #expect(try await browser.post("/documents/\(document.reference)/route", [("lead", "Phòng Tài chính")]).status == .forbidden)
        }
        #expect(try web.journalCount() == before)
        // The rule lives in the service, not the page: the same call without the web refuses too.
        let officer = try AccountService(web.registry).account(named: "cv.tochuc")
        #expect(throws: AccountError.forbidden(.register, role: .officer)) {
            try RegistrationService(web.registry.acting(as: officer)).void(reference: document.reference, reason: "Muốn hủy số này")
        }
    }

    @Test func aHandlerCannotOpenAnotherUnitsDocumentByURL() async throws {
        let web = try WebFixture.make()
        let mine = try web.incoming("Việc của Phòng Tổ chức")
        let theirs = try web.incoming("Việc của Phòng Tài chính")
        let unrouted = try web.incoming("Chưa chuyển")
        try web.route(mine.reference, to: "Phòng Tổ chức")
        try web.route(theirs.reference, to: "Phòng Tài chính")
        try await web.withBrowser { browser in
            try await browser.login("cv.tochuc")
            #expect(try await browser.get("/documents/\(mine.reference)").status == .ok)
            for reference in [theirs.reference, unrouted.reference] {
                let page = try await browser.get("/documents/\(reference)")
                #expect(page.status == .forbidden)
                #expect(!page.body.contains("Việc của Phòng Tài chính"))
                #expect(try await browser.get("/api/documents/\(reference)").status == .forbidden)
                #expect(try await browser.post("/documents/\(reference)/progress", [("note", "Đang làm")]).status == .forbidden)
            }
            // Lists show only the unit's documents.
            let list = try await browser.get("/documents?q=Vi%E1%BB%87c")
            #expect(list.body.contains("Việc của Phòng Tổ chức"))
            #expect(!list.body.contains("Việc của Phòng Tài chính"))
            let api = try await browser.get("/api/documents?q=vi%E1%BB%87c")
            #expect(api.body.contains("\"total\":1") || api.body.contains("\"total\" : 1"))
        }
    }

    @Test func secretDocumentsOnlyForThePeopleNamedOnThem() async throws {
        let web = try WebFixture.make()
        let secret = try web.incoming("Tài liệu mật về nhân sự", secrecy: .mat)
        try web.route(secret.reference, to: "Phòng Tổ chức", co: ["Phạm Thị Dung"])
        try await web.withBrowser { browser in
            try await browser.login("cv.tochuc")  // in the unit, but not named
            #expect(try await browser.get("/documents/\(secret.reference)").status == .forbidden)
            try await browser.login("giamdoc")  // a leader not named
            #expect(try await browser.get("/documents/\(secret.reference)").status == .forbidden)
            try await browser.login("cv.taichinh")  // named by name
            #expect(try await browser.get("/documents/\(secret.reference)").status == .ok)
            try await browser.login("vanthu")
            let clerk = try await browser.get("/documents/\(secret.reference)")
            #expect(clerk.status == .ok, "\(clerk.body.suffix(600))")
        }
    }

    @Test func twelveWrongPasswordsInARowAreThrottled() async throws {
        let web = try WebFixture.make()
        try await web.withBrowser { browser in
            for attempt in 1...12 {
                let page = try await browser.login("vanthu", password: "sai-mat-khau-\(attempt)")
                #expect(page.status == .unauthorized, "attempt \(attempt)")
            }
            let throttled = try await browser.login("vanthu")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] != nil)
            #expect(throttled.body.contains("12 lần"))
            #expect(browser.cookies["vanthu_session"] == nil)
            // Another name is not locked out by these.
            #expect(try await browser.login("giamdoc").status == .seeOther)
        }
    }

    @Test func aSessionCookieFromOneServerDoesNotOpenAnother() async throws {
        let web = try WebFixture.make()
        let cookie = try await web.withBrowser { browser in
            try await browser.login("vanthu")
            #expect(try await browser.get("/inbox").status == .ok)
            return browser.cookies["vanthu_session"] ?? ""
        }
        #expect(cookie.count == 64)
        // A second server over the same file (a restart, another machine).
        let second = try WebServer(registry: web.registry, environment: ["VANTHU_TODAY": "2026-12-01"])
        let app = Hummingbird.Application(router: second.router())
        try await app.test(.router) { client in
            let browser = Browser(client: client)
            browser.cookies["vanthu_session"] = cookie
            let page = try await browser.get("/inbox")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login")
            #expect(try await browser.get("/api/documents?q=x").status == .unauthorized)
        }
    }

    @Test func aDisabledAccountsSessionEndsAtOnce() async throws {
        let web = try WebFixture.make()
        try await web.withBrowser { browser in
            try await browser.login("cv.tochuc")
            #expect(try await browser.get("/inbox").status == .ok)
            _ = try AccountService(web.registry).setDisabled(true, name: "cv.tochuc")
            #expect(try await browser.get("/inbox").location == "/login")
            #expect(try await browser.login("cv.tochuc").status == .unauthorized)
        }
    }

    @Test func passwordsAreHashedAndNeverJournaled() throws {
        let web = try WebFixture.make()
        let entries = try JournalService(web.registry).entries()
        #expect(entries.contains { $0.action == "user-add" })
        let text = try String(decoding: web.bytes(), as: UTF8.self)
        #expect(!text.contains(WebFixture.password))
        #expect(try JournalService(web.registry).verifyJournal().isIntact)
    }
}
