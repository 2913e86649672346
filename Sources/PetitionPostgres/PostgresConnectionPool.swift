import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The one place where the synchronous storage protocols meet postgres-nio.
///
/// The protocols are synchronous and their callers (the command line, the
/// service's blocking-work threads, the nightly job) are ordinary threads.
/// postgres-nio runs on SwiftNIO event loops; this pool owns a small
/// `MultiThreadedEventLoopGroup`, and every statement is sent with
/// postgres-nio's `EventLoopFuture` API and waited for on the caller's own
/// thread. No Swift concurrency task is involved: blocking a thread of the
/// cooperative pool to wait for a task that needs that same pool deadlocks on
/// a two-core machine, and waiting on a future from an event-loop thread is
/// refused by NIO itself (`wait()` traps there), so a misuse is loud.
///
/// Connections are opened on demand up to `maximum`, reused, and dropped when
/// closed by the server; a caller past the maximum waits for one to come back.
final class PostgresConnectionPool: @unchecked Sendable {
    let location: PostgresLocation
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let maximum: Int
    /// Guards `idle`, `open`, `nextID` and `closed`.
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private var closed = false

    init(location: PostgresLocation, maximum: Int = 16) {
        self.location = location
        self.maximum = max(1, maximum)
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // postgres-nio logs every statement at debug level: nothing is logged here.
        logger = Logger(label: "petition.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    deinit { close() }

    /// Runs `body` with a connection of its own (statements run one after another, each committed).
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try checkOut()
        var healthy = true
        defer { checkIn(connection, healthy: healthy && !connection.isClosed) }
        do {
            return try body(PostgresSession(connection: connection, logger: logger, database: location.description))
        } catch {
            healthy = !(error is PSQLError)
            throw error
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func withTransaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try withSession { session in
            try session.execute("BEGIN")
            let result: T
            do {
                result = try body(session)
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw error
            }
            try session.execute("COMMIT")
            return result
        }
    }

    /// A connection outside the pool, for a lock held as long as the
    /// connection lives (session advisory locks): the caller closes it.
    func dedicatedConnection() throws -> PostgresSession {
        let connection = try connect(id: nextConnectionID())
        return PostgresSession(connection: connection, logger: logger, database: location.description)
    }

    /// Closes every idle connection and the event loops; connections in use are closed as they come back.
    func close() {
        condition.lock()
        guard !closed else {
            condition.unlock()
            return
        }
        closed = true
        let connections = idle
        idle.removeAll()
        condition.broadcast()
        condition.unlock()
        for connection in connections { try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    private func nextConnectionID() -> Int {
        condition.lock()
        defer { condition.unlock() }
        nextID += 1
        return nextID
    }

    private func connect(id: Int) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: location.configuration, id: id,
                                                  logger: logger).wait()
        } catch let error as PSQLError {
            let reason = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw PostgresStoreError.cannotConnect(database: location.description, reason: reason)
        } catch {
            throw PostgresStoreError.cannotConnect(database: location.description, reason: "\(error)")
        }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresStoreError.cannotConnect(database: location.description, reason: "连接池已关闭")
            }
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isClosed {
                    release(nil)
                    return try checkOut()
                }
                return connection
            }
            if open < maximum {
                open += 1
                nextID += 1
                let id = nextID
                condition.unlock()
                do {
                    return try connect(id: id)
                } catch {
                    release(nil)
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func checkIn(_ connection: PostgresConnection, healthy: Bool) {
        guard healthy else {
            try? connection.close().wait()
            release(nil)
            return
        }
        condition.lock()
        if closed {
            condition.unlock()
            try? connection.close().wait()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// A connection is gone: another may be opened in its place.
    private func release(_: PostgresConnection?) {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }
}
