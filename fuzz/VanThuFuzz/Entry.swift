import Foundation

#if FUZZING
/// libFuzzer's driver (compiler-rt), started from our own main: SwiftPM gives every
/// executable a main of its own, so libFuzzer's is never linked.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// `make fuzz` builds with `-sanitize=fuzzer -D FUZZING`; `VANTHU_FUZZ_TARGET` names the parser.
@main
struct Fuzz {
    static func main() {
        guard let target = FuzzTarget.named(ProcessInfo.processInfo.environment["VANTHU_FUZZ_TARGET"]) else {
            FileHandle.standardError.write(
                Data("set VANTHU_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        Fuzz.target = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }

    nonisolated(unsafe) static var target: FuzzTarget?
}

/// One input; libFuzzer's runtime also wants this symbol by name.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Fuzz.target?.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#else
/// Without libFuzzer: replays files (the corpus, the findings) through their target, named by
/// the folder they sit in: `VanThuFuzz fuzz/regressions` runs every saved finding.
@main
struct ReplayFindings {
    static func main() {
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            for file in files(at: argument) {
                let folder = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
                guard let target = FuzzTarget.named(folder), let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("skipped \(file): its folder names no target\n".utf8))
                    continue
                }
                target.run(data)
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs")
    }

    static func files(at path: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [path] }
        return enumerator.compactMap { $0 as? String }.map { (path as NSString).appendingPathComponent($0) }
            .filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            .sorted()
    }
}
#endif
