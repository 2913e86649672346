import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
import PetitionText

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "数据库：SQLite 文件路径，或 PostgreSQL 地址 postgres://用户@主机[:端口]/库（默认 $PETITION_DB 或 petitions.db）")
    var db: String?

    @Flag(name: .long, help: "输出 JSON（英文键，列表每行一个对象）")
    var json = false

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["PETITION_DB"] ?? "petitions.db"
    }
}
