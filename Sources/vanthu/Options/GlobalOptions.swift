import ArgumentParser
import Foundation
import VanThuCore

/// Options every command takes: the database, JSON output, and who is working.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The database file (default: $VANTHU_DB, else ./vanthu.sqlite).", valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    var db: String?

    @Flag(name: .long, help: "Print machine-readable JSON on stdout.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Who is working, for the journal (default: the login name).", valueName: "name"))
    var user: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["VANTHU_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "vanthu.sqlite"
    }

    var context: RegistryContext { RegistryContext(user: user, environment: ProcessInfo.processInfo.environment) }

    /// Opens the registry, runs `body`, and closes the file before returning.
    func withRegistry<T>(_ access: Registry.Access = .readWrite, _ body: (Registry) throws -> T) throws -> T {
        let registry = try Registry.open(at: databasePath, access: access, context: context)
        defer { registry.close() }
        return try body(registry)
    }
}
