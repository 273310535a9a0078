import Foundation
import GRDB
import Testing

@testable import VanThuCore

@Suite struct AttachmentTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Data(input.utf8)) == digest)
    }

    @Test func sha256FedInPiecesMatchesTheSystemTool() throws {
        var bytes = [UInt8]()
        var x: UInt32 = 2_463_534_242
        for _ in 0..<200_003 {
            x ^= x << 13
            x ^= x >> 17
            x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        let file = try Fixtures.temporaryFolder().appendingPathComponent("random.bin")
        try Data(bytes).write(to: file)
        var hash = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 4096] + Array(repeating: 50_000, count: 4) where offset < bytes.count {
            hash.update(bytes[offset..<min(bytes.count, offset + size)])
            offset += size
        }
        if offset < bytes.count { hash.update(bytes[offset...]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(hash.finalizeHex() == String(expected))
        #expect(ContentStore.hash(path: file.path) == String(expected))
    }

    @Test func theSameContentIsStoredOnceAndTwiceOnADocumentIsRefused() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let first = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "1/A-B"))
        let second = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "2/A-B"))
        let folder = try Fixtures.temporaryFolder()
        let scan = folder.appendingPathComponent("cong-van.pdf")
        try Data("%PDF-1.4 bản quét".utf8).write(to: scan)
        let copy = folder.appendingPathComponent("ban-sao.pdf")
        try FileManager.default.copyItem(at: scan, to: copy)

        let a = try AttachmentService(registry).attach(reference: first.reference, file: scan.path)
        #expect(a.isNewContent)
        #expect(a.attachment.mediaType == "application/pdf")
        let b = try AttachmentService(registry).attach(reference: second.reference, file: copy.path)
        #expect(!b.isNewContent, "the same bytes under another name are not copied again")
        #expect(AttachmentService(registry).contentStore.storedHashes() == [a.attachment.sha256])
        let before = try JournalService(registry).entries().count
        #expect(throws: ArchiveError.alreadyAttached(reference: first.reference, name: "cong-van.pdf")) {
            try AttachmentService(registry).attach(reference: first.reference, file: copy.path)
        }
        #expect(throws: ArchiveError.self) {
            try AttachmentService(registry).attach(reference: first.reference, file: folder.appendingPathComponent("none.pdf").path)
        }
        #expect(throws: ArchiveError.self) { try AttachmentService(registry).attach(reference: first.reference, file: folder.path) }
        #expect(try JournalService(registry).entries().count == before)
        let stored = AttachmentService(registry).contentStore.path(of: a.attachment.sha256)
        #expect(try FileManager.default.attributesOfItem(atPath: stored)[.posixPermissions] as? Int == 0o400)
        let out = folder.appendingPathComponent("ra.pdf").path
        _ = try AttachmentService(registry).extractAttachment(reference: first.reference, name: "cong-van.pdf", to: out)
        #expect(FileManager.default.contents(atPath: out) == (try Data(contentsOf: scan)))
        #expect(try JournalService(registry).verify().isClean)
    }

    @Test func verifyFindsAlteredAndMissingFiles() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let document = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(notation: "1/A-B"))
        let folder = try Fixtures.temporaryFolder()
        for (name, text) in [("a.pdf", "bản A"), ("b.pdf", "bản B")] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            _ = try AttachmentService(registry).attach(reference: document.reference, file: folder.appendingPathComponent(name).path)
        }
        let files = try AttachmentService(registry).attachments(reference: document.reference)
        #expect(files.map(\.name) == ["a.pdf", "b.pdf"])
        let altered = AttachmentService(registry).contentStore.path(of: files[0].sha256)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: altered)
        try Data("bản a".utf8).write(to: URL(fileURLWithPath: altered))  // same size, one letter changed
        try FileManager.default.removeItem(atPath: AttachmentService(registry).contentStore.path(of: files[1].sha256))
        let report = try JournalService(registry).verify()
        #expect(!report.isClean)
        #expect(report.problems.map(\.kind) == [.altered, .missing])
        #expect(report.problems.map(\.name) == ["a.pdf", "b.pdf"])
        #expect(throws: ArchiveError.self) {
            try AttachmentService(registry).extractAttachment(
                reference: document.reference, name: "a.pdf", to: folder.appendingPathComponent("x").path)
        }
    }

    /// Flags shared with the writer thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        private var count = 0
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
        var written: Int { lock.withLock { count } }
        func wrote() { lock.withLock { count += 1 } }
    }

    @Test func aBackupTakenDuringWritesRestoresToAConsistentState() throws {
        let registry = try Fixtures.makeRegistry()
        let path = registry.path
        let folder = try Fixtures.temporaryFolder()
        let stop = Flag()
        let done = DispatchSemaphore(value: 0)
        let scans = folder.path
        // Another clerk registers and attaches, in its own connection, the whole time.
        Thread.detachNewThread {
            defer { done.signal() }
            guard let writer = try? Registry.open(at: path, context: RegistryContext(user: "văn thư 2", today: LocalDate.parse("2021-12-31"))) else {
                return
            }
            defer { writer.close() }
            var n = 0
            while !stop.isSet, n < 3000 {
                n += 1
                guard let document = try? RegistrationService(writer).registerIncoming(try Fixtures.incoming("Văn bản \(n)", notation: "\(n)/VB-X"))
                else { return }
                if n % 5 == 0 {
                    let scan = "\(scans)/scan-\(n).pdf"
                    _ = FileManager.default.createFile(atPath: scan, contents: Data("quét \(n)".utf8))
                    _ = try? AttachmentService(writer).attach(reference: document.reference, file: scan)
                }
                stop.wrote()
            }
        }
        while stop.written < 50 { Thread.sleep(forTimeInterval: 0.01) }
        let manifest = try BackupService(registry).backup(to: folder.appendingPathComponent("backup").path)
        stop.set()
        done.wait()
        registry.close()
        #expect(manifest.documents >= 50)

        let restoredPath = folder.appendingPathComponent("restored.sqlite").path
        _ = try BackupService.restore(
            from: folder.appendingPathComponent("backup").path, to: restoredPath, replace: false, context: RegistryContext(user: "t"))
        let restored = try Registry.open(at: restoredPath, context: RegistryContext(user: "t"))
        defer { restored.close() }
        let documents = try DocumentService(restored).documents(direction: .incoming)
        #expect(documents.count == manifest.documents)
        #expect(documents.map(\.number) == Array(1...documents.count), "numbers consecutive from 1: a snapshot, not a torn copy")
        let journal = try JournalService(restored).entries()
        #expect(journal.filter { $0.action == "register" }.count == documents.count)
        #expect(journal.filter { $0.action == "attach" }.count == manifest.attachments)
        #expect(journal.last?.action == "restore")
        let report = try JournalService(restored).verify()
        #expect(report.isClean)
        #expect(report.checkedFiles == manifest.files)

        // Restoring over a database needs --replace, and keeps the old one.
        #expect(throws: ArchiveError.restoreTargetExists(path: restoredPath)) {
            try BackupService.restore(
                from: folder.appendingPathComponent("backup").path, to: restoredPath, replace: false, context: RegistryContext(user: "t"))
        }
        // A changed backup is refused.
        let copy = folder.appendingPathComponent("backup/vanthu.sqlite").path
        let handle = try #require(FileHandle(forWritingAtPath: copy))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        #expect(throws: ArchiveError.self) {
            try BackupService.restore(
                from: folder.appendingPathComponent("backup").path, to: folder.appendingPathComponent("again.sqlite").path, replace: false,
                context: RegistryContext(user: "t"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again.sqlite").path))
    }

    @Test func aBackupNeverWritesIntoAFolderInUse() throws {
        let registry = try Fixtures.makeRegistry()
        defer { registry.close() }
        let folder = try Fixtures.temporaryFolder()
        try Data("x".utf8).write(to: folder.appendingPathComponent("other.txt"))
        #expect(throws: ArchiveError.backupTargetNotEmpty(path: folder.path)) { try BackupService(registry).backup(to: folder.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["other.txt"])
    }
}
