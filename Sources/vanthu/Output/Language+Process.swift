import Foundation
import VanThuCore

extension Language {
    /// The clerk's language, from this process's environment (``processLanguage``, read once):
    /// the front end reads the environment, the core is told.
    static func fromEnvironment() -> Language { processLanguage }
}
