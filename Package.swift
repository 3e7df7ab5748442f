// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Greenlight",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GreenlightCore", targets: ["GreenlightCore"]),
        .library(name: "GreenlightVerify", targets: ["GreenlightVerify"]),
        .library(name: "GreenlightDeploy", targets: ["GreenlightDeploy"]),
        .executable(name: "greenlight", targets: ["greenlight"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-http2", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "GreenlightCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Live probes (`greenlight verify`): network clients, AWS access, the probe runner.
        // Kept apart from GreenlightCore so `check` stays free of networking dependencies.
        .target(
            name: "GreenlightVerify",
            dependencies: [
                "GreenlightCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Phased deployments (`greenlight deploy`, `history`, `metrics`): the runner, the
        // journal, the history store (SQLite or PostgreSQL) and the metrics over it.
        .target(
            name: "GreenlightDeploy",
            dependencies: [
                "GreenlightCore",
                "GreenlightVerify",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "greenlight",
            dependencies: [
                "GreenlightCore",
                "GreenlightVerify",
                "GreenlightDeploy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GreenlightCoreTests",
            dependencies: ["GreenlightCore", "GreenlightTestSupport"],
            exclude: ["Fixtures"]
        ),
        // What the test targets share: the live servers (Tests/Live/servers.sh; one copy,
        // because every test target runs in one test process), the built binary, the
        // seeded generator of the fuzz tests.
        .target(
            name: "GreenlightTestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "GreenlightVerifyTests",
            dependencies: ["GreenlightVerify", "GreenlightCore", "GreenlightTestSupport"]
        ),
        .testTarget(
            name: "GreenlightDeployTests",
            dependencies: ["GreenlightDeploy", "GreenlightVerify", "GreenlightCore", "GreenlightTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            exclude: ["Journal/Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
