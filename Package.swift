// swift-tools-version:6.0
import PackageDescription

/// The default theme: every file under templates/, embedded in the executable
/// so that a site folder needs only content/ (DESIGN.md §8).
/// `ThemeFilesTests` fails when a file in templates/ is missing here.
let themeFiles = [
    "base.mustache",
    "home.mustache",
    "community.mustache",
    "listing.mustache",
    "notice.mustache",
    "search.mustache",
    "feed.mustache",
    "sitemap.mustache",
    "notice-attachments.mustache",
    "notice-list.mustache",
    "pager.mustache",
    "notice-print.mustache",
    "ledger.mustache",
    "ledger-community.mustache",
    "notice-withdrawn.mustache",
    "notice-record.mustache",
    "synonyms.txt",
    "assets/site.css",
    "assets/search.js",
    "notice-status.mustache",
    "notice-process.mustache",
    "overview.mustache",
    "overview-community.mustache",
    "assets/status.js",
    "assets/site.js",
    "notice-objection.mustache",
    "notice-replies.mustache",
    "community-suggest.mustache",
    "replies.mustache",
    "reply.mustache",
    "assets/desk.js",
]

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // Only the tests: they unpack the .gz files with zlib, another
        // implementation than the one that made them.
        .systemLibrary(
            name: "GongkaiZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // OpenSSL's libcrypto, for SHA-256 only (GongkaiCore.SHA256).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "GongkaiCore", dependencies: ["CCrypto", .product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "GongkaiMarkdown", dependencies: ["GongkaiCore", "CCmark"]),
        .target(
            name: "GongkaiTheme",
            path: "templates",
            exclude: [],
            sources: ["Theme.swift"],
            resources: themeFiles.map { .embedInCode($0) }
        ),
        .target(name: "GongkaiSearch", dependencies: ["GongkaiCore"]),
        .target(name: "GongkaiPDF", dependencies: ["CPoppler"]),
        .target(name: "GongkaiTemplate", dependencies: ["GongkaiCore"]),
        .target(
            name: "GongkaiTables",
            dependencies: ["GongkaiCore", "GongkaiZip"]
        ),
        .target(
            name: "GongkaiZip",
            dependencies: ["CDeflate"]
        ),
        .target(
            name: "GongkaiWord",
            dependencies: ["GongkaiZip"]
        ),
        .target(
            name: "GongkaiImport",
            dependencies: ["GongkaiCore", "GongkaiContent", "GongkaiWord"]
        ),
        .target(
            name: "GongkaiContent",
            dependencies: ["GongkaiCore", "GongkaiMarkdown", "GongkaiTables", "GongkaiPDF", "GongkaiWord",
                           .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GongkaiRender",
            dependencies: ["GongkaiCore", "GongkaiTemplate", "GongkaiTheme", "CQRencode"]
        ),
        .target(name: "GongkaiLedger", dependencies: ["GongkaiCore", "GongkaiContent", "GongkaiZlib"]),
        // The write stage: the spare tree, the atomic swap, pre-compression.
        .target(name: "GongkaiOutput", dependencies: ["GongkaiCore", "CAtomicSwap", "CDeflate"]),
        // What one build leaves for the next (parse results, page keys, ...).
        .target(
            name: "GongkaiCache",
            dependencies: ["GongkaiCore", "GongkaiContent", "GongkaiRender", "GongkaiSearch", "GongkaiTheme", "GongkaiOutput"]
        ),
        .target(
            name: "GongkaiBuild",
            dependencies: ["GongkaiCore", "GongkaiContent", "GongkaiLedger", "GongkaiRender", "GongkaiSearch", "GongkaiTheme",
                           "GongkaiCache", "GongkaiOutput", "CAtomicSwap"]
        ),
        .target(
            name: "GongkaiServe",
            dependencies: ["GongkaiCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // The residents' desk (docs/desk.md): the only importer of the database driver.
        .target(
            name: "GongkaiDesk",
            dependencies: [
                "GongkaiCore", "GongkaiContent",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: ["GongkaiBuild", "GongkaiContent", "GongkaiImport", "GongkaiLedger", "GongkaiServe", "GongkaiWord", "GongkaiDesk", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GongkaiMarkdownTests", dependencies: ["GongkaiMarkdown", "CCmark"], exclude: ["Fixtures"]),
        .testTarget(name: "GongkaiSearchTests", dependencies: ["GongkaiSearch", "GongkaiCore"]),
        .testTarget(
            name: "GongkaiTemplateTests",
            dependencies: ["GongkaiTemplate", "GongkaiCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GongkaiTablesTests",
            dependencies: ["GongkaiTables", "GongkaiCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "GongkaiWordTests",
            dependencies: ["GongkaiWord", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "GongkaiImportTests",
            dependencies: ["GongkaiImport", "GongkaiWord", "GongkaiContent", "GongkaiCore", "GongkaiMarkdown"]
        ),
        .testTarget(
            name: "GongkaiContentTests",
            dependencies: ["GongkaiContent", "GongkaiCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "GongkaiPDFTests", dependencies: ["GongkaiPDF"]),
        .testTarget(
            name: "GongkaiBuildTests",
            dependencies: [
                "GongkaiBuild", "GongkaiCache", "GongkaiOutput", "GongkaiContent", "GongkaiLedger", "GongkaiRender",
                "GongkaiTemplate", "GongkaiTheme", "GongkaiZlib",
                // Only to compare the compiled engine's pages with the engine templates were written for.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GongkaiDeskTests",
            dependencies: ["GongkaiDesk", "GongkaiCore", "GongkaiContent"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
