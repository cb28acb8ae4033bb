// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "portal12320",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal12320", targets: ["portal12320"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // glibc's malloc_trim: a build gives the pages it freed back to the system between its phases.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        .target(name: "CExchange"),
        .target(name: "Diagnostics", swiftSettings: strictSettings),
        .target(name: "Markdown", dependencies: ["CCmark"], swiftSettings: strictSettings),
        .target(name: "Moderation", dependencies: ["COpenCC", "Diagnostics"], swiftSettings: strictSettings),
        .target(
            name: "Content",
            dependencies: ["CExchange", "Diagnostics", "Markdown", "Moderation", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Review",
            dependencies: ["Content", "Diagnostics", "Markdown", "Moderation", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Publish",
            dependencies: ["Content", "Review", "Diagnostics", "CExchange", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Site",
            dependencies: [
                "Content", "Review", "Publish", "Diagnostics", "Markdown", "Moderation", "CMalloc",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PreviewServer",
            dependencies: [
                "Site", "Publish", "Content", "Diagnostics",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Console",
            dependencies: [
                "Site", "Publish", "Review", "Content", "Diagnostics", "Markdown", "Moderation",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Pages")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "portal12320",
            dependencies: ["Content", "Review", "Site", "Publish", "Moderation", "Diagnostics", "PreviewServer", "Console", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .target(name: "FuzzTargets", dependencies: ["Content", "Review", "Site", "Markdown", "Moderation"], swiftSettings: strictSettings),
        .executableTarget(name: "portal-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strictSettings),
        .executableTarget(
            name: "moderation-benchmark",
            dependencies: ["Moderation"],
            path: "Benchmarks/ModerationBenchmark",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"], swiftSettings: strictSettings),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "ModerationTests", dependencies: ["Moderation", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"], swiftSettings: strictSettings),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Content", "Review", "Site", "Publish", "Moderation", "Diagnostics", "PreviewServer", "Console", "TestSupport",
                // In-process requests (RouterClient) rather than HummingbirdTesting, which would build an HTTP client and a second BoringSSL.
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["portal12320", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
    ]
)
