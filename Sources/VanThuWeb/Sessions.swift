import Foundation
import Hummingbird
import VanThuCore

/// A logged-in browser: its account (refreshed from the database on every request, so a
/// disabled account stops at once) and the token every form it posts must carry.
struct Session: Sendable {
    var token: String
    var csrf: String
    var account: Account
    var lastSeen: Date
}

/// The server's sessions, in memory: a restart or another server logs everyone out, and a cookie
/// from one server opens nothing on another. Tokens are 256 random bits.
actor SessionStore {
    private var sessions: [String: Session] = [:]
    /// A session unused this long ends.
    let idleLimit: TimeInterval = 8 * 3600

    func open(for account: Account) -> Session {
        let session = Session(token: Secrets.token(), csrf: Secrets.token(), account: account, lastSeen: Date())
        sessions[session.token] = session
        return session
    }

    func session(_ token: String) -> Session? {
        guard var session = sessions[token] else { return nil }
        guard Date().timeIntervalSince(session.lastSeen) < idleLimit else {
            sessions[token] = nil
            return nil
        }
        session.lastSeen = Date()
        sessions[token] = session
        return session
    }

    func update(_ token: String, account: Account) {
        sessions[token]?.account = account
    }

    func close(_ token: String) {
        sessions[token] = nil
        flashes[token] = nil
    }

    /// A message for the next page this session sees ("Đã vào sổ: số đến 12").
    private var flashes: [String: String] = [:]

    func flash(_ token: String, _ message: String) { flashes[token] = message }

    func takeFlash(_ token: String) -> String? {
        defer { flashes[token] = nil }
        return flashes[token]
    }
}

/// Wrong passwords in a row, per login name: after ``limit`` the name is refused (429) for
/// ``lockout`` even with the right password, so passwords cannot be guessed online.
actor LoginThrottle {
    static let limit = 12
    let lockout: TimeInterval = 15 * 60
    private var failures: [String: (count: Int, last: Date)] = [:]

    /// Seconds until `name` may try again; nil when it may now.
    func wait(for name: String) -> Int? {
        guard let entry = failures[name.lowercased()], entry.count >= Self.limit else { return nil }
        let left = lockout - Date().timeIntervalSince(entry.last)
        guard left > 0 else {
            failures[name.lowercased()] = nil
            return nil
        }
        return Int(left.rounded(.up))
    }

    func failed(_ name: String) {
        let key = name.lowercased()
        failures[key] = ((failures[key]?.count ?? 0) + 1, Date())
    }

    func succeeded(_ name: String) {
        failures[name.lowercased()] = nil
    }
}

enum Secrets {
    /// 32 random bytes, hex: from the system's generator (SystemRandomNumberGenerator reads
    /// getrandom(2) on Linux).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
