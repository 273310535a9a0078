import Foundation
import Testing
import VanThuTestSupport

/// `make install` and `make deb`, tried on the release binary `make test` builds and names in
/// `VANTHU_RELEASE_BIN` (the Swift runtime linked in). Without it (a bare `swift test`) these
/// are skipped, and say so.
private let releaseBinary = ProcessInfo.processInfo.environment["VANTHU_RELEASE_BIN"].flatMap { $0.isEmpty ? nil : $0 }

@Suite(.enabled(if: releaseBinary != nil, "needs VANTHU_RELEASE_BIN: run through make test"))
struct InstallTests {
    static let installed = [
        "bin/vanthu", "share/man/man1/vanthu.1", "share/man/en/man1/vanthu.1", "share/bash-completion/completions/vanthu",
        "share/zsh/site-functions/_vanthu", "share/fish/vendor_completions.d/vanthu.fish",
    ]

    /// The folder of the toolchain's Swift runtime, where the debug build finds libswiftCore.so.
    static func toolchainRuntime() throws -> String {
        let ldd = try Process.output("/usr/bin/env", ["ldd", CLI.binary])
        guard let line = ldd.split(separator: "\n").first(where: { $0.contains("libswiftCore.so") }),
            let path = line.split(separator: " ").first(where: { $0.hasPrefix("/") })
        else { throw CLI.Failure(message: "the debug build does not link libswiftCore.so: \(ldd)") }
        return (String(path) as NSString).deletingLastPathComponent
    }

    /// Runs `script` (sh) in a mount namespace where the toolchain's runtime folder is an empty
    /// tmpfs: as on a machine without the toolchain. Returns its status and output.
    static func withoutToolchain(_ script: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let hidden = try toolchainRuntime()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs tmpfs '\(hidden)' && \(script)"]
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func installRunsWithoutTheToolchainAndUninstallRemovesEverything() throws {
        let cli = try CLI()
        let stage = cli.folder.appendingPathComponent("stage").path
        let script = CLI.root.appendingPathComponent("scripts/install.sh").path
        var environment = cli.environment
        environment["PREFIX"] = "/usr/local"
        environment["DESTDIR"] = stage
        environment["BIN"] = releaseBinary
        _ = try Process.output("/bin/bash", [script], environment: environment)
        let root = stage + "/usr/local/"
        for file in Self.installed { #expect(FileManager.default.fileExists(atPath: root + file), "\(file) not installed") }
        let mode = try FileManager.default.attributesOfItem(atPath: root + "bin/vanthu")[.posixPermissions] as? Int
        #expect(mode == 0o755)
        // The completion scripts are argument-parser's, for this binary, and bash can read its own.
        let bash = try String(contentsOfFile: root + "share/bash-completion/completions/vanthu", encoding: .utf8)
        #expect(bash.contains("vanthu") && bash.contains("incoming"))
        _ = try Process.output("/bin/bash", ["-n", root + "share/bash-completion/completions/vanthu"])
        // No Swift runtime from the toolchain: with its folder hidden, the installed binary
        // registers a document; the debug build (linked to the toolchain) cannot even start.
        let binary = root + "bin/vanthu"
        let run = try Self.withoutToolchain(
            """
            '\(binary)' init --org 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' --org-code STTTT --parent 'UBND TỈNH KON TUM' --place 'Kon Tum' --style state >/dev/null &&
            '\(binary)' incoming add --issuer 'Sở Nội vụ' --type CV --summary 'V/v cử cán bộ' --received 20/8/2021 | head -5 &&
            '\(binary)' --version
            """, environment: cli.environment)
        #expect(run.status == 0 && run.output.contains("Số: 1") && run.output.contains("0.2.0"), "\(run.output)")
        let debug = try Self.withoutToolchain("'\(CLI.binary)' --version", environment: cli.environment)
        #expect(debug.status != 0 && debug.output.contains("libswift"), "the toolchain was not hidden: \(debug.output)")

        _ = try Process.output("/bin/bash", [script, "uninstall"], environment: environment)
        let left = FileManager.default.enumerator(atPath: stage)?.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: stage + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(left == [], "left behind: \(left ?? [])")
    }

    @Test func theDebianPackageDependsOnWhatItLinksInstallsRunsAndRemoves() throws {
        let cli = try CLI()
        var environment = cli.environment
        environment["BIN"] = releaseBinary
        environment["OUT"] = cli.folder.path
        let built = try Process.output("/bin/bash", [CLI.root.appendingPathComponent("scripts/deb.sh").path], environment: environment)
        let deb = built.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(deb.hasSuffix("_amd64.deb") || deb.hasSuffix("_arm64.deb"), "\(deb)")
        #expect((deb as NSString).lastPathComponent.hasPrefix("vanthu_0.2.0_"))

        // Depends: the package of every library the binary links, and nothing from a toolchain.
        let depends = try Process.output("/usr/bin/env", ["dpkg-deb", "-f", deb, "Depends"])
            .trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", ")
        // pango (with cairo and glib), poppler-glib, Tesseract, libxml2 and libcrypto are opened on first
        // use, not linked: listed all the same.
        for package in [
            "libsqlite3-0", "libxlsxwriter4", "zlib1g", "libc6", "fonts-liberation2", "libpangocairo-1.0-0", "libpoppler-glib8", "libtesseract5",
            "libssl3",
            "libxml2",
        ] {
            #expect(depends.contains(package), "Depends: \(depends)")
        }
        #expect(!depends.contains { $0.contains("swift") })
        // Contents: the install, compressed manual pages, the copyright and changelog; no
        // maintainer scripts (nothing runs as root when it is installed or removed).
        let contents = try Process.output("/usr/bin/env", ["dpkg-deb", "-c", deb])
        for file in [
            "./usr/bin/vanthu", "./usr/share/man/man1/vanthu.1.gz", "./usr/share/man/en/man1/vanthu.1.gz",
            "./usr/share/bash-completion/completions/vanthu", "./usr/share/zsh/site-functions/_vanthu",
            "./usr/share/fish/vendor_completions.d/vanthu.fish", "./usr/share/doc/vanthu/copyright",
            "./usr/share/doc/vanthu/changelog.Debian.gz",
        ] {
            #expect(contents.contains(" " + file + "\n") || contents.hasSuffix(" " + file), "\(file) not in the package")
        }
        #expect(contents.split(separator: "\n").allSatisfy { $0.hasPrefix("d") ? $0.hasPrefix("drwxr-xr-x root/root") : true })
        let control = try Process.output("/usr/bin/env", ["sh", "-c", "dpkg-deb --ctrl-tarfile '\(deb)' | tar -t"])
        #expect(Set(control.split(separator: "\n").map { String($0) }).isSubset(of: ["./", "./control", "./md5sums"]), "\(control)")

        // Installed into a dpkg database of its own (the machine's packages untouched), it runs
        // with the toolchain hidden, and removing it leaves no file.
        let root = cli.folder.appendingPathComponent("dpkg-root").path
        for folder in ["var/lib/dpkg/info", "var/lib/dpkg/updates"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        FileManager.default.createFile(atPath: root + "/var/lib/dpkg/status", contents: Data())
        let dpkg = ["dpkg", "--root=\(root)", "--force-depends", "--force-not-root", "--force-script-chrootless"]
        _ = try Process.output("/usr/bin/env", dpkg + ["-i", deb])
        let run = try Self.withoutToolchain("'\(root)/usr/bin/vanthu' --help | head -1", environment: cli.environment)
        #expect(run.status == 0 && run.output.contains("Đăng ký văn bản"), "\(run.output)")
        let manual = try Process.output(
            "/usr/bin/env", ["sh", "-c", "zcat '\(root)/usr/share/man/man1/vanthu.1.gz' | groff -Kutf8 -mdoc -Tutf8 -P -cbou"])
        #expect(manual.contains("Đăng ký văn bản đến"))
        _ = try Process.output("/usr/bin/env", dpkg + ["-r", "vanthu"])
        let left = FileManager.default.enumerator(atPath: root + "/usr")?.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/usr/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(left == [], "left behind: \(left ?? [])")
        // lintian, when the machine has it, finds no error.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/lintian") {
            let lint = try? Process.output("/usr/bin/lintian", ["--fail-on", "error", deb])
            #expect(lint != nil, "lintian reports errors")
        }
    }
}
