import Foundation
import VanThuCore
import VanThuIntake
import VanThuReaders

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
    /// Topics and places that make the summaries as varied as a real register's.
    static let topics = [
        "chuyển đổi số", "phòng, chống dịch Covid-19", "cải cách hành chính", "an toàn thông tin mạng", "Đại hội Đảng bộ",
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "bầu cử đại biểu Quốc hội", "xây dựng nông thôn mới",
        "quản lý báo chí, xuất bản", "kỷ niệm Ngày Quốc khánh 2/9", "phòng cháy, chữa cháy", "thi đua khen thưởng",
        "tuyển dụng công chức", "quyết toán ngân sách", "giải quyết khiếu nại, tố cáo", "bảo vệ nền tảng tư tưởng của Đảng",
        "thông tin đối ngoại", "dịch vụ công trực tuyến", "chữ ký số", "lưu trữ hồ sơ", "đào tạo, bồi dưỡng cán bộ",
        "phổ biến, giáo dục pháp luật", "an toàn giao thông", "giảm nghèo bền vững", "du lịch", "thông tin cơ sở",
        "bưu chính công ích", "tần số vô tuyến điện", "hạ tầng viễn thông", "phát thanh, truyền hình", "Tết Nguyên đán",
        "công tác dân vận", "phòng, chống tham nhũng", "kiểm tra, giám sát", "đất đai", "y tế cơ sở", "giáo dục và đào tạo",
        "dân tộc thiểu số", "biên giới", "quốc phòng, an ninh",
    ]
    static let places = [
        "trên địa bàn tỉnh", "tại các huyện, thành phố", "năm 2021", "quý III năm 2021", "6 tháng đầu năm", "giai đoạn 2021–2025",
        "tại huyện Đăk Hà", "tại thành phố Kon Tum", "tại huyện Ngọc Hồi", "tại huyện Sa Thầy", "ở cơ sở", "trong cơ quan",
    ]

    static func drafts(_ count: Int, seed: UInt64, year: Int = 2021) throws -> [IncomingDraft] {
        var random = SeededGenerator(state: seed)
        return try (0..<count).map { i in
            let issuer = Int.random(in: 0..<issuers.count, using: &random)
            let type = types.randomElement(using: &random) ?? "BC"
            let day = LocalDate(dayNumber: LocalDate.firstDay(of: year).dayNumber + Int.random(in: 0..<360, using: &random))
            let notation = type == "CV" ? "\(i + 1)/\(codes[issuer])-VP" : "\(i + 1)-\(type)/\(codes[issuer])"
            return IncomingDraft(
                issuer: issuers[issuer], notation: try DocumentNotation(parsing: notation), issuedDate: day.adding(days: -2), typeCode: type,
                summary:
                    "\(subjects.randomElement(using: &random) ?? "") về \(topics.randomElement(using: &random) ?? "") \(places.randomElement(using: &random) ?? "")",
                received: day,
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
    defer {
        if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("kept \(folder.path)")
        }
    }
    let path = folder.appendingPathComponent("bench.sqlite").path
    let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
    let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", place: "Kon Tum", style: .state)
    let registry = try Registry.create(at: path, organization: organization, context: context)
    let drafts = try Sample.drafts(documents, seed: 20211231)
    let chunk = 10_000
    let bulk = try seconds {
        for start in stride(from: 0, to: drafts.count, by: chunk) {
            _ = try RegistrationService(registry).registerIncoming(batch: Array(drafts[start..<min(start + chunk, drafts.count)]))
        }
    }
    registry.close()
    let perSecond = Double(documents) / bulk

    // The C floor (bench/c/registration_floor.c, built by bench/run.sh) registers on the same
    // file, alternated with vanthu so that the machine's drift cancels.
    let floor = ProcessInfo.processInfo.environment["BENCH_REGISTRATION_FLOOR"]
    var times: [Double] = []
    var floorTimes: [Double] = []
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
        if let floor {
            let floorElapsed = seconds { status = spawnAndWait([floor, path, "2021", "\(80_000 + run)/SNV-CCVC"], environment: environment) }
            guard status == 0 else { throw CocoaError(.executableLoad) }
            floorTimes.append(floorElapsed * 1000)
        }
    }
    let latency = median(times)
    var rows = [
        (
            "bulk registration through the library API (\(documents) documents, 10,000 per transaction)", "≥ 100,000 /s",
            String(format: "%.0f /s", perSecond), String(format: "%.2f", perSecond / 100_000)
        ),
        (
            "one `vanthu incoming add` on a database of \(documents) documents (median of \(runs) processes)", "< 20 ms",
            String(format: "%.1f ms (%.1f–%.1f)", latency, times.min() ?? 0, times.max() ?? 0), String(format: "%.2f", latency / 20)
        ),
    ]
    if !floorTimes.isEmpty {
        let floorLatency = median(floorTimes)
        rows.append(
            (
                "one registration, the C floor on the same file, alternated with it (bench/c/registration_floor.c)", "",
                String(format: "%.1f ms (%.1f–%.1f)", floorLatency, floorTimes.min() ?? 0, floorTimes.max() ?? 0), "1.00"
            ))
        rows.append(
            (
                "one `vanthu incoming add` against the C floor", "≤ 3×", String(format: "%.1f×", latency / floorLatency),
                String(format: "%.2f", latency / floorLatency / 3)
            ))
    }
    return rows
}

/// A database of `documents` incoming documents of 2021, for the export benchmark.
func makeDatabase(path: String, documents: Int) throws {
    let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
    let organization = Organization(
        name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
    let registry = try Registry.create(at: path, organization: organization, context: context)
    defer { registry.close() }
    let chunk = 20_000
    for start in stride(from: 0, to: documents, by: chunk) {
        let drafts = try Sample.drafts(min(chunk, documents - start), seed: UInt64(start) &+ 7).enumerated().map { index, draft in
            var draft = draft
            draft.notation = draft.notation.map { DocumentNotation(number: String(start + index + 1), notation: $0.notation, style: $0.style) }
            return draft
        }
        _ = try RegistrationService(registry).registerIncoming(batch: drafts)
    }
}

/// The documents `makeDatabase` writes change only when this does: part of a kept file's name.
let sampleVersion = 1

/// `makeDatabase` into `folder`, kept there for the next run: the million-document register
/// takes minutes to build and is the same every time (fixed seeds). A kept file is reused only
/// when it holds `documents` documents and the migrations this build applies, no more, no less;
/// otherwise it is built again. Prints its path.
func keptDatabase(folder: String, documents: Int) throws -> String {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = "\(folder)/register-\(documents)-sample\(sampleVersion).sqlite"
    if FileManager.default.fileExists(atPath: path) {
        let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
        if let reader = try? Registry.open(at: path, access: .read, context: context) {
            defer { reader.close() }
            if try reader.schemaIsCurrent(), try DocumentService(reader).documentCount() == documents { return path }
        }
        FileHandle.standardError.write(Data("\(path): not this build's register, built again\n".utf8))
    }
    for name in [path, path + ".building"] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: name + suffix) }
    }
    // Built under another name and renamed when complete: an interrupted build is never reused.
    try makeDatabase(path: path + ".building", documents: documents)
    try FileManager.default.moveItem(atPath: path + ".building", toPath: path)
    return path
}

/// `vanthu overdue --soon 3wd` on `documents` open incoming documents, all routed, checked on
/// 1 July 2021 (median of `runs` processes, output to /dev/null: the table is still built and
/// written). Two registers: a realistic one, deadlines from 3 days ago to 5 months ahead (a few
/// percent listed), and a backlog where deadlines follow arrival by 5–40 days over the whole year
/// (nearly half listed).
func overdue(vanthu: String, documents: Int, runs: Int) throws -> [(String, String, String, String)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer {
        if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("kept \(folder.path)")
        }
    }
    let today = LocalDate(year: 2021, month: 7, day: 1) ?? LocalDate(dayNumber: 18_809)
    var rows: [(String, String, String, String)] = []
    for backlog in [false, true] {
        let path = folder.appendingPathComponent(backlog ? "backlog.sqlite" : "realistic.sqlite").path
        let context = RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31))
        let organization = Organization(name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", place: "Kon Tum", style: .state)
        let registry = try Registry.create(at: path, organization: organization, context: context)
        var random = SeededGenerator(state: 20210701)
        let drafts = try Sample.drafts(documents, seed: 20210701).map { draft in
            var draft = draft
            let received = draft.received ?? today
            let due =
                backlog ? received.adding(days: Int.random(in: 5...40, using: &random)) : today.adding(days: Int.random(in: -3...150, using: &random))
            draft.dueDate = max(due, received)
            if Int.random(in: 0..<50, using: &random) == 0 { draft.urgency = .khan }
            return draft
        }
        for start in stride(from: 0, to: drafts.count, by: 20_000) {
            _ = try RegistrationService(registry).registerIncoming(batch: Array(drafts[start..<min(start + 20_000, drafts.count)]))
        }
        registry.close()
        let reader = try Registry.open(at: path, access: .read, context: RegistryContext(user: "bench", today: today))
        let listed = try HandlingService(reader).followUp(soon: "3wd").items.count
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
        rows.append(
            (
                "`vanthu overdue --soon 3wd`, \(kind) of \(documents) open documents (median of \(runs) processes)", "< 200 ms",
                String(format: "%.0f ms, %d listed", text, listed), String(format: "%.2f", text / 200)
            ))
        rows.append(
            (
                "`vanthu overdue --soon 3wd --json`, \(kind) of \(documents) open documents", "< 200 ms",
                String(format: "%.0f ms", json), String(format: "%.2f", json / 200)
            ))
    }
    return rows
}

/// Search on a database made by `make-db`: 20 realistic queries, each run `rounds` times in
/// process (count + the 50 best), median per query; and the index's share of the file.
func search(path: String, rounds: Int) throws -> [(String, String, String, String)] {
    let registry = try Registry.open(
        at: path, access: .read, context: RegistryContext(user: "bench", today: LocalDate(year: 2021, month: 12, day: 31)))
    defer { registry.close() }
    func query(_ text: String, _ adjust: (inout SearchQuery) -> Void = { _ in }) -> SearchQuery {
        var q = SearchQuery(text: text)
        adjust(&q)
        return q
    }
    let queries: [SearchQuery] = [
        query("tuyen truyen mieng"), query("chuyển đổi số"), query("dai hoi dang bo"), query("1234-KH/BTGTU"), query("Số: 45678/SNV-VP"),
        query("an toan thong tin mang"), query("huyen uy dak ha"), query("bau cu dai bieu quoc hoi"),
        query("quyet toan ngan sach") { $0.year = 2021 },
        query("thanh tra") { $0.typeCode = "BC" }, query("ngoc hoi"), query("chu ky so"), query("tan so vo tuyen dien"),
        query("phong chong tham nhung") {
            $0.direction = .incoming
            $0.from = LocalDate(year: 2021, month: 1, day: 1)
            $0.to = LocalDate(year: 2021, month: 6, day: 30)
        },
        query("tet nguyen dan") { $0.handler = "Văn phòng Sở" }, query("cong an tinh"), query("dich vu cong truc tuyen"),
        query("999999/UBND-VP"), query("tuyen dung cong chuc sa thay"), query("luu tru ho so"),
    ]
    var medians: [Double] = []
    var hits: [Int] = []
    for q in queries {
        var times: [Double] = []
        var total = 0
        for _ in 0..<rounds { times.append(try seconds { total = try SearchService(registry).search(q).total } * 1000) }
        medians.append(median(times))
        hits.append(total)
        if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
            FileHandle.standardError.write(Data(String(format: "%8.1f ms %7d hits  \(q.text)\n", median(times), total).utf8))
        }
    }
    let documents = try DocumentService(registry).documentCount()
    let sizes = try SearchService(registry).storageSizes()
    let ratio = Double(sizes.search) / Double(sizes.total - sizes.search)
    let slowest = medians.indices.max { medians[$0] < medians[$1] } ?? 0
    return [
        (
            "search: median of the 20 queries' medians on \(documents) documents (each query \(rounds)×, count + 50 best; hits from \(hits.min() ?? 0) to \(hits.max() ?? 0))",
            "< 20 ms", String(format: "%.1f ms", median(medians)), String(format: "%.2f", median(medians) / 20)
        ),
        (
            "search: the slowest query on \(documents) documents", "< 100 ms",
            String(format: "%.0f ms", medians[slowest]) + " (“\(queries[slowest].text)”, \(hits[slowest]) hits)",
            String(format: "%.2f", medians[slowest] / 100)
        ),
        (
            "search index size over the rest of the database, \(documents) documents", "≤ 60 %",
            String(format: "%.0f %% (%d MB of %d MB)", ratio * 100, sizes.search / 1_048_576, sizes.total / 1_048_576),
            String(format: "%.2f", ratio / 0.6)
        ),
    ]
}

/// `vanthu import` of an XLSX register of `documents` rows that `vanthu export` wrote.
func importRegister(vanthu: String, documents: Int) throws -> (String, String, String, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("source.sqlite").path
    try makeDatabase(path: source, documents: documents)
    var environment = ProcessInfo.processInfo.environment
    environment["VANTHU_TODAY"] = "2021-12-31"
    let xlsx = folder.appendingPathComponent("so-den.xlsx").path
    guard spawnAndWait([vanthu, "export", "incoming-register", "--year", "2021", "--db", source, "-o", xlsx], environment: environment) == 0 else {
        throw CocoaError(.executableLoad)
    }
    let target = folder.appendingPathComponent("target.sqlite").path
    guard
        spawnAndWait(
            [vanthu, "init", "--db", target, "--org", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "--org-code", "STTTT", "--style", "state"],
            environment: environment) == 0
    else {
        throw CocoaError(.executableLoad)
    }
    var status: Int32 = 0
    let elapsed = seconds { status = spawnAndWait([vanthu, "import", "incoming", xlsx, "--db", target], environment: environment) }
    guard status == 0 else { throw CocoaError(.executableLoad) }
    return (
        "`vanthu import incoming` of a \(documents)-row XLSX register (written by `vanthu export`), one process", "< 10 s",
        String(format: "%.1f s", elapsed), String(format: "%.2f", elapsed / 10)
    )
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
    return (
        "intake: documents read per second, the \(texts.count) seeds repeated (\(documents) reads, mean \(bytes / 1000) kB, one core)",
        "≥ 2,000 /s", String(format: "%.0f /s", perSecond), String(format: "%.2f", perSecond / 2_000)
    )
}

/// Electronic documents, in process: reading a 10-page text PDF (poppler, layout), OCR of one
/// scanned page at 300 dpi (Tesseract), the signature check of a signed PDF (libcrypto). The
/// files are those of scripts/make-document-fixtures.py, in `folder`.
func documents(folder: String) throws -> [(String, String, String, String)] {
    func data(_ name: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { throw CocoaError(.fileNoSuchFile) }
        return data
    }
    func timed(_ runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, low: Double, high: Double) {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try seconds(body) * 1000) }
        return (median(samples), samples.min() ?? 0, samples.max() ?? 0)
    }
    let tenPages = try data("ten-pages.pdf")
    let scan = try data("cong-van-scan.pdf")
    let signed = try data("signed.pdf")
    let text = try timed(21) { _ = try DocumentFile.content(of: tenPages, path: "ten-pages.pdf") }
    let ocr = try timed(3) { _ = try DocumentFile.content(of: scan, path: "cong-van-scan.pdf") }
    let signature = timed(51) { _ = DocumentFile.signatures(of: signed, trustedRoots: []) }
    func row(_ figure: String, _ target: String, _ t: (median: Double, low: Double, high: Double), limit: Double) -> (String, String, String, String)
    {
        // The spread goes with the figure measured, not in the figure's name: the name is the key
        // bench/run.sh matches against the last table.
        let measured =
            t.median >= 1000
            ? String(format: "%.2f s (%.2f–%.2f)", t.median / 1000, t.low / 1000, t.high / 1000)
            : String(format: "%.1f ms (%.1f–%.1f)", t.median, t.low, t.high)
        return (figure, target, measured, String(format: "%.2f", t.median / limit))
    }
    return [
        row("intake of a 10-page text PDF (poppler text layer and layout), median of 21", "< 50 ms", text, limit: 50),
        row("OCR of one scanned page at 300 dpi (Tesseract, Vietnamese), median of 3", "< 5 s", ocr, limit: 5000),
        row("signature check of a signed PDF (byte ranges, CMS, libcrypto), median of 51", "< 20 ms", signature, limit: 20),
    ]
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
    case (3..., "search"):
        let rows = try search(path: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
        for (figure, target, measured, ratio) in rows { print("| \(figure) | \(target) | \(measured) | \(ratio) |") }
    case (3..., "import"):
        let row = try importRegister(vanthu: arguments[2], documents: arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000)
        print("| \(row.0) | \(row.1) | \(row.2) | \(row.3) |")
    case (3, "documents"):
        for (figure, target, measured, ratio) in try documents(folder: arguments[2]) { print("| \(figure) | \(target) | \(measured) | \(ratio) |") }
    case (4, "make-db"):
        try makeDatabase(path: arguments[2], documents: Int(arguments[3]) ?? 1_000_000)
    case (4, "kept-db"):
        print(try keptDatabase(folder: arguments[2], documents: Int(arguments[3]) ?? 1_000_000))
    default:
        FileHandle.standardError.write(
            Data(
                "usage: VanThuBench registration VANTHU [documents] [runs] | overdue VANTHU [documents] [runs] | intake FOLDER [reads] | documents FOLDER | make-db PATH documents | kept-db FOLDER documents | search DB [rounds] | import VANTHU [rows]\n"
                    .utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
