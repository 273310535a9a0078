import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuIntake

/// Thousands of mutated and random inputs: the reader never crashes, never hangs (the suite has
/// a time limit) and never reports a number or date the text does not contain.
@Suite(.timeLimit(.minutes(3)), .tags(.stress)) struct IntakeFuzzTests {
    /// A fixed-seed generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that real documents are made of, to splice into mutants.
    static let fragments = [
        "Số: ", "Số ", "-", "/", "–", "QĐ", "UBND", "ĐẾN", "Ngày:", "ngày ", " tháng ", " năm ", "Nơi nhận:", "- Lưu: VT.",
        "KT. GIÁM ĐỐC", "T/M", "V/v ", "*", "\n", "\t", "\u{00A0}", "\u{200B}", "\u{0301}", "\u{FFFD}", "ВС", "99999999999",
        "31/02/2021", "(Đã ký)", "PHỤ LỤC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "số 1-", "12a/", "//", "--", ":",
    ]

    static func mutate(_ text: String, using rng: inout SplitMix) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...12, using: &rng) {
            guard !scalars.isEmpty else { break }
            let at = Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(contentsOf: fragments.randomElement(using: &rng)!.unicodeScalars, at: at)
            case 2: scalars.removeSubrange(at..<min(scalars.count, at + Int.random(in: 1...200, using: &rng)))
            case 3:  // duplicate a slice
                let end = min(scalars.count, at + Int.random(in: 1...300, using: &rng))
                scalars.insert(contentsOf: scalars[at..<end], at: Int.random(in: 0...scalars.count, using: &rng))
            default: scalars[at] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng))
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func seeds() throws -> [String] {
        let folder = SeedDocumentTests.folder
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// What is reported must be in the text: the số's digits, the date's year.
    static func checkNothingInvented(_ result: IntakeResult, in text: String) {
        let digitsOnly = String(
            VietnameseText.composed(text).unicodeScalars.filter { $0.properties.numericType != nil || $0 == "/" || $0 == "-" }.map(Character.init))
        if let number = result.notation?.number.filter(\.isNumber) {
            #expect(digitsOnly.contains(number), "số \(number) is not in the text")
        }
        if let year = result.issuedDate?.year {
            #expect(text.contains(String(year)) || text.contains(String(year % 100)), "year \(year) is not in the text")
        }
        for citation in result.references {
            #expect(digitsOnly.contains(citation.notation.number.filter(\.isNumber)))
        }
    }

    @Test func mutatedSeeds() throws {
        var rng = SplitMix(state: 20_211_121)
        let seeds = try Self.seeds()
        for round in 0..<Stress.size(quick: 300, full: 3_000) {
            let text = Self.mutate(seeds[round % seeds.count], using: &rng)
            Self.checkNothingInvented(DocumentReader.read(text), in: text)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix(state: 7)
        for _ in 0..<Stress.size(quick: 200, full: 2_000) {
            let bytes = (0..<Int.random(in: 0...4_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = DocumentReader.read(data: Data(bytes))
        }
    }

    @Test func randomFragments() {
        var rng = SplitMix(state: 42)
        for _ in 0..<Stress.size(quick: 300, full: 3_000) {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in
                Self.fragments.randomElement(using: &rng)! + String(Int.random(in: 0...40, using: &rng))
            }.joined()
            Self.checkNothingInvented(DocumentReader.read(text), in: text)
        }
    }

    /// Megabytes of text (10 MB under `make stress`), one long line and many short ones: read in
    /// linear time.
    @Test func megabytesOfText() throws {
        let megabytes = Stress.size(quick: 2, full: 10)
        let seed = try Self.seeds()[3]
        let many = String(repeating: seed + "\n", count: megabytes * 1_000_000 / seed.utf8.count + 1)
        let r = DocumentReader.read(many)
        #expect(r.notation?.full == "85-BC/BTGTU")
        let oneLine = String(repeating: "Số 12-BC/TU ngày 1/1/2021 ", count: megabytes * 40_000)
        _ = DocumentReader.read(oneLine)
        let digits = String(repeating: "1-", count: megabytes * 500_000)
        _ = DocumentReader.read(digits)
    }
}
