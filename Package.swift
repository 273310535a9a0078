// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "vanthu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vanthu", targets: ["vanthu"]),
        .library(name: "VanThuCore", targets: ["VanThuCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // libxlsxwriter and libcrypto are opened with dlopen on first use too; their headers are in
        // the compiler's search path, so their shims take the functions' types from them.
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        // cairo, pango and glib, poppler-glib and Tesseract are opened with dlopen on first use
        // (see their shim.h): not linked, so no pkg-config (its --libs would link them). cairo's,
        // pango's, glib's and poppler's declarations are written in their shims and checked
        // against the installed headers by scripts/check-c-shims.sh (Tesseract's header needs no
        // include path: its shim takes the types from it).
        .systemLibrary(
            name: "CPango",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"]), .brew(["pango", "cairo"])]),
        .systemLibrary(
            name: "CPoppler",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]),
        // libxml2 for XMLDSig (canonical XML): opened with dlopen, declared in its shim.
        .systemLibrary(name: "CLibXML2", providers: [.apt(["libxml2"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CTesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-vie"]), .brew(["tesseract", "tesseract-lang"])]),
        .systemLibrary(
            name: "COpenSSL",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .systemLibrary(
            name: "CVanThuZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "VanThuPDF",
            dependencies: ["CVanThuZlib"]),
        .target(
            name: "VanThuCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]),
        .target(
            name: "VanThuIntake",
            dependencies: ["VanThuCore"]),
        .target(
            name: "VanThuReaders",
            dependencies: [
                "VanThuCore", "ZIPFoundation", "CPoppler", "CTesseract", "COpenSSL", "CLibXML2", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "VanThuXLSX",
            dependencies: ["CXLSXWriter", "CPango", "VanThuCore", "VanThuPDF", "ZIPFoundation"]),
        // Work that spans the readers, the intake, the writers and the core, shared by the two
        // front ends: registering a document from its file, with its stamped copy.
        .target(
            name: "VanThuOffice",
            dependencies: ["VanThuCore", "VanThuIntake", "VanThuReaders", "VanThuXLSX"]),
        // `vanthu serve`: the office's web front, a thin layer over the same services.
        .target(
            name: "VanThuWeb",
            dependencies: [
                "VanThuCore", "VanThuIntake", "VanThuOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "vanthu",
            dependencies: [
                "VanThuCore",
                "VanThuIntake",
                "VanThuReaders",
                "VanThuXLSX",
                "VanThuOffice",
                "VanThuWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The static standard library links with --export-dynamic: its 39,103 symbols in the
            // dynamic table, which the runtime's dladdr at start-up (finding swift-backtrace)
            // walks one by one. Nothing loads the binary as a library or looks its symbols up, so
            // the release build exports none: `vanthu --version` 6.77 ms (6.36-9.83) -> 5.98 ms
            // (5.52-8.88), 41 runs alternated, the static hello world 1.87 ms.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(
            name: "VanThuBench",
            dependencies: ["VanThuCore", "VanThuIntake", "VanThuReaders"],
            path: "bench/VanThuBench"),
        .executableTarget(
            name: "VanThuFuzz",
            dependencies: ["VanThuCore", "VanThuIntake", "VanThuReaders", "VanThuXLSX", "VanThuPDF"],
            path: "fuzz/VanThuFuzz"),
        .target(
            name: "VanThuTestSupport",
            dependencies: ["VanThuCore"],
            path: "Tests/VanThuTestSupport"),
        .testTarget(
            name: "VanThuCoreTests",
            dependencies: [
                "VanThuCore", "VanThuTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "VanThuIntakeTests",
            dependencies: ["VanThuIntake", "VanThuCore", "VanThuTestSupport"],
            exclude: ["Seeds", "Corpus"]),
        .testTarget(
            name: "VanThuXLSXTests",
            dependencies: ["VanThuXLSX", "VanThuReaders", "VanThuCore", "VanThuTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "VanThuWebTests",
            dependencies: [
                "VanThuWeb", "VanThuCore", "VanThuTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "vanthuTests",
            dependencies: ["VanThuCore", "VanThuTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// Boundaries the compiler keeps, on every target (tests, bench and fuzz included): a module's
// imports are its own unless it says `public import` (a type of a dependency in its public API),
// and members come only from modules a file imports.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("InternalImportsByDefault"), .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
