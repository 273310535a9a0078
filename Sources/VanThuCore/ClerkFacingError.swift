/// An error whose message a clerk can read and act on, in Vietnamese or English, with the exit
/// code the command line returns. The CLI prints these as one line; anything else is a bug.
public protocol ClerkFacingError: Error {
    func message(in language: Language) -> String
    var exitCode: Int32 { get }
}

extension RegistryError: ClerkFacingError {}
