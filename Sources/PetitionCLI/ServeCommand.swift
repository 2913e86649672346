import ArgumentParser
import Dispatch
import Foundation
import PetitionService
import Synchronization

/// `petition serve`: the HTTP service of DOMAIN.md. Parses arguments and
/// runs ``PetitionServer`` until SIGTERM or SIGINT, which finish the requests in flight.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动 HTTP 服务：以 /v1 接口提供受理查重、导入、检索、查看与夜间查重（需访问令牌，见 petition token）")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var replica: ReplicaOptions
    @OptionGroup var acceptanceRules: RulesOptions

    @Option(help: "监听地址") var host = "127.0.0.1"
    @Option(help: "监听端口（0 表示任选空闲端口，启动后打印）") var port = 8080
    @Option(help: ArgumentHelp("每天在此时刻（本地时间）运行增量夜间查重", valueName: "HH:MM")) var nightly: String?
    @Option(help: "常驻的受理查重器个数（默认取核心数，至少 2）") var checkers: Int?
    @Option(help: "普通请求的处理时限（秒）") var requestTimeout = 30.0
    @Option(help: "批量导入与等待夜间查重的处理时限（秒）") var batchTimeout = 600.0
    @Option(help: "检查其他进程完成的夜间查重并重新加载常驻索引的间隔（秒）") var refreshInterval = 30.0
    @Option(help: "POST /v1/check 请求体上限（字节）") var recordLimit = BodyLimits.standard.record
    @Option(help: "POST /v1/petitions 请求体上限（字节）") var batchLimit = BodyLimits.standard.batch
    @Option(help: "每名操作人每天查重可提交的不同身份证号和电话个数（防止逐位试探已掩码的号码）")
    var checkIdentifiersPerDay = ServiceConfiguration().checkIdentifiersPerDay
    @Option(help: "每名操作人每秒请求数上限（突发可达其 4 倍）")
    var requestsPerSecond = ServiceConfiguration().operatorRequestsPerSecond
    @Option(help: "日志级别：trace debug info notice warning error critical") var logLevel = "info"

    func validate() throws {
        if let nightly, NightlyTime(parsing: nightly) == nil { throw ValidationError("--nightly 应为 HH:MM，例如 02:30") }
        if !(0...65535).contains(port) { throw ValidationError("--port 应在 0 到 65535 之间") }
        if let checkers, checkers < 1 { throw ValidationError("--checkers 须为正整数") }
        if !(requestTimeout > 0 && batchTimeout > 0 && refreshInterval > 0) {
            throw ValidationError("--request-timeout、--batch-timeout 与 --refresh-interval 须为正数（秒）")
        }
        if recordLimit < 1 || batchLimit < 1 { throw ValidationError("--record-limit 与 --batch-limit 须为正整数（字节）") }
        if !(requestsPerSecond > 0) { throw ValidationError("--requests-per-second 须为正数") }
        if checkIdentifiersPerDay < 1 { throw ValidationError("--check-identifiers-per-day 须为正整数") }
        if ServiceLogHandler.logger(json: false, levelNamed: logLevel) == nil { throw ValidationError("--log-level 取值无效：\(logLevel)") }
    }

    func run() throws {
        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.nightly = nightly.flatMap(NightlyTime.init(parsing:))
        if let checkers { configuration.checkers = checkers }
        configuration.requestTimeout = .seconds(requestTimeout)
        configuration.batchTimeout = .seconds(batchTimeout)
        configuration.refreshInterval = .seconds(refreshInterval)
        configuration.bodyLimits = BodyLimits(record: recordLimit, batch: batchLimit)
        configuration.checkIdentifiersPerDay = checkIdentifiersPerDay
        configuration.operatorRequestsPerSecond = requestsPerSecond
        configuration.operatorBurst = max(1, Int(requestsPerSecond * 4))
        configuration.acceptanceRules = try acceptanceRules.load()
        // The service's reads (search, show, check candidates) go to --read-db when given; writes and the job to --db.
        let store = try openStore(global, readReplica: replica.readReplica)
        guard let logger = ServiceLogHandler.logger(json: global.json, levelNamed: logLevel) else {
            throw UserError(message: "--log-level 取值无效：\(logLevel)")
        }
        let server = PetitionServer(store: store, configuration: configuration, logger: logger)
        let json = global.json
        let outcome = Mutex<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(handlingSignals: true) { host, port in
                    let terminal = Terminal.current
                    if json {
                        terminal.print(jsonLine(["listening": "http://\(host):\(port)", "host": host, "port": port]))
                    } else {
                        terminal.print("正在监听 http://\(host):\(port)（SIGTERM 或 Ctrl-C 停止：处理完进行中的请求后退出）")
                    }
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.withLock({ $0 }) {
            throw UserError(message: "服务无法运行：\(error)")
        }
    }
}
