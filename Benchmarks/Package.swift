// swift-tools-version:6.1
// Throughput of each stage of newsnlp and of the whole analysis, with ordo-one/benchmark.
// A package of its own so that `swift build` and `swift test` at the root never build it.
//   cd Benchmarks && swift package benchmark            (all)
//   swift package benchmark --filter 'segmentation'     (one)
import PackageDescription

let package = Package(
    name: "newsnlp-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "newsnlp", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NewsNLPBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsNLP", package: "newsnlp"),
            ],
            path: "Benchmarks/NewsNLPBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
