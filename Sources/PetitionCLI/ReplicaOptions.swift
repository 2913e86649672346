import ArgumentParser
import Foundation

/// `--read-db`: a read-only replica for the commands that only read
/// (search, show, a check not saved, audit, the service's read routes).
/// Commands that write (import, dedup, rules, token) do not take it, so that
/// nobody believes an import went anywhere but `--db`.
struct ReplicaOptions: ParsableArguments {
    @Option(name: .customLong("read-db"), help: ArgumentHelp(
        "只读副本的 PostgreSQL 地址（默认 $PETITION_READ_DB）：本命令的读取从副本读，写入（审计记录、保存的信访件）仍到 --db",
        valueName: "地址"))
    var readDB: String?

    /// The replica to read from, if any.
    var readReplica: String? {
        readDB ?? ProcessInfo.processInfo.environment["PETITION_READ_DB"]
    }
}
