import Foundation
import VanThuCore

extension Language {
    /// The clerk's language, from this process's `VANTHU_LANG`: the front end reads the
    /// environment, the core is told.
    static func fromEnvironment() -> Language { fromEnvironment(ProcessInfo.processInfo.environment) }
}
