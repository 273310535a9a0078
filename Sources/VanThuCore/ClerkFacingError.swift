/// An error whose message a clerk can read and act on, in Vietnamese and English, with the exit
/// code the command line returns. The CLI prints these as one line; anything else is a bug.
///
/// Every error type writes its messages the same way: one `switch` in ``text``, each case
/// giving both languages side by side, so a case cannot have one language and miss the other.
/// Reasons an error carries are ``Bilingual`` too: nothing is rendered before the front end
/// picks the clerk's language.
public protocol ClerkFacingError: Error {
    /// The cases of the error without their values, every one listed (`CaseIterable`, so the
    /// message tests cannot miss one).
    associatedtype Kind: RawRepresentable<String>, CaseIterable
    /// What is wrong and what to do, in both languages.
    var text: Bilingual { get }
    var exitCode: Int32 { get }
    var kind: Kind { get }
    /// The family of errors, the first part of ``code``: `registry`, `import`, …
    static var domain: String { get }
}

extension ClerkFacingError {
    /// The message in the clerk's language.
    public func message(in language: Language) -> String { text[language] }

    /// A stable name of the case (`registry.duplicateDocument`), for scripts and tests: the wording of a
    /// message may change, this does not.
    public var code: String { "\(Self.domain).\(kind.rawValue)" }
}

/// A text in Vietnamese and in English.
///
/// Not `CustomStringConvertible` on purpose: a `Bilingual` interpolated into a message by mistake
/// shows as such instead of silently giving Vietnamese in an English message.
public struct Bilingual: Sendable, Equatable, Hashable, Encodable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// A text that has only one form: a file name, a number, a system's own message.
    public init(untranslated text: String) {
        self.init(vi: text, en: text)
    }

    public subscript(language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}

extension Bilingual {
    /// A system library vanthu opens on first use (`dlopen`) is not installed: which library, what
    /// it is for and the Debian package that holds it, worded the same for every library.
    /// `purpose` completes "thư viện …" and "the … library": ("đọc PDF", "PDF reading").
    public static func libraryMissing(_ library: String, purpose: (vi: String, en: String), package: String) -> Bilingual {
        Bilingual(
            vi: "không mở được thư viện \(purpose.vi) \(library) (cài gói \(package))",
            en: "the \(purpose.en) library \(library) cannot be opened (install \(package))")
    }
}
