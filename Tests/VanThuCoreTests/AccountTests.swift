import Foundation
import Testing
import VanThuTestSupport

@testable import VanThuCore

/// Accounts and the rules of who may do and see what, without the web front.
@Suite struct AccountTests {
    static let password = "mot-mat-khau-dai"

    func account(_ role: AccountRole, name: String = "a", fullName: String? = nil, unit: String? = nil) -> Account {
        Account(id: 1, name: name, fullName: fullName, role: role, unit: unit, disabled: false, createdAt: "")
    }

    @Test func passwordsAreCheckedHashedAndNeverStoredInClear() throws {
        let registry = try Fixtures.makeRegistry()
        let service = AccountService(registry)
        #expect(throws: AccountError.weakPassword(minimum: 10)) {
            try service.add(name: "lan", fullName: nil, role: .clerk, unit: nil, password: "ngan")
        }
        #expect(throws: AccountError.invalidName("Lan Nguyễn")) {
            try service.add(name: "Lan Nguyễn", fullName: nil, role: .clerk, unit: nil, password: Self.password)
        }
        let lan = try service.add(name: "lan.nt", fullName: "Nguyễn Thị Lan", role: .clerk, unit: nil, password: Self.password)
        #expect(throws: AccountError.duplicateName("LAN.NT")) {
            try service.add(name: "LAN.NT", fullName: nil, role: .leader, unit: nil, password: Self.password)
        }
        #expect(try service.authenticate(name: "Lan.NT", password: Self.password) == lan)
        #expect(throws: AccountError.badCredentials) { try service.authenticate(name: "lan.nt", password: "sai-mat-khau-roi") }
        #expect(throws: AccountError.badCredentials) { try service.authenticate(name: "khong-co", password: Self.password) }
        _ = try service.setPassword(name: "lan.nt", password: "mat-khau-moi-dai")
        #expect(throws: AccountError.badCredentials) { try service.authenticate(name: "lan.nt", password: Self.password) }
        _ = try service.setDisabled(true, name: "lan.nt")
        #expect(throws: AccountError.disabled("lan.nt")) { try service.authenticate(name: "lan.nt", password: "mat-khau-moi-dai") }
        let entries = try JournalService(registry).entries()
        #expect(entries.map(\.action).suffix(3) == ["user-add", "user-passwd", "user-disable"])
        #expect(!entries.contains { ($0.before ?? "").contains("$2") || ($0.after ?? "").contains("$2") || ($0.after ?? "").contains(Self.password) })
        #expect(try JournalService(registry).verifyJournal().isIntact)
    }

    @Test func onlyAnAdministratorManagesAccountsOnTheWeb() throws {
        let registry = try Fixtures.makeRegistry()
        let admin = try AccountService(registry).add(name: "quantri", fullName: nil, role: .administrator, unit: nil, password: Self.password)
        let clerk = try AccountService(registry).add(name: "vanthu", fullName: nil, role: .clerk, unit: nil, password: Self.password)
        #expect(throws: AccountError.forbidden(.accounts, role: .clerk)) {
            try AccountService(registry.acting(as: clerk)).add(name: "x", fullName: nil, role: .administrator, unit: nil, password: Self.password)
        }
        // Anyone may change their own password; only an administrator another's.
        _ = try AccountService(registry.acting(as: clerk)).setPassword(name: "vanthu", password: "mat-khau-cua-toi")
        #expect(throws: AccountError.forbidden(.accounts, role: .clerk)) {
            try AccountService(registry.acting(as: clerk)).setPassword(name: "quantri", password: "mat-khau-cua-toi")
        }
        #expect(throws: AccountError.lastAdministrator) { try AccountService(registry.acting(as: admin)).setDisabled(true, name: "quantri") }
        #expect(try AccountService(registry).list().map(\.name) == ["quantri", "vanthu"])
    }

    @Test func whoSeesWhat() throws {
        var document = try RegistrationService(try Fixtures.makeRegistry()).registerIncoming(try Fixtures.incoming())
        document.handler = "Phòng Tổ chức"
        document.coHandlers = ["Phòng Tài chính"]
        let clerk = account(.clerk)
        let leader = account(.leader)
        let lead = account(.officer, unit: "Phòng Tổ chức")
        let co = account(.officer, unit: "Phòng Tài chính")
        let other = account(.officer, unit: "Văn phòng")
        let admin = account(.administrator)
        #expect(AccessRules.canSee(document, by: nil))
        #expect(AccessRules.canSee(document, by: clerk) && AccessRules.canSee(document, by: leader))
        #expect(AccessRules.canSee(document, by: lead) && AccessRules.canSee(document, by: co))
        #expect(!AccessRules.canSee(document, by: other) && !AccessRules.canSee(document, by: admin))
        #expect(AccessRules.mayHandle(document, by: lead, leadOnly: true))
        #expect(!AccessRules.mayHandle(document, by: co, leadOnly: true) && AccessRules.mayHandle(document, by: co, leadOnly: false))
        #expect(!AccessRules.mayHandle(document, by: clerk, leadOnly: false))
        document.secrecy = .mat
        #expect(!AccessRules.canSee(document, by: lead) && !AccessRules.canSee(document, by: leader))
        #expect(AccessRules.canSee(document, by: clerk))
        document.coHandlers = ["Lê Văn Cường"]
        #expect(AccessRules.canSee(document, by: account(.officer, name: "cuong.lv", fullName: "Lê Văn Cường", unit: "Văn phòng")))
        var disabled = clerk
        disabled.disabled = true
        #expect(!AccessRules.canSee(document, by: disabled) && !AccessRules.may(disabled, .register))
    }

    @Test func theSearchAppliesTheSameRuleAsTheDocumentPage() throws {
        let registry = try Fixtures.makeRegistry()
        let registration = RegistrationService(registry)
        var references: [String] = []
        for (index, unit) in ["Phòng Tổ chức", "Phòng Tài chính", "Văn phòng"].enumerated() {
            let d = try registration.registerIncoming(
                IncomingDraft(
                    issuer: "UBND tỉnh", notation: try DocumentNotation(parsing: "\(index + 1)/UBND-VP"), summary: "Công văn kiểm tra \(index)"))
            _ = try HandlingService(registry).route(reference: d.reference, RoutingDraft(lead: unit, coUnits: index == 1 ? ["Phòng Tổ chức"] : []))
            references.append(d.reference)
        }
        let officer = account(.officer, unit: "Phòng Tổ chức")
        let found = try SearchService(registry.acting(as: officer)).search(SearchQuery(text: "kiểm tra")).hits.map(\.document)
        let all = try DocumentService(registry).documents(direction: .incoming)
        #expect(Set(found.map(\.reference)) == Set(all.filter { AccessRules.canSee($0, by: officer) }.map(\.reference)))
        #expect(found.count == 2)
        #expect(throws: AccountError.notYours(reference: references[2])) {
            try DocumentService(registry.acting(as: officer)).document(reference: references[2])
        }
    }
}
