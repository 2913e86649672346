import Foundation
import GRDB
import Synchronization
import PetitionModel
@testable import PetitionStore
import PetitionText
import Testing

/// A search is recorded the same way through either door, and stops when its caller stops waiting.
@Suite("Search bounds and audit")
struct SearchBoundsTests {
    @Test("the audit subject of a search names the query, every filter given and the paging")
    func auditSubject() throws {
        var request = SearchRequest(query: try SearchQuery(parsing: "房产证 开发商"))
        request.region = "历城区"
        request.level = "县级"
        request.from = CalendarDate(year: 2021, month: 1, day: 1)
        request.petitioner = "张伟"
        request.stage = .answered
        request.limit = 50
        request.offset = 100
        #expect(request.auditSubject(query: "房产证 开发商")
            == "房产证 开发商 --region 历城区 --level 县级 --from 2021-01-01 --petitioner 张伟 --stage answered --limit 50 --offset 100")
    }

    @Test("a statement still running at its deadline is interrupted by the database")
    func statementInterrupted() throws {
        let temporary = try TemporaryStore()
        let started = ContinuousClock.now
        // Counting to ten billion takes SQLite minutes.
        #expect(throws: DatabaseError.self) {
            try temporary.store.read { db in
                try StatementDeadline.run(on: db, until: .now + .milliseconds(200)) {
                    try Int.fetchOne(db, sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)
                        SELECT count(*) FROM n
                        """)
                }
            }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        // The connection is whole again afterwards: the next statement runs to its end.
        #expect(try temporary.store.read { try Int.fetchOne($0, sql: "SELECT 1") } == 1)
    }

    @Test("a search whose deadline has passed is not run")
    func searchPastDeadline() throws {
        let temporary = try TemporaryStore()
        var request = SearchRequest(query: try SearchQuery(parsing: "房产证"))
        request.deadline = .now - .seconds(1)
        #expect(throws: DatabaseError.self) { try temporary.store.search(request) }
        request.deadline = .now + .seconds(30)
        #expect(try temporary.store.search(request).total == 0)
    }

    @Test("a statement running when its store stops is interrupted, and no search starts afterwards")
    func stoppedStore() throws {
        let temporary = try TemporaryStore()
        let stop = StopSignal()
        let store = temporary.store
        let outcome = Mutex<Result<Int?, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        // A thread of its own: the statement blocks it, and Swift's few cooperative threads run the other tests.
        let worker = Thread {
            let result = Result {
                try store.read { db in
                    try StatementDeadline.run(on: db, until: nil, unless: stop) {
                        try Int.fetchOne(db, sql: """
                            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)
                            SELECT count(*) FROM n
                            """)
                    }
                }
            }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        worker.start()
        Thread.sleep(forTimeInterval: 0.2)
        stop.raise()
        #expect(finished.wait(timeout: .now() + 30) == .success, "the statement went on after the stop")
        let result = try #require(outcome.withLock { $0 })
        #expect(throws: DatabaseError.self) { try result.get() }
        store.stopSearches()
        #expect(throws: DatabaseError.self) { try store.search(SearchRequest(query: try SearchQuery(parsing: "房产证"))) }
    }
}
