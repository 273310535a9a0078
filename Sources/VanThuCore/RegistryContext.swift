public import Foundation

/// Who is working and what day it is: read once from the environment by the front end, passed to
/// the registry. With no environment given, the login name and the real date.
public struct RegistryContext: Sendable {
    /// Recorded in the journal: `--user`, else `VANTHU_USER`, else the login name.
    public var user: String
    /// "Today" for defaults and checks; `VANTHU_TODAY=YYYY-MM-DD` fixes it.
    public var today: LocalDate
    /// The web front's account at work; nil at the terminal (whoever holds the file may do
    /// everything). Services check its permissions and what it may see.
    public var account: Account?
    /// Told how far long work has got; nil to tell no one.
    public var progress: ProgressObserver?

    public init(user: String? = nil, today: LocalDate? = nil, environment: [String: String] = [:]) {
        let candidates = [user, environment["VANTHU_USER"], environment["USER"], environment["LOGNAME"]]
        self.user = candidates.compactMap { VietnameseText.nonEmpty($0) }.first ?? RegistryContext.loginName() ?? "unknown"
        self.today = today ?? LocalDate.today(environment: environment)
    }

    private static func loginName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
