// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Greenlight",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GreenlightCore", targets: ["GreenlightCore"]),
        .executable(name: "greenlight", targets: ["greenlight"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "GreenlightCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "greenlight",
            dependencies: [
                "GreenlightCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GreenlightCoreTests",
            dependencies: ["GreenlightCore"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
