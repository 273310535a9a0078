import Foundation
import Testing
import VanThuTestSupport

/// The command line speaks Vietnamese first: help, argument-parser's usage errors, progress.
@Suite struct ClerkLanguageTests {
    /// Words of English prose: none may stand in a Vietnamese text (option names, values such as
    /// `incoming`, and the examples' own words aside).
    static let englishWords = [
        " the ", " and ", " of ", " to ", " is ", " a ", " an ", " with ", " for ", " from ", " by ", "(default", " when ", " it ",
        " its ", " not ", " be ",
    ]

    static func english(in text: String) -> [String] {
        // Only prose: examples (lines that run vanthu or cat) and option or value names go.
        let prose = text.split(separator: "\n").filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return !line.hasPrefix("vanthu ") && !line.hasPrefix("cat ") && !line.hasPrefix("--")
        }.joined(separator: " ")
        let padded = " " + prose.lowercased() + " "
        return englishWords.filter { padded.contains($0) }
    }

    @Test func everyHelpTextIsVietnameseAndEnglishWhenAsked() throws {
        let cli = try CLI()
        for (language, expectEnglish) in [("vi", false), ("en", true)] {
            let dump = try cli.run(["--experimental-dump-help"], environment: ["VANTHU_LANG": language])
            let root = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any] ?? [:]
            var texts: [(String, String)] = []
            func collect(_ command: [String: Any], _ path: String) {
                let name = path + " " + (command["commandName"] as? String ?? "")
                for key in ["abstract", "discussion"] { if let text = command[key] as? String { texts.append((name + " " + key, text)) } }
                for argument in command["arguments"] as? [[String: Any]] ?? [] {
                    if let text = argument["abstract"] as? String {
                        texts.append((name + " " + ((argument["valueName"] as? String) ?? "argument"), text))
                    }
                }
                for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                    collect(sub, name)
                }
            }
            collect(root["command"] as? [String: Any] ?? [:], "")
            #expect(texts.count > 250)
            let withEnglish = texts.filter { !Self.english(in: $0.1).isEmpty && $0.1 != "Show the version." && $0.1 != "Show help information." }
            if expectEnglish {
                #expect(withEnglish.count > texts.count / 2, "the English help is not English")
            } else {
                #expect(withEnglish.isEmpty, "English in the Vietnamese help: \(withEnglish.prefix(5).map { "\($0.0): \($0.1)" })")
            }
        }
    }

    /// Help, and a usage error of each kind argument-parser reports, with the exit status.
    static let usageCases: [([String], Int32)] = [
        (["--help"], 0),
        (["route", "--help"], 0),
        (["route", "den/2021/1"], 64),  // a missing option
        (["list"], 64),  // a missing argument
        (["route", "den/2021/1", "--lead", "Văn phòng", "--khong-co"], 64),  // an unknown option
        (["list", "den", "--year", "abc"], 64),  // a bad value
        (["khong-co"], 64),  // an unknown command
    ]

    @Test(arguments: 0..<7)
    func helpAndUsageErrorsSpeakTheClerksLanguage(index: Int) throws {
        let (arguments, status) = Self.usageCases[index]
        let cli = try CLI()
        let vi = try cli.run(arguments)
        let text = status == 0 ? vi.stdout : vi.stderr
        #expect(vi.status == status, "\(arguments): \(vi.stderr)")
        for phrase in [
            "Error", "Usage", "USAGE", "OVERVIEW", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Missing", "Unknown", "Unexpected", "invalid",
            "Show help", "See '", "for more information", "Help:",
        ] {
            #expect(!text.contains(phrase), "\(arguments): “\(phrase)” in \(text)")
        }
        #expect(Self.english(in: text).isEmpty, "\(arguments): English in \(text)")
        if status != 0 {
            #expect(text.hasPrefix("Lỗi: ") && text.contains("Cách dùng: "), "\(text)")
            // The option named, and an example of the command when it has one.
            if arguments.first == "route" { #expect(text.contains("--lead") && text.contains("Ví dụ: vanthu route den/2021/792")) }
        }
        let en = try cli.run(arguments, environment: ["VANTHU_LANG": "en"])
        #expect(en.status == status)
        let english = status == 0 ? en.stdout : en.stderr
        #expect(status == 0 ? english.contains("USAGE:") : english.hasPrefix("Error: ") && english.contains("Usage: "), "\(english)")
        // The locale decides too, when VANTHU_LANG is not set.
        let locale = try cli.run(arguments, environment: ["LANG": "en_US.UTF-8"])
        #expect((status == 0 ? locale.stdout : locale.stderr) == english)
    }

    /// A register of `rows` rows to import, as a CSV file in the CLI's folder.
    static func register(_ cli: CLI, rows: Int) throws -> String {
        var csv = "Ngày đến;Số đến;Tác giả;Tên loại và trích yếu\n"
        for number in 1...rows { csv += "5/3/2021;\(number);Sở Nội vụ;Công văn về việc thứ \(number)\n" }
        let path = cli.folder.appendingPathComponent("so-den-2021.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aValueOutsideAChoiceListsTheChoicesInVietnamese() throws {
        let cli = try CLI()
        let result = try cli.run(["user", "add", "lan", "--role", "thu-ky", "--password-stdin"], input: Data("mat-khau-du-dai\n".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains("Hãy chọn một trong 'van-thu', 'lanh-dao', 'chuyen-vien' hoặc 'quan-tri'."), "\(result.stderr)")
        #expect(!result.stderr.contains("Please provide"))
    }

    @Test func progressShowsOnATerminalAndNowhereElse() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let file = try Self.register(cli, rows: 6000)
        // Under a pseudo-terminal (util-linux `script`), standard error is a terminal.
        let command = "'\(CLI.binary)' import incoming '\(file)' --dry-run"
        let terminal = try Process.output("/usr/bin/script", ["-qfec", command, "/dev/null"], environment: cli.environment)
        #expect(terminal.contains("\r\u{1B}[KĐang nhập: 0 / 6.000 dòng (0 %)"), "\(terminal.prefix(300))")
        #expect(terminal.contains("6.000"))
        // Piped, as a script or a test reads it: not a byte of progress.
        let piped = try cli.run(["import", "incoming", file, "--dry-run"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(!piped.stdout.contains("Đang nhập"))
    }

    @Test func ctrlCStopsAnImportAndWritesNothing() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let file = try Self.register(cli, rows: Stress.size(quick: 40000, full: 100_000))
        let before = try cli.databaseBytes()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["import", "incoming", file]
        process.environment = cli.environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Well after start-up (the handler is set before the file is read), well before the end.
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("Đã dừng theo yêu cầu (Ctrl-C)"), "\(message)")
        #expect(try cli.databaseBytes() == before)
        #expect(try cli.run(["list", "den", "--year", "2021"]).stderr.contains("Sổ chưa có văn bản nào"))
    }
}
