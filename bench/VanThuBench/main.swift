import Foundation
import VanThuCore
import VanThuIntake

// Benchmarks for `make bench`: realistic generated registers (fixed seed), wall-clock times.
// Usage: VanThuBench registration VANTHU_BINARY [documents] [runs]

/// SplitMix64: the same data on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Sample {
    static let issuers = [
        "Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ tỉnh Kon Tum", "UBND tỉnh Kon Tum", "Huyện ủy Đăk Hà", "Sở Tài chính",
        "Văn phòng Tỉnh ủy", "Bộ Thông tin và Truyền thông", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "Thành ủy Kon Tum",
    ]
    static let codes = ["BTGTU", "SNV", "UBND", "HU", "STC", "VPTU", "BTTTT", "SGDĐT", "CAT", "TU"]
    static let types = ["BC", "KH", "QĐ", "CV", "TB", "HD", "GM", "TTr"]
    static let subjects = [
        "Kết quả thực hiện công tác tuyên truyền miệng", "V/v cử cán bộ tham gia lớp bồi dưỡng nghiệp vụ văn thư",
        "Về việc tăng cường quản lý đất đai trên địa bàn", "Triển khai Chỉ thị số 30-CT/TW về công tác tuyên truyền",
        "Kế hoạch tổ chức Đại hội Đảng bộ các cấp", "V/v báo cáo tình hình giải quyết văn bản đến quý III",
        "Thông báo kết luận của đồng chí Bí thư Tỉnh ủy", "Về việc phân bổ dự toán ngân sách năm",
    ]
    static let handlers = ["Phòng Tuyên truyền", "Văn phòng Sở", "Phòng Bưu chính, Viễn thông", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính"]

    static func drafts(_ count: Int, seed: UInt64, year: Int = 2021) -> [IncomingDraft] {
        var random = SeededGenerator(state: seed)
        return (0..<count).map { i in
            let issuer = Int.random(in: 0..<issuers.count, using: &random)
            let type = types.randomElement(using: &random) ?? "BC"
            let day = LocalDate(dayNumber: LocalDate.firstDay(of: year).dayNumber + Int.random(in: 0..<360, using: &random))
            let notation = type == "CV" ? "\(i + 1)/\(codes[issuer])-VP" : "\(i + 1)-\(type)/\(codes[issuer])"
            return IncomingDraft(
                issuer: issuers[issuer], notation: notation, issuedDate: day.adding(days: -2).iso, typeCode: type,
                summary: "\(subjects.randomElement(using: &random) ?? "") (\(i))", received: day.iso,
                handler: handlers.randomElement(using: &random))
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs a program with posix_spawn and waits: Foundation's Process adds tens of milliseconds of
/// its own on Linux, which would be charged to vanthu.
func spawnAndWait(_ arguments: [String], environment: [String: String]) -> Int32 {
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xFF
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func registration(vanthu: String, documents: Int, runs: Int) throws -> [(String, String, String, String)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } else { print("kept \(folder.path)") } }
    let path = folder.appendingPathComponent("bench.sqlite").path
    let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
    let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", place: "Kon Tum", style: .state)
    let registry = try Registry.create(at: path, organization: organization, context: context)
    let drafts = Sample.drafts(documents, seed: 20211231)
    let chunk = 10_000
    let bulk = try seconds {
        for start in stride(from: 0, to: drafts.count, by: chunk) {
            _ = try registry.registerIncoming(batch: Array(drafts[start..<min(start + chunk, drafts.count)]))
        }
    }
    registry.close()
    let perSecond = Double(documents) / bulk

    var times: [Double] = []
    var environment = ProcessInfo.processInfo.environment
    environment["VANTHU_TODAY"] = "2021-12-31"
    for run in 0..<runs {
        let arguments = [
            vanthu, "incoming", "add", "--db", path, "--issuer", "Sở Nội vụ tỉnh Kon Tum", "--symbol", "\(90_000 + run)/SNV-CCVC",
            "--summary", "V/v cử công chức tham gia lớp bồi dưỡng (\(run))", "--received", "2021-12-30", "--handler", "Văn phòng Sở",
        ]
        var status: Int32 = 0
        let elapsed = seconds { status = spawnAndWait(arguments, environment: environment) }
        guard status == 0 else { throw CocoaError(.executableLoad) }
        times.append(elapsed * 1000)
    }
    let latency = median(times)
    return [
        ("bulk registration through the library API (\(documents) documents, 10,000 per transaction)", "≥ 50,000 /s",
         String(format: "%.0f /s", perSecond), String(format: "%.2f", perSecond / 50_000)),
        ("one `vanthu incoming add` on a database of \(documents) documents (median of \(runs) processes)", "< 25 ms",
         String(format: "%.1f ms", latency), String(format: "%.2f", latency / 25)),
    ]
}

/// A database of `documents` incoming documents of 2021, for the export benchmark.
func makeDatabase(path: String, documents: Int) throws {
    let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
    let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
    let registry = try Registry.create(at: path, organization: organization, context: context)
    defer { registry.close() }
    let chunk = 20_000
    for start in stride(from: 0, to: documents, by: chunk) {
        let drafts = Sample.drafts(min(chunk, documents - start), seed: UInt64(start) &+ 7).enumerated().map { index, draft in
            var draft = draft
            draft.notation = draft.notation.map { $0.replacingOccurrences(of: "^[0-9]+", with: String(start + index + 1), options: .regularExpression) }
            return draft
        }
        _ = try registry.registerIncoming(batch: drafts)
    }
}

/// `vanthu overdue --soon 3wd` on `documents` open incoming documents, all routed, checked on
/// 1 July 2021 (median of `runs` processes, output to /dev/null: the table is still built and
/// written). Two registers: a realistic one, deadlines from 3 days ago to 5 months ahead (a few
/// percent listed), and a backlog where deadlines follow arrival by 5–40 days over the whole year
/// (nearly half listed).
func overdue(vanthu: String, documents: Int, runs: Int) throws -> [(String, String, String, String)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } else { print("kept \(folder.path)") } }
    let today = LocalDate(year: 2021, month: 7, day: 1) ?? LocalDate(dayNumber: 18_809)
    var rows: [(String, String, String, String)] = []
    for backlog in [false, true] {
        let path = folder.appendingPathComponent(backlog ? "backlog.sqlite" : "realistic.sqlite").path
        let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
        let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", place: "Kon Tum", style: .state)
        let registry = try Registry.create(at: path, organization: organization, context: context)
        var random = SeededGenerator(state: 20210701)
        let drafts = Sample.drafts(documents, seed: 20210701).map { draft in
            var draft = draft
            let received = draft.received.flatMap(LocalDate.parse) ?? today
            let due = backlog ? received.adding(days: Int.random(in: 5...40, using: &random)) : today.adding(days: Int.random(in: -3...150, using: &random))
            draft.dueDate = max(due, received).iso
            if Int.random(in: 0..<50, using: &random) == 0 { draft.urgency = "khan" }
            return draft
        }
        for start in stride(from: 0, to: drafts.count, by: 20_000) {
            _ = try registry.registerIncoming(batch: Array(drafts[start..<min(start + 20_000, drafts.count)]))
        }
        registry.close()
        let reader = try Registry.open(at: path, access: .read, context: RegistryContext(user: "bench", today: today))
        let listed = try reader.followUp(soon: "3wd").items.count
        reader.close()
        var environment = ProcessInfo.processInfo.environment
        environment["VANTHU_TODAY"] = today.iso
        var times: [String: [Double]] = [:]
        for _ in 0..<runs {
            for (name, extra) in [("text", [String]()), ("json", ["--json"])] {
                var status: Int32 = 0
                let elapsed = seconds { status = spawnAndWait([vanthu, "overdue", "--soon", "3wd", "--db", path] + extra, environment: environment) }
                guard status == 0 else { throw CocoaError(.executableLoad) }
                times[name, default: []].append(elapsed * 1000)
            }
        }
        let text = median(times["text"] ?? [])
        let json = median(times["json"] ?? [])
        let kind = backlog ? "a backlog" : "a realistic register"
        rows.append(("`vanthu overdue --soon 3wd`, \(kind): \(documents) open documents, \(listed) listed (median of \(runs) processes)", "< 200 ms",
                     String(format: "%.0f ms", text), String(format: "%.2f", text / 200)))
        rows.append(("the same with `--json`", "< 200 ms", String(format: "%.0f ms", json), String(format: "%.2f", json / 200)))
    }
    return rows
}

/// Intake: the documents in `folder`, read over and over on one core.
func intake(folder: String, documents: Int) throws -> (String, String, String, String) {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = try names.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    guard !texts.isEmpty else { throw CocoaError(.fileNoSuchFile) }
    var found = 0
    let elapsed = seconds {
        for i in 0..<documents where DocumentReader.read(texts[i % texts.count]).notation != nil { found += 1 }
    }
    let perSecond = Double(documents) / elapsed
    let bytes = texts.map(\.utf8.count).reduce(0, +) / texts.count
    return ("intake: documents read per second, the \(texts.count) seeds repeated (\(documents) reads, mean \(bytes / 1000) kB, one core)",
            "≥ 2,000 /s", String(format: "%.0f /s", perSecond), String(format: "%.2f", perSecond / 2_000))
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (3..., "registration"):
        let rows = try registration(
            vanthu: arguments[2], documents: arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000,
            runs: arguments.count > 4 ? Int(arguments[4]) ?? 30 : 30)
        print("| figure | target | measured | ratio to target |")
        print("|---|---|---|---|")
        for (figure, target, measured, ratio) in rows { print("| \(figure) | \(target) | \(measured) | \(ratio) |") }
    case (3..., "intake"):
        let row = try intake(folder: arguments[2], documents: arguments.count > 3 ? Int(arguments[3]) ?? 20_000 : 20_000)
        print("| \(row.0) | \(row.1) | \(row.2) | \(row.3) |")
    case (3..., "overdue"):
        let rows = try overdue(
            vanthu: arguments[2], documents: arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000,
            runs: arguments.count > 4 ? Int(arguments[4]) ?? 10 : 10)
        for (figure, target, measured, ratio) in rows { print("| \(figure) | \(target) | \(measured) | \(ratio) |") }
    case (4, "make-db"):
        try makeDatabase(path: arguments[2], documents: Int(arguments[3]) ?? 1_000_000)
    default:
        FileHandle.standardError.write(Data("usage: VanThuBench registration VANTHU [documents] [runs] | overdue VANTHU [documents] [runs] | intake FOLDER [reads] | make-db PATH documents\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
