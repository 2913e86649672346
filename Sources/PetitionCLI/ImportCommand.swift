import ArgumentParser
import Foundation
import PetitionBackends
import PetitionAnswers
import PetitionDedup
import PetitionService
import PetitionModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入信访件（或 --backlog 导入积案），JSON Lines 或 CSV（UTF-8 / GB18030），按编号更新")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "文件内容为信访积案")
    var backlog = false

    @Option(name: .long, help: "解析与计算画像的线程数（默认全部核心）")
    var workers: Int?

    @Option(name: .long, help: "操作人（默认 $PETITION_OPERATOR 或系统用户名），记入审计")
    var `operator`: String?

    @Argument(help: "要导入的文件")
    var files: [String]

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers 须为正整数") }
    }

    func run() throws {
        let store = try openStore(global, creating: true)
        let terminal = Terminal.current
        var total = ImportSummary()
        let interruption = Interruption()
        for file in files where !total.interrupted {
            let bar = ProgressBar(label: (file as NSString).lastPathComponent)
            var summary: ImportSummary
            do {
                // Read as a stream: the file is never held whole, whatever its size.
                let stream = try RecordStream(path: file)
                var importer = Importer(store: store, derivedData: try ProfileWriter())
                if let workers { importer.workers = workers }
                summary = try importer.importStream(
                    stream, kind: backlog ? .backlogCases : .petitions,
                    progress: { bar.update(done: $0.records, fraction: Double($0.bytesRead) / Double(max(1, $0.fileSize))) },
                    shouldStop: { interruption.isRequested })
            } catch let error as RecordFile.FileError {
                bar.finish()
                throw UserError(message: "\(error)")
            }
            bar.finish()
            func located(_ error: RecordError) -> RecordError {
                var error = error
                error.file = file
                return error
            }
            summary.rejected = summary.rejected.map(located)
            summary.warnings = summary.warnings.map(located)
            total += summary
            total.interrupted = summary.interrupted
        }
        // An import can overwrite a petition's text and identifiers: who did it, from which files, is audited.
        try store.appendAudit(AuditEntry(
            operatorName: OperatorIdentity.name(given: `operator`), command: backlog ? "import --backlog" : "import",
            subject: "\(files.joined(separator: " "))：新增 \(total.added)，更新 \(total.updated)，未变 \(total.unchanged)，拒收 \(total.rejected.count)",
            returned: [], revealed: false, reason: nil))
        if global.json {
            terminal.print(jsonLine(AnswerJSON.importSummary(total)))
        } else {
            terminal.print("新增 \(total.added) 条，更新 \(total.updated) 条，未变 \(total.unchanged) 条，拒收 \(total.rejected.count) 条")
            for error in total.rejected.prefix(200) { terminal.printError("拒收：\(error)") }
            if total.rejected.count > 200 { terminal.printError("……另有 \(total.rejected.count - 200) 条拒收未列出（用 --json 查看全部）") }
            for warning in total.warnings.prefix(200) { terminal.printError("注意：\(warning)") }
            if total.warnings.count > 200 { terminal.printError("……另有 \(total.warnings.count - 200) 条注意事项未列出（用 --json 查看全部）") }
        }
        if total.interrupted {
            terminal.printError("已中断：已提交的批次已保存。重新运行同一命令即可继续，已导入的记录不会重复。")
            throw ExitCode(130)
        }
        if !total.rejected.isEmpty { throw ExitCode(1) }
    }
}

/// Opens the database `--db` names (a SQLite path or a postgres:// URL, see
/// ``StoreOpener``); only `import` may create it, so that a mistyped `--db`
/// is an error rather than an empty result.
///
/// With `readReplica` (``ReplicaOptions``, given only by work that reads:
/// search, show, a check not saved, audit, the service's read routes), reads
/// go to the replica; writes (the audit trail) still go to `--db`.
func openStore(_ global: GlobalOptions, creating: Bool = false, readReplica: String? = nil) throws -> any PetitionStorage {
    do {
        return try StoreOpener.open(global.databasePath, creating: creating, readReplica: readReplica)
    } catch let error as any StoreFailure {
        throw UserError(message: error.description)
    }
}
