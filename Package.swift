// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "petition",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "petition", targets: ["PetitionCLI"]),
        .executable(name: "petition-corpus", targets: ["PetitionCorpus"]),
        .executable(name: "petition-bench", targets: ["PetitionBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The HTTP service (PetitionService): its server, metrics, lifecycle, logs and token hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The PostgreSQL backend (PetitionPostgres).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // ICU behind a C API with no ICU types: Swift modules that see Foundation
        // cannot import system ICU headers (they clash with _FoundationICU).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Text analysis: normalization, segmentation, lexicon, canonical identifiers. No SQLite.
        .target(name: "PetitionText", dependencies: ["CICU"], resources: [.copy("Resources/lexicon.txt"), .copy("Resources/concepts.txt"), .copy("Resources/entities.txt"), .copy("Resources/function-words.txt"), .copy("Resources/people.txt")]),
        // Storage and search: SQLite through GRDB, the FTS5 tokenizer, import.
        .target(
            name: "PetitionStore",
            dependencies: ["PetitionText", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Storage and search on PostgreSQL: the same protocols as PetitionStore, over postgres-nio.
        .target(
            name: "PetitionPostgres",
            dependencies: ["PetitionStore", "PetitionText", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Duplicate scoring and clustering.
        .target(name: "PetitionDedup", dependencies: ["PetitionStore", "PetitionText"],
                resources: [.copy("Resources/acceptance-rules.txt"), .copy("Resources/calibration.json")]),
        // The 挂图作战 dashboard: its figures, counted from the store, and its page (HTML with inline SVG).
        .target(name: "PetitionDashboard", dependencies: ["PetitionDedup", "PetitionStore", "PetitionText"]),
        // The answers both doors give: JSON shapes, masking, the check's typed answer.
        .target(name: "PetitionAnswers", dependencies: ["PetitionDedup", "PetitionStore", "PetitionText"]),
        // The HTTP service of DOMAIN.md (`petition serve`): router, middleware, the resident index.
        .target(
            name: "PetitionService",
            dependencies: ["PetitionAnswers", "PetitionDashboard", "PetitionDedup", "PetitionStore", "PetitionText",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "Prometheus", package: "swift-prometheus"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/openapi.json")]
        ),
        // The command line: parses arguments, prints.
        .executableTarget(
            name: "PetitionCLI",
            dependencies: ["PetitionAnswers", "PetitionDashboard", "PetitionDedup", "PetitionStore", "PetitionPostgres",
                           "PetitionText", "PetitionService",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Synthetic corpus generator with ground truth (no project dependencies).
        .executableTarget(name: "PetitionCorpus"),
        // Benchmarks: ingest, search, intake check and the nightly job against their peers.
        .executableTarget(
            name: "PetitionBench",
            dependencies: ["PetitionDedup", "PetitionStore", "PetitionPostgres", "PetitionText",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/PetitionBench"
        ),
        .testTarget(name: "PetitionTextTests", dependencies: ["PetitionText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PetitionStoreTests", dependencies: ["PetitionStore", "PetitionPostgres"], resources: [.copy("Fixtures")]),
        // The generator is built for the held-out quality tests, which run it.
        .testTarget(name: "PetitionDedupTests", dependencies: ["PetitionDedup", "PetitionCorpus"]),
        .testTarget(name: "PetitionDashboardTests", dependencies: ["PetitionDashboard", "PetitionDedup", "PetitionStore", "PetitionText"]),
        .testTarget(name: "PetitionCLITests", dependencies: ["PetitionCLI", "PetitionStore", "PetitionPostgres", "PetitionText"]),
        // The service over a real socket on loopback; the CLI is built for `petition serve` and `petition token`.
        .testTarget(name: "PetitionServiceTests",
                    dependencies: ["PetitionService", "PetitionCLI", "PetitionDedup", "PetitionStore", "PetitionText"]),
    ]
)
