// swift-tools-version:6.0
// The libFuzzer target of newsnlp, a package of its own so that `swift build` and `swift test` at the root never
// build it. Build and run it with Scripts/fuzz.sh (swift build --sanitize=fuzzer --sanitize=address).
import PackageDescription

let package = Package(
    name: "newsnlp-fuzz",
    dependencies: [
        .package(name: "newsnlp", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzAnalyze",
            dependencies: [.product(name: "NewsNLP", package: "newsnlp")]
        ),
    ]
)
