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
        // The domain model: records, their decoding and masking, import, and the storage protocols
        // every backend implements. No database.
        .target(name: "PetitionModel", dependencies: ["PetitionText"]),
        // The embedded backend: SQLite through GRDB, the FTS5 tokenizer.
        .target(
            name: "PetitionStore",
            dependencies: ["PetitionModel", "PetitionText", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The backend beyond one machine: the same protocols over postgres-nio.
        .target(
            name: "PetitionPostgres",
            dependencies: ["PetitionModel", "PetitionText", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Which backend a `--db` names: a file is SQLite, a postgres:// URL PostgreSQL. The one module that links both.
        .target(name: "PetitionBackends", dependencies: ["PetitionModel", "PetitionStore", "PetitionPostgres"]),
        // Duplicate scoring and clustering, and the acceptance advice. No SQL.
        .target(name: "PetitionDedup", dependencies: ["PetitionModel", "PetitionText"],
                resources: [.copy("Resources/acceptance-rules.txt"), .copy("Resources/calibration.json")]),
        // Measuring the detector on real messages and judged pairs, in scratch SQLite databases.
        .target(name: "PetitionEvaluation", dependencies: ["PetitionDedup", "PetitionModel", "PetitionStore", "PetitionText"]),
        // The 挂图作战 dashboard: its figures, counted from the store, and its page (HTML with inline SVG).
        .target(name: "PetitionDashboard", dependencies: ["PetitionDedup", "PetitionModel", "PetitionText"]),
        // The answers both doors give: JSON shapes, masking, the check's typed answer.
        .target(name: "PetitionAnswers", dependencies: ["PetitionDedup", "PetitionModel", "PetitionText"]),
        // The HTTP service of DOMAIN.md (`petition serve`): router, middleware, the resident index.
        .target(
            name: "PetitionService",
            dependencies: ["PetitionAnswers", "PetitionDashboard", "PetitionDedup", "PetitionModel", "PetitionText",
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
            dependencies: ["PetitionAnswers", "PetitionBackends", "PetitionDashboard", "PetitionDedup", "PetitionModel",
                           "PetitionText", "PetitionService",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Synthetic corpus generator with ground truth (no project dependencies).
        .executableTarget(name: "PetitionCorpus"),
        // Benchmarks: ingest, search, intake check and the nightly job against their peers.
        .executableTarget(
            name: "PetitionBench",
            dependencies: ["PetitionBackends", "PetitionDedup", "PetitionEvaluation", "PetitionModel", "PetitionStore",
                           "PetitionPostgres", "PetitionText", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/PetitionBench"
        ),
        .testTarget(name: "PetitionTextTests", dependencies: ["PetitionText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PetitionStoreTests", dependencies: ["PetitionBackends", "PetitionModel", "PetitionStore", "PetitionPostgres"],
                    resources: [.copy("Fixtures")]),
        // The generator is built for the held-out quality tests, which run it.
        .testTarget(name: "PetitionDedupTests",
                    dependencies: ["PetitionDedup", "PetitionEvaluation", "PetitionModel", "PetitionStore", "PetitionCorpus"]),
        .testTarget(name: "PetitionDashboardTests",
                    dependencies: ["PetitionDashboard", "PetitionDedup", "PetitionModel", "PetitionStore", "PetitionText"]),
        .testTarget(name: "PetitionCLITests",
                    dependencies: ["PetitionCLI", "PetitionModel", "PetitionStore", "PetitionPostgres", "PetitionText"]),
        // The service over a real socket on loopback; the CLI is built for `petition serve` and `petition token`.
        .testTarget(name: "PetitionServiceTests",
                    dependencies: ["PetitionService", "PetitionCLI", "PetitionDedup", "PetitionModel", "PetitionStore", "PetitionText"]),
    ]
)
