import Foundation
import PetitionBackends
import PetitionPostgres
import PetitionModel
import PetitionStore
import Testing

/// The storage backends a parameterised test runs on: SQLite always, and
/// PostgreSQL when `$PETITION_TEST_POSTGRES` names a server
/// (`postgres://postgres@127.0.0.1:PORT/postgres`); each test then works in a
/// scratch database of its own. Without the variable the PostgreSQL cases are
/// not generated, and each suite's `postgresConfigured` marker test shows as skipped.
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    static let postgresServer: String? = {
        let value = ProcessInfo.processInfo.environment["PETITION_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }()

    static var isPostgresConfigured: Bool { postgresServer != nil }

    /// The backends configured on this machine.
    static var available: [Backend] { isPostgresConfigured ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }
}

/// A fresh store on one backend, removed when the value dies: a SQLite file
/// in a temporary directory, or a scratch PostgreSQL database.
final class BackendStore {
    let backend: Backend
    let directory: URL
    let store: any PetitionStorage
    /// What ``reopen()`` opens again: the file's path or the database's URL.
    let location: String
    private let scratch: PostgresScratchDatabase?

    init(_ backend: Backend) throws {
        self.backend = backend
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch backend {
        case .sqlite:
            scratch = nil
            location = directory.appendingPathComponent("test.db").path
        case .postgres:
            guard let server = Backend.postgresServer else { throw BackendUnavailable() }
            let database = try PostgresScratchDatabase(server: server)
            scratch = database
            location = database.url
        }
        store = try StoreOpener.open(location, creating: true)
    }

    deinit {
        (store as? PostgresStore)?.close()
        scratch?.drop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A second store on the same database, as another process would open it.
    func reopen() throws -> any PetitionStorage {
        try StoreOpener.open(location, creating: false)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func importFile(_ path: String, kind: Importer.Kind = .petitions) throws -> ImportSummary {
        try Importer(store: store).importRecords(try RecordFile.records(path: path), kind: kind)
    }
}

/// A PostgreSQL case asked for without `$PETITION_TEST_POSTGRES`.
struct BackendUnavailable: Error {}
