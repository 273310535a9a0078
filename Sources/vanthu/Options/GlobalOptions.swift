import ArgumentParser
import Foundation
import VanThuCore
import VanThuReaders

/// Options every command takes: the database, JSON output, and who is working.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            tr(
                "Tệp cơ sở dữ liệu (mặc định: $VANTHU_DB, rồi tệp cấu hình, rồi ~/.local/share/vanthu/vanthu.sqlite).",
                en: "The database file (default: $VANTHU_DB, else ./vanthu.sqlite)."), valueName: tr("đường-dẫn", en: "path")),
        completion: .file(extensions: ["sqlite"]))
    var db: String?

    @Flag(name: .long, help: ArgumentHelp(tr("In JSON cho máy đọc ra đầu ra chuẩn.", en: "Print machine-readable JSON on stdout.")))
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            tr("Người đang làm việc, để ghi nhật ký (mặc định: tên đăng nhập).", en: "Who is working, for the journal (default: the login name)."),
            valueName: tr("tên", en: "name")))
    var user: String?

    /// `--db`, else `VANTHU_DB`, else ``ProcessSettings/defaultDatabase()``.
    var databasePath: String {
        db ?? VietnameseText.nonEmpty(ProcessSettings.environment["VANTHU_DB"]) ?? ProcessSettings.defaultDatabase().path
    }

    /// `--user`, else `VANTHU_USER`, else the configuration's `user`, else the login name.
    var context: RegistryContext {
        let chosen = user ?? VietnameseText.nonEmpty(ProcessSettings.environment["VANTHU_USER"]) ?? ProcessSettings.settings.user
        return RegistryContext(user: chosen, environment: ProcessSettings.environment)
    }

    /// The agency's trusted roots when its database exists, else none: reading a document
    /// needs no database, and without one every signature is reported as not trusted.
    func trustedRootsIfAny() throws -> [Data] {
        guard FileManager.default.fileExists(atPath: databasePath) else { return [] }
        return try withRegistry(.read) { try TrustService($0).roots() }
    }

    /// Opens the registry, runs `body`, and closes the file before returning. Long work passes
    /// `showingProgress`: its progress is drawn on a terminal, and Ctrl-C stops it cleanly.
    /// `concurrentReads`: for the server, a pool of readers beside the writer.
    func withRegistry<T>(
        _ access: Registry.Access = .readWrite, showingProgress: Bool = false, concurrentReads: Bool = false, _ body: (Registry) throws -> T
    ) throws -> T {
        guard showingProgress else { return try open(access, progress: nil, concurrentReads: concurrentReads, body) }
        return try ProgressLine.during { line in try open(access, progress: { try line.observe($0) }, concurrentReads: concurrentReads, body) }
    }

    private func open<T>(
        _ access: Registry.Access, progress: ProgressObserver?, concurrentReads: Bool, _ body: (Registry) throws -> T
    ) throws -> T {
        if db == nil, VietnameseText.nonEmpty(ProcessSettings.environment["VANTHU_DB"]) == nil {
            let chosen = ProcessSettings.defaultDatabase()
            if chosen.fromCurrentFolder { ProcessSettings.noteCurrentFolderDatabase(chosen.path) }
        }
        var context = self.context
        context.progress = progress
        let registry = try Registry.open(at: databasePath, access: access, concurrentReads: concurrentReads, context: context)
        defer { registry.close() }
        return try body(registry)
    }
}
